import { describe, expect, it } from 'vitest';
import { stepsMovedToSessions } from '../../server/storage/stepsToSessions.js';

const templateStep = (title: string) => ({ title, instruction: 'Consigne', minutes: 5, templateId: 'afom', canvasId: 'c1' });

describe('moving the déroulé into the session record', () => {
  const sessions = [
    { id: 's1', steps: [templateStep('A'), templateStep('B'), templateStep('C')] },
    { id: 's2', steps: [templateStep('X')] },
    { id: 's3', title: 'Sans étapes' },
  ];
  const facilitation = [
    { id: 's1', paused: true, steps: [{ id: 'e1', title: 'A revu', instruction: '', minutes: 0 }], importedSessionSteps: 2 },
  ];

  it("puts the facilitator's steps first, then the templates' steps not copied yet, and clears facilitation's copy", () => {
    const moved = stepsMovedToSessions(sessions, facilitation);
    expect(moved.changed).toBe(true);
    expect(moved.sessions[0]!.steps).toEqual([
      { id: 'e1', title: 'A revu', instruction: '', minutes: 0 },
      { ...templateStep('C'), id: expect.stringMatching(/^[0-9a-f]{8}$/) },
    ]);
    expect(moved.sessions[1]!.steps).toEqual([{ ...templateStep('X'), id: expect.stringMatching(/^[0-9a-f]{8}$/) }]);
    expect(moved.sessions[2]).toEqual(sessions[2]);
    expect(moved.facilitation).toEqual([{ id: 's1', paused: true }]);
  });

  it('gives the same ids every time and changes nothing the second time', () => {
    const once = stepsMovedToSessions(sessions, facilitation);
    expect(stepsMovedToSessions(sessions, facilitation)).toEqual(once);
    expect(stepsMovedToSessions(once.sessions, once.facilitation).changed).toBe(false);
  });

  it('only clears facilitation when the sessions were moved and the move stopped before facilitation was', () => {
    const once = stepsMovedToSessions(sessions, facilitation);
    const resumed = stepsMovedToSessions(once.sessions, facilitation);
    expect(resumed.sessions).toEqual(once.sessions);
    expect(resumed.facilitation).toEqual(once.facilitation);
  });
});
