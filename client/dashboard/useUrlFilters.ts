import { useCallback, useState } from 'react';
import type { BankFilters } from '../api.js';
import { queryString } from '../../shared/paths.js';

const KEYS = ['q', 'theme', 'echelon', 'territory', 'phase', 'stage', 'status', 'suites'] as const;

function readFilters(search: string): BankFilters {
  const params = new URLSearchParams(search);
  return Object.fromEntries(KEYS.flatMap((key) => (params.get(key) ? [[key, params.get(key)!]] : []))) as BankFilters;
}

/** Search filters kept in the address (`?q=vélo&theme=mobilite`), so a search can be shared or bookmarked. */
export function useUrlFilters(): [BankFilters, (filters: BankFilters) => void] {
  const [filters, setFilters] = useState(() => readFilters(window.location.search));
  const update = useCallback((next: BankFilters) => {
    setFilters(next);
    // Each keystroke replaces the entry rather than piling up history.
    window.history.replaceState(window.history.state, '', `${window.location.pathname}${queryString(next)}${window.location.hash}`);
  }, []);
  return [filters, update];
}

export const hasFilters = (filters: BankFilters) => Object.values(filters).some(Boolean);
