/**
 * Content Security Policy violations seen by any page of any browser the
 * tests launched; `failOnCspViolation.ts` (a vitest setup file) fails the
 * test during which one appeared, and empties the list after each test.
 * Apart from `browser.ts` so that the setup file, run before every test
 * file, does not load playwright for files that drive no browser.
 */
export const cspViolations: string[] = [];
