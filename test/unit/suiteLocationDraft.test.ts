import { describe, expect, it } from 'vitest';
import { locationPatch, serverLocationErrors } from '../../client/board/suiteLocationDraft.js';

const messages = { notANumber: 'nombre', latitudeMissing: 'latitude ?', longitudeMissing: 'longitude ?' };
const draft = (placeName: string, latitude: string, longitude: string) => locationPatch({ placeName, latitude, longitude }, messages);

describe('the location fields of a suite', () => {
  it('read degrees written with a comma or a point, and a pair pasted into the latitude', () => {
    expect(draft(' Gare ', '47,1812', '-1,5521')).toEqual({ patch: { placeName: 'Gare', location: { latitude: 47.1812, longitude: -1.5521 } } });
    expect(draft('', '47.1812, -1.5521', '')).toEqual({ patch: { placeName: null, location: { latitude: 47.1812, longitude: -1.5521 } } });
    expect(draft('', '47,1812; -1,5521', '')).toEqual({ patch: { placeName: null, location: { latitude: 47.1812, longitude: -1.5521 } } });
  });

  it('send no point when both coordinates are empty, and refuse one without the other or a word', () => {
    expect(draft('Gare', ' ', '')).toEqual({ patch: { placeName: 'Gare', location: null } });
    expect(draft('', '47,18', '')).toEqual({ errors: { longitude: 'longitude ?' } });
    expect(draft('', '', '-1,55')).toEqual({ errors: { latitude: 'latitude ?' } });
    expect(draft('', 'nord', '2')).toEqual({ errors: { latitude: 'nombre' } });
  });

  it('put each refusal of the server under the field it names', () => {
    expect(serverLocationErrors([{ path: 'location.longitude', message: 'trop' }, { path: 'placeName', message: 'long' }, { path: 'title', message: 'vide' }])).toEqual({ longitude: 'trop', placeName: 'long' });
  });
});
