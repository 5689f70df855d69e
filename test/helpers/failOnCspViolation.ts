/** Vitest setup file: every test fails if a page it drove reported a Content Security Policy violation. */
import { afterEach, expect } from 'vitest';
import { cspViolations } from './cspViolations.js';

afterEach(() => {
  const seen = cspViolations.splice(0);
  expect(seen, 'Content Security Policy violations').toEqual([]);
});
