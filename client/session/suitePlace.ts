import type { TFunction } from 'i18next';
import type { PublicSuite } from '../../shared/suites.js';

/**
 * Where a suite's idea is, as a reader is told: its place name, else its point in degrees with the
 * cardinal letters (« 47,1812° N, 1,5521° O »: four decimals, about 10 m); null when it has neither.
 */
export function suitePlace(suite: Pick<PublicSuite, 'placeName' | 'location'>, t: TFunction, language: string): string | null {
  if (suite.placeName) return suite.placeName;
  if (!suite.location) return null;
  const degrees = new Intl.NumberFormat(language, { maximumFractionDigits: 4 });
  const { latitude, longitude } = suite.location;
  return t('suites.point', {
    latitude: degrees.format(Math.abs(latitude)),
    northSouth: t(latitude < 0 ? 'suites.south' : 'suites.north'),
    longitude: degrees.format(Math.abs(longitude)),
    eastWest: t(longitude < 0 ? 'suites.west' : 'suites.east'),
  });
}
