import { boardRecords, isShapeRecord, trameMeta } from '../../shared/boardLayout.js';
import { createBoardState } from '../board/createBoardState.js';
import type { BoardRegistry } from '../collaboration/BoardRegistry.js';

/**
 * A new board from an existing one: everything, or only the canvases'
 * scaffolding (what templates drew), without what people added.
 */
export async function duplicateBoard(
  registry: BoardRegistry,
  sourceId: string,
  withContributions: boolean,
): Promise<Uint8Array> {
  const records = await registry.withBoard(sourceId, (room) => [...boardRecords(room.doc).values()]);
  const kept = withContributions
    ? records
    : records.filter((r) => !isShapeRecord(r) || (trameMeta(r)?.canvasId && trameMeta(r)?.role));
  return createBoardState(kept);
}
