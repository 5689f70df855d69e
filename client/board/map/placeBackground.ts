import { AssetRecordType, createShapeId, getIndexBetween, type Editor, type TLShape } from 'tldraw';
import { TRAME_META_KEY, type BoardRecord, type TrameShapeMeta } from '../../../shared/boardLayout.js';
import { readBoardGeometry, type ZoneGeometry } from '../../../shared/boardGeometry.js';
import type { MapBounds } from '../../../shared/mapProjection.js';
import { backgroundBox } from '../../../shared/zoneBackground.js';

/** Zones that take a map or plan background: the carte sensible's « Fond de carte ». */
export function backgroundZones(editor: Editor): ZoneGeometry[] {
  const geometry = readBoardGeometry(editor.store.allRecords() as unknown as BoardRecord[]);
  return geometry.zones.filter((zone) => zone.zoneId === 'carte');
}

function trameOf(shape: TLShape): TrameShapeMeta | undefined {
  return (shape.meta as Record<string, TrameShapeMeta | undefined>)[TRAME_META_KEY];
}

/**
 * Lays an uploaded image in a zone, above the zone and below everything
 * else, locked like the rest of the canvas: participants' notes go on top,
 * and nobody drags the map away. A previous background of the zone is
 * replaced. `map` gives the image's edges on Earth, when it is a map.
 */
export function placeBackground(
  editor: Editor,
  zone: ZoneGeometry,
  image: { url: string; width: number; height: number; name: string; fileSize: number },
  map: MapBounds | null,
): void {
  const box = backgroundBox(zone, image, map !== null);
  const zoneShape = editor.getShape(zone.shapeId as TLShape['id']);
  if (!zoneShape) return;
  const sorted = editor.getCurrentPageShapesSorted();
  const previous = sorted.filter((s) => trameOf(s)?.backgroundOf === zone.shapeId);
  const above = sorted.slice(sorted.indexOf(zoneShape) + 1).find((s) => !previous.includes(s));
  const asset = AssetRecordType.create({
    id: AssetRecordType.createId(),
    type: 'image',
    props: { src: image.url, w: image.width, h: image.height, name: image.name, isAnimated: false, mimeType: 'image/webp', fileSize: Math.max(1, image.fileSize) },
    meta: {},
  });
  editor.run(
    () => {
      if (previous.length > 0) {
        editor.updateShapes(previous.map((s) => ({ id: s.id, type: s.type, isLocked: false })));
        editor.deleteShapes(previous.map((s) => s.id));
      }
      editor.createAssets([asset]);
      editor.createShape({
        id: createShapeId(),
        type: 'image',
        x: box.x,
        y: box.y,
        index: getIndexBetween(zoneShape.index, above?.index),
        isLocked: true,
        props: { w: box.w, h: box.h, assetId: asset.id, altText: image.name },
        meta: {
          [TRAME_META_KEY]: {
            canvasId: zone.canvasId,
            role: 'decoration',
            backgroundOf: zone.shapeId,
            ...(map ? { map: { ...map } } : {}),
          },
        },
      });
    },
    { ignoreShapeLock: true },
  );
}
