/**
 * A board over its size quota refuses participants' additions (their sender
 * and the facilitator are told, in French on their screens), still takes
 * deletions, and opens whole.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { defaultConfig } from '../../server/config.js';
import { openInTldraw, openTrustBoard, type TrustedClient } from '../helpers/boardTrust.js';
import { noteRecord } from '../helpers/records.js';
import { serverPerFile } from '../helpers/serverPerFile.js';
import { eventually } from '../helpers/yjsClient.js';

const env = serverPerFile({ quotas: { ...defaultConfig.quotas, boardBytes: 20_000 } });
const opened: TrustedClient[] = [];
afterAll(() => opened.forEach((c) => c.destroy()));

describe('the board size quota', () => {
  it("refuses a participant's growth past it, tells the facilitator, and still takes deletions", async () => {
    const board = await openTrustBoard(env.t);
    opened.push(...board.clients);
    const { alice, bob, facilitator } = board;
    const author = { participantId: board.aliceId, college: 'habitant' };
    for (let i = 0; i < 12 && alice.refusals.length === 0; i++) {
      alice.records.set(`shape:n${i}`, noteRecord(`n${i}`, `Idée ${i} `.repeat(300), { x: 0, y: 0 }, author));
      await new Promise((r) => setTimeout(r, 50));
    }
    // A note or two may leave before the first refusal comes back: each is refused alike.
    await eventually(() => expect(alice.refusals.length).toBeGreaterThan(0));
    expect(new Set(alice.refusals)).toEqual(new Set(['board-full']));
    const refusedBefore = alice.refusals.length;
    await eventually(() => expect(facilitator.refusals).toEqual(['board-full']));
    const kept = [...bob.records.keys()].filter((k) => k.startsWith('shape:n'));
    await eventually(() => expect([...alice.records.keys()].filter((k) => k.startsWith('shape:n'))).toEqual(kept));
    expect(kept.length).toBeGreaterThan(0);

    alice.records.delete(kept[0]!);
    await eventually(() => expect(bob.records.has(kept[0]!)).toBe(false));
    expect(alice.refusals).toHaveLength(refusedBefore);
    expect(openInTldraw(bob.doc)).toBe(bob.records.size);
  });
});
