/**
 * Dates, numbers and durations as the reader's language writes them (« 28 novembre 2026 », « 1 234 »,
 * « 45–90 min »), through Intl, in one place: every screen shows a date the same way.
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

/** A calendar day (`2026-11-28`, the record card's date) names the same day wherever the reader is. */
const CALENDAR_DAY = /^\d{4}-\d{2}-\d{2}$/;

export interface Formatter {
  /** « 28 novembre 2026 »; `short`: « 28/11/2026 ». */
  date(value: string | Date, style?: 'long' | 'short'): string;
  /** « 1 234 ». */
  number(value: number): string;
  /** « 60 min », « 45–90 min » (a range whose ends are equal is one value). */
  duration(minMinutes: number, maxMinutes?: number): string;
}

export function formatter(language: string): Formatter {
  const dates = {
    long: new Intl.DateTimeFormat(language, { dateStyle: 'long', timeZone: 'UTC' }),
    short: new Intl.DateTimeFormat(language, { dateStyle: 'short', timeZone: 'UTC' }),
  };
  const local = {
    long: new Intl.DateTimeFormat(language, { dateStyle: 'long' }),
    short: new Intl.DateTimeFormat(language, { dateStyle: 'short' }),
  };
  const numbers = new Intl.NumberFormat(language);
  const minutes = new Intl.NumberFormat(language, { style: 'unit', unit: 'minute', unitDisplay: 'short' });
  return {
    date(value, style = 'long') {
      if (typeof value === 'string' && CALENDAR_DAY.test(value)) return dates[style].format(new Date(`${value}T00:00:00Z`));
      const date = new Date(value);
      return Number.isNaN(date.getTime()) ? String(value) : local[style].format(date);
    },
    number: (value) => numbers.format(value),
    duration: (min, max = min) => (min === max ? minutes.format(min) : minutes.formatRange(min, max)),
  };
}

/** The formatter of the page's current language. */
export function useFormat(): Formatter {
  const { i18n } = useTranslation();
  return useMemo(() => formatter(i18n.language), [i18n.language]);
}
