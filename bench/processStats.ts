/** CPU and memory of another process, read from Linux's /proc. */
import { readFileSync } from 'node:fs';

/** `getconf CLK_TCK` on every Linux the bench runs on. */
const CLOCK_TICKS_PER_SECOND = 100;

export interface ProcessSample {
  cpuMs: number;
  rssBytes: number;
  atMs: number;
}

export function sampleProcess(pid: number): ProcessSample {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name, which may itself hold spaces: utime and stime are the 12th and 13th.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]);
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const rssKb = Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0);
  return { cpuMs: (ticks * 1000) / CLOCK_TICKS_PER_SECOND, rssBytes: rssKb * 1024, atMs: performance.now() };
}

export interface ProcessUsage {
  /** Share of one core over the window (100 = one core busy). */
  cpuPercent: number;
  rssPeakBytes: number;
  rssEndBytes: number;
}

/** Samples `pid` every `everyMs` until `stop()`, which returns the usage over the window. */
export function watchProcess(pid: number, everyMs = 250): { stop(): ProcessUsage } {
  const first = sampleProcess(pid);
  let last = first;
  let peak = first.rssBytes;
  const timer = setInterval(() => {
    last = sampleProcess(pid);
    peak = Math.max(peak, last.rssBytes);
  }, everyMs);
  return {
    stop() {
      clearInterval(timer);
      last = sampleProcess(pid);
      peak = Math.max(peak, last.rssBytes);
      const wallMs = last.atMs - first.atMs;
      return {
        cpuPercent: wallMs > 0 ? ((last.cpuMs - first.cpuMs) / wallMs) * 100 : 0,
        rssPeakBytes: peak,
        rssEndBytes: last.rssBytes,
      };
    },
  };
}
