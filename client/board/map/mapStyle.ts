/**
 * A MapLibre style for whatever vector tiles the deployer provides: layers
 * are styled by their names (water, roads, buildings… as OpenStreetMap
 * extracts call them), so Protomaps, OpenMapTiles or IGN-derived files all
 * draw. No text: labels need glyph files, which a closed network may not
 * have; participants recognise streets and rivers, and write the names.
 */
import type { LayerSpecification, StyleSpecification } from 'maplibre-gl';

const polygon = ['==', ['geometry-type'], 'Polygon'] as const;
const line = ['==', ['geometry-type'], 'LineString'] as const;

function layersFor(source: string, id: string): LayerSpecification[] {
  const name = id.toLowerCase();
  const base = { source, 'source-layer': id };
  if (/water|ocean|lake|river|hydro/.test(name)) {
    return [
      { ...base, id: `${id}-fill`, type: 'fill', filter: polygon as never, paint: { 'fill-color': '#aac9e6' } },
      { ...base, id: `${id}-line`, type: 'line', filter: line as never, paint: { 'line-color': '#aac9e6', 'line-width': 1.5 } },
    ];
  }
  if (/landuse|landcover|park|wood|forest|natural|green|vegetation/.test(name)) {
    return [{ ...base, id, type: 'fill', filter: polygon as never, paint: { 'fill-color': '#d4e6c3', 'fill-opacity': 0.8 } }];
  }
  if (/building|bati/.test(name)) {
    return [{ ...base, id, type: 'fill', filter: polygon as never, paint: { 'fill-color': '#dcd3cb', 'fill-outline-color': '#c4b8ad' } }];
  }
  if (/road|transport|street|highway|route|troncon/.test(name)) {
    // A zoom expression must be the top-level one: the casing gets its own, wider curve.
    const width = (min: number, max: number) => ['interpolate', ['exponential', 1.6], ['zoom'], 10, min, 18, max] as never;
    return [
      { ...base, id: `${id}-casing`, type: 'line', filter: line as never, paint: { 'line-color': '#b9b2a9', 'line-width': width(1, 18) } },
      { ...base, id, type: 'line', filter: line as never, paint: { 'line-color': '#ffffff', 'line-width': width(0.5, 14) } },
    ];
  }
  if (/rail|ferr/.test(name)) {
    return [{ ...base, id, type: 'line', filter: line as never, paint: { 'line-color': '#8a8a8a', 'line-width': 1.2, 'line-dasharray': [3, 2] } }];
  }
  if (/boundar|limite|admin/.test(name)) {
    return [{ ...base, id, type: 'line', filter: line as never, paint: { 'line-color': '#8d7fa8', 'line-width': 1.2, 'line-dasharray': [4, 2] } }];
  }
  return [];
}

/** The style for a PMTiles source at `tilesUrl` whose vector layers are `layerIds`. */
export function mapStyle(tilesUrl: string, layerIds: string[]): StyleSpecification {
  const source = 'territoire';
  return {
    version: 8,
    sources: { [source]: { type: 'vector', url: `pmtiles://${tilesUrl}` } },
    layers: [
      { id: 'background', type: 'background', paint: { 'background-color': '#f2efe9' } },
      ...layerIds.flatMap((id) => layersFor(source, id)),
    ],
  };
}
