/**
 * The location fields of a suite as typed, and what they send: decimal degrees written the French way
 * (« 47,1812 ») or the English way, or both numbers pasted into the latitude as a map site copies them
 * (« 47.1812, -1.5521 »). Ranges are the server's to check; here only what cannot be sent as numbers.
 */
import type { Suite, SuitePatchInput } from '../../shared/suites.js';
import type { FieldErrors } from '../forms/fieldErrors.js';
import type { LocationDraft, LocationField } from './SuiteLocationFields.js';

const NUMBER = String.raw`[+-]?\d+(?:[.,]\d+)?`;
const ONE = new RegExp(`^${NUMBER}$`);
/** Two numbers: separated by a semicolon, or by a comma followed by a space (« 47,18 » alone is one number). */
const PAIR = new RegExp(`^(${NUMBER})\\s*(?:;|,\\s)\\s*(${NUMBER})$`);

export function draftOf(suite: Suite): LocationDraft {
  return {
    placeName: suite.placeName ?? '',
    latitude: suite.location ? String(suite.location.latitude) : '',
    longitude: suite.location ? String(suite.location.longitude) : '',
  };
}

/** The draft with a pasted pair split into its two fields. */
export function splitPastedPair(draft: LocationDraft): LocationDraft {
  const pair = draft.longitude.trim() === '' ? PAIR.exec(draft.latitude.trim()) : null;
  return pair ? { ...draft, latitude: pair[1]!, longitude: pair[2]! } : draft;
}

type Messages = Record<'notANumber' | 'latitudeMissing' | 'longitudeMissing', string>;

/** The patch the draft sends, or the error of each field that cannot be sent. */
export function locationPatch(draft: LocationDraft, messages: Messages): { patch: Pick<SuitePatchInput, 'placeName' | 'location'> } | { errors: FieldErrors<LocationField> } {
  const { latitude, longitude } = splitPastedPair(draft);
  const lat = latitude.trim();
  const lng = longitude.trim();
  const errors: FieldErrors<LocationField> = {};
  if (lat && !ONE.test(lat)) errors.latitude = messages.notANumber;
  if (lng && !ONE.test(lng)) errors.longitude = messages.notANumber;
  if (lat && !lng) errors.longitude ??= messages.longitudeMissing;
  if (lng && !lat) errors.latitude ??= messages.latitudeMissing;
  if (Object.keys(errors).length > 0) return { errors };
  const degrees = (v: string) => Number(v.replace(',', '.'));
  return { patch: { placeName: draft.placeName.trim() || null, location: lat ? { latitude: degrees(lat), longitude: degrees(lng) } : null } };
}

/** The server's refusal of a field (`location.latitude`…), put under the field it names. */
export function serverLocationErrors(fields: { path: string; message: string }[]): FieldErrors<LocationField> {
  const errors: FieldErrors<LocationField> = {};
  for (const { path, message } of fields) {
    if (path === 'placeName') errors.placeName ??= message;
    else if (path === 'location.longitude') errors.longitude ??= message;
    else if (path.startsWith('location')) errors.latitude ??= message;
  }
  return errors;
}
