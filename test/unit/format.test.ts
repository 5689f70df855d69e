import { describe, expect, it } from 'vitest';
import { formatter } from '../../client/format.js';

const fr = formatter('fr');

describe('French formatting of dates, numbers and durations', () => {
  it('writes a calendar day in words, the same day in every time zone', () => {
    expect(fr.date('2026-11-28')).toBe('28 novembre 2026');
    expect(fr.date('2026-11-28', 'short')).toBe('28/11/2026');
  });

  it('writes an instant as a date', () => {
    expect(fr.date('2026-11-28T10:00:00.000Z')).toBe('28 novembre 2026');
  });

  it('separates thousands with a space', () => {
    expect(fr.number(1234).replace(/\s/g, ' ')).toBe('1 234');
  });

  it('writes a duration once when its range has equal ends', () => {
    const plain = (text: string) => text.replace(/\s/g, ' ');
    expect(plain(fr.duration(60, 60))).toBe('60 min');
    expect(plain(fr.duration(45))).toBe('45 min');
    expect(plain(fr.duration(45, 90))).toBe('45–90 min');
  });
});
