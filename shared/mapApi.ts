/** What `GET /api/map` answers: where the territory's tiles are, or null when the instance has none (plans only). */
export interface MapInfo {
  tilesUrl: string | null;
}

/** `GET /api/sessions/:id/export/pins.geojson`: notes on a map background, as GeoJSON points (RFC 7946). */
export interface PinFeature {
  type: 'Feature';
  id: string;
  geometry: { type: 'Point'; coordinates: [number, number] };
  properties: { text: string; college: string | null; canvasId: string | null; zone: string | null };
}

export interface PinCollection {
  type: 'FeatureCollection';
  features: PinFeature[];
}
