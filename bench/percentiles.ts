/** Latency distributions as 1 ms buckets, cheap to send between processes and merge. */
export const HISTOGRAM_MAX_MS = 60_000;

export function emptyHistogram(): number[] {
  return new Array<number>(HISTOGRAM_MAX_MS + 1).fill(0);
}

export function addToHistogram(histogram: number[], latencyMs: number): void {
  histogram[Math.min(HISTOGRAM_MAX_MS, Math.max(0, Math.round(latencyMs)))]! += 1;
}

export function mergeHistograms(into: number[], from: number[]): void {
  for (let i = 0; i < from.length; i++) into[i]! += from[i]!;
}

/** The `q`-quantile (0..1) in ms, or NaN when empty. */
export function quantile(histogram: number[], q: number): number {
  const total = histogram.reduce((a, b) => a + b, 0);
  if (total === 0) return Number.NaN;
  const rank = Math.ceil(q * total);
  let seen = 0;
  for (let i = 0; i < histogram.length; i++) {
    seen += histogram[i]!;
    if (seen >= rank) return i;
  }
  return HISTOGRAM_MAX_MS;
}
