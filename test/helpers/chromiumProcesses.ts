/**
 * The Chromium processes this test process started (the server's PDF renderer, in-process in tests), read
 * from /proc: to stop the browser the way a crash or the OOM killer would, at a moment the test chooses.
 */
import { readdirSync, readFileSync } from 'node:fs';

interface Proc {
  pid: number;
  ppid: number;
  cmdline: string;
  /** CPU time used so far (user + system), in clock ticks (1/100 s). */
  cpuTicks: number;
}

function readProc(pid: number): Proc | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name may hold spaces and parentheses: fields are counted after its closing one.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return {
      pid,
      ppid: Number(fields[1]),
      cmdline: readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' '),
      cpuTicks: Number(fields[11]) + Number(fields[12]),
    };
  } catch {
    return null;
  }
}

/** Chromium processes descending from this process: the browser itself, and its renderers. */
export function ownChromium(): { browser: Proc[]; renderers: Proc[] } {
  const all = readdirSync('/proc').filter((d) => /^\d+$/.test(d)).map((d) => readProc(Number(d))).filter((p): p is Proc => p !== null);
  const mine = new Set([process.pid]);
  // Parents before children is not guaranteed by pid order: repeat until no new descendant is found.
  for (let grew = true; grew; ) {
    grew = false;
    for (const p of all) {
      if (mine.has(p.pid) || !mine.has(p.ppid)) continue;
      mine.add(p.pid);
      grew = true;
    }
  }
  const chromium = all.filter((p) => mine.has(p.pid) && p.pid !== process.pid && /chrom/i.test(p.cmdline));
  return {
    browser: chromium.filter((p) => p.ppid === process.pid && !p.cmdline.includes('--type=')),
    renderers: chromium.filter((p) => p.cmdline.includes('--type=renderer')),
  };
}
