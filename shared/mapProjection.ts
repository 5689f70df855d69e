/**
 * Where a point of a map image lies on Earth. A map background is a picture
 * of a Web Mercator map (MapLibre's projection) whose edges are known in
 * longitude/latitude; a pin's place in the picture gives its coordinates.
 * Pure functions, used by the board (to place a map) and the server (GeoJSON).
 */

/** Edges of a map picture, in degrees: west and east longitudes, south and north latitudes. */
export interface MapBounds {
  west: number;
  south: number;
  east: number;
  north: number;
}

const RAD = Math.PI / 180;

/** Web Mercator's y for a latitude (unitless, grows northwards). */
const mercatorY = (lat: number) => Math.log(Math.tan(Math.PI / 4 + (lat * RAD) / 2));
const latitudeOf = (y: number) => (2 * Math.atan(Math.exp(y)) - Math.PI / 2) / RAD;

/**
 * Longitude and latitude of the point at fractions `fx` (0 at the west edge,
 * 1 at the east) and `fy` (0 at the north edge, 1 at the south) of a map picture.
 */
export function pointOnMap(bounds: MapBounds, fx: number, fy: number): { lng: number; lat: number } {
  const north = mercatorY(bounds.north);
  const south = mercatorY(bounds.south);
  return {
    lng: bounds.west + fx * (bounds.east - bounds.west),
    lat: latitudeOf(north + fy * (south - north)),
  };
}

/** Whether bounds are usable: finite, ordered, within Web Mercator's latitudes. */
export function isMapBounds(value: unknown): value is MapBounds {
  const b = value as Partial<MapBounds> | null;
  return (
    !!b &&
    [b.west, b.south, b.east, b.north].every((v) => typeof v === 'number' && Number.isFinite(v)) &&
    b.west! < b.east! &&
    b.south! < b.north! &&
    b.south! >= -85.06 &&
    b.north! <= 85.06 &&
    b.west! >= -180 &&
    b.east! <= 180
  );
}
