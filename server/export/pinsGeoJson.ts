import { trameMeta, type BoardRecord } from '../../shared/boardLayout.js';
import { boxCentre, boxContains, isContributionNote, readBoardGeometry } from '../../shared/boardGeometry.js';
import { shapeText } from '../../shared/boardContent.js';
import type { PinCollection, PinFeature } from '../../shared/mapApi.js';
import { isMapBounds, pointOnMap } from '../../shared/mapProjection.js';

/** Six decimals: about 10 cm, far finer than a finger on a map. */
const round = (v: number) => Math.round(v * 1e6) / 1e6;

/**
 * The pins of a board: every contribution note whose centre lies on a map
 * background, with the longitude/latitude of that point of the map.
 * Authors are not named (a collège at most), like the anonymised report.
 */
export function pinsGeoJson(records: BoardRecord[]): PinCollection {
  const geometry = readBoardGeometry(records);
  const maps = records
    .filter((r) => isMapBounds(trameMeta(r)?.map))
    .map((r) => ({ box: geometry.boxOf(r), bounds: trameMeta(r)!.map! }));
  const features: PinFeature[] = [];
  for (const note of records) {
    if (!isContributionNote(note)) continue;
    const centre = boxCentre(geometry.boxOf(note));
    const map = maps.find((m) => boxContains(m.box, centre));
    if (!map) continue;
    const { lng, lat } = pointOnMap(map.bounds, (centre.x - map.box.x) / map.box.w, (centre.y - map.box.y) / map.box.h);
    const canvasId = geometry.canvasOf(note);
    features.push({
      type: 'Feature',
      id: note.id,
      geometry: { type: 'Point', coordinates: [round(lng), round(lat)] },
      properties: {
        text: shapeText(note),
        college: trameMeta(note)?.college ?? null,
        canvasId,
        zone: geometry.zoneAt(centre, canvasId)?.label ?? null,
      },
    });
  }
  return { type: 'FeatureCollection', features };
}
