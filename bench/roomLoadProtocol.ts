/** Messages between the room-load orchestrator and its client worker processes. */
export interface WorkerStart {
  type: 'start';
  wsUrl: string;
  room: string;
  /** One per client, in order. */
  params: Record<string, string>[];
  firstIndex: number;
  clients: number;
  /** Light participants (bench/LightParticipant.ts) rather than stock y-websocket clients: from this index on. */
  lightFrom: number;
  /** Light participants from this index on are phones on their list of ideas (`vue=liste`): sent no cursors. */
  listFrom: number;
  /** One light participant in this many offers compression, as browsers do (0: none). */
  deflateEvery: number;
  /** 0: everyone times every edit. N: a venue's phones (see `timesEdits`). */
  timeEvery: number;
}

/**
 * Whether participant `index` times the edits it receives. With `timeEvery` N > 0 the phones on their lists are a
 * venue's: they all offer compression as browsers do, and only one in N (reading plain frames) and the ones that
 * inflate (`deflateEvery`) time the edits; the others drain compressed frames unread (bench/DrainingSocket.ts),
 * so that the server writes what it would to a room of real phones and the simulation keeps its cores for it.
 */
export function timesEdits(index: number, start: Pick<WorkerStart, 'listFrom' | 'deflateEvery' | 'timeEvery'>): boolean {
  if (start.timeEvery <= 0 || index < start.listFrom) return true;
  return index % start.timeEvery === 0 || (start.deflateEvery > 0 && index % start.deflateEvery === 0);
}

export interface WorkerGo {
  type: 'go';
  durationMs: number;
  editIntervalMs: number;
  cursorHz: number;
  /** A participant sends cursors only while dragging: this long before each edit. */
  gestureMs: number;
  /** Receptions are timed on arrival and applied after the load (see ReceptionGate); otherwise applied live. */
  holdReceptions: boolean;
  /** The plenary workload: participants below this index move their cursor all along rather than while dragging. */
  steadyCursors: number;
}

export interface WorkerResult {
  type: 'result';
  /** Edits this worker's clients made: id → send time (epoch ms). */
  sent: [string, number][];
  /** Per edit seen: id → [clients here that received it, latest reception (epoch ms)]. */
  received: [string, number, number][];
  /** The same, by light participants only (compared with the full clients' in validation runs). */
  receivedLight: [string, number, number][];
  /** Deliveries to full clients and to light ones: [ms, count] each. */
  deliveriesFull: [number, number][];
  deliveriesLight: [number, number][];
  /** Sparse histogram of every single delivery latency: [ms, count]. */
  deliveries: [number, number][];
  cursorsSent: number;
  cpuPercent: number;
  /** How late this process's event loop ran, a sign the clients, not the server, are saturated. */
  loopDelayP99Ms: number;
  /** CPU spent applying what was held during the load: the participants' devices' own work. */
  replayCpuMs: number;
  /** With held receptions: bytes this worker's full clients received, summed; light ones always. */
  receivedBytes: number;
  fullClients: number;
  lightClients: number;
  receivedBytesLight: number;
  /** Bytes read off the network by the phones on their lists that offered compression, and by the others. */
  phones: { deflating: { count: number; bytes: number }; plain: { count: number; bytes: number } };
}

export type ToWorker = WorkerStart | WorkerGo | { type: 'stop' };
export type FromWorker = { type: 'ready' } | WorkerResult | { type: 'error'; message: string };

/** Wall clock with sub-millisecond resolution, comparable across processes on one machine. */
export const now = (): number => performance.timeOrigin + performance.now();
