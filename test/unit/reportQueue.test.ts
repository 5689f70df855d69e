import { describe, expect, it } from 'vitest';
import { QueueFullError, ReportQueue } from '../../server/export/ReportQueue.js';

/** A render that ends when the test says so, and records when it started. */
function render(name: string, started: string[]) {
  let finish!: () => void;
  const done = new Promise<void>((resolve) => (finish = resolve));
  return {
    task: async () => {
      started.push(name);
      await done;
      return name;
    },
    finish,
  };
}

/** A queue given bank renders named `names`, in that order: the first ones run, the others wait. */
async function queueWithBankRenders(options: { concurrency: number; maxWaiting: number }, names: string[]) {
  const queue = new ReportQueue(options);
  const started: string[] = [];
  const renders = names.map((name) => render(name, started));
  const runs = renders.map((r) => queue.run('public', r.task));
  await settle();
  return { queue, started, renders, runs };
}

const settle = () => new Promise((r) => setTimeout(r, 0));

describe('the render queue', () => {
  it('puts a facilitator ahead of every waiting bank render', async () => {
    const { queue, started, renders, runs } = await queueWithBankRenders({ concurrency: 1, maxWaiting: 2 }, ['bank A', 'bank B']);
    const f = render('facilitator', started);
    runs.push(queue.run('facilitator', f.task));
    renders[0]!.finish();
    await settle();
    expect(started).toEqual(['bank A', 'facilitator']);
    f.finish();
    renders[1]!.finish();
    expect(await Promise.all(runs)).toEqual(['bank A', 'bank B', 'facilitator']);
    expect(started).toEqual(['bank A', 'facilitator', 'bank B']);
  });

  it('keeps a slot freed while a facilitator builds their data for them, not for the next bank render', async () => {
    const { queue, started, renders, runs } = await queueWithBankRenders({ concurrency: 1, maxWaiting: 2 }, ['bank A', 'bank B']);
    const hold = queue.hold();
    renders[0]!.finish();
    await settle();
    expect(started).toEqual(['bank A']);
    const f = render('facilitator', started);
    runs.push(queue.run('facilitator', f.task, hold));
    await settle();
    expect(started).toEqual(['bank A', 'facilitator']);
    f.finish();
    renders[1]!.finish();
    await Promise.all(runs);
    expect(started).toEqual(['bank A', 'facilitator', 'bank B']);
  });

  it('gives the slot back to the bank when the held facilitator needs no render', async () => {
    const { queue, started, renders, runs } = await queueWithBankRenders({ concurrency: 1, maxWaiting: 2 }, ['bank A', 'bank B']);
    const hold = queue.hold();
    renders[0]!.finish();
    await settle();
    expect(started).toEqual(['bank A']);
    queue.release(hold);
    queue.release(hold);
    await settle();
    expect(started).toEqual(['bank A', 'bank B']);
    renders[1]!.finish();
    await Promise.all(runs);
  });

  it('starts every bank render the hold kept waiting once the facilitator has their slot', async () => {
    const names = ['bank A', 'bank B', 'bank C', 'bank D'];
    const { queue, started, renders, runs } = await queueWithBankRenders({ concurrency: 2, maxWaiting: 3 }, names);
    const hold = queue.hold();
    renders[0]!.finish();
    renders[1]!.finish();
    await settle();
    expect(started).toEqual(['bank A', 'bank B']);
    const f = render('facilitator', started);
    runs.push(queue.run('facilitator', f.task, hold));
    await settle();
    expect(started).toEqual(['bank A', 'bank B', 'facilitator', 'bank C']);
    f.finish();
    renders[2]!.finish();
    renders[3]!.finish();
    await Promise.all(runs);
    expect(started).toEqual(['bank A', 'bank B', 'facilitator', 'bank C', 'bank D']);
  });

  it('refuses a bank request with a French message and a wait in seconds when its line is full', async () => {
    const { queue, renders, runs } = await queueWithBankRenders({ concurrency: 1, maxWaiting: 1 }, ['bank A', 'bank B']);
    const refused = await queue.run('public', async () => 'never').catch((err: unknown) => err);
    expect(refused).toBeInstanceOf(QueueFullError);
    expect((refused as QueueFullError).retryAfterS).toBeGreaterThanOrEqual(1);
    expect((refused as QueueFullError).message).toMatch(/Réessayez dans \d+ s/);
    for (const r of renders) r.finish();
    await Promise.all(runs);
  });
});
