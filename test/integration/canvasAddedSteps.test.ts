import { describe, expect, it } from 'vitest';
import { authed, createSession } from '../helpers/api.js';
import { connectFacilitation } from '../helpers/facilitationClient.js';
import { eventually } from '../helpers/yjsClient.js';
import { serverPerFile } from '../helpers/serverPerFile.js';

describe('a canvas added during the workshop', () => {
  const env = serverPerFile();

  it("brings its steps to everyone's déroulé at once", async () => {
    const session = await createSession(env.t.url, { title: 'Atelier', templateIds: ['afom-du-territoire'] });
    const facilitator = await connectFacilitation(env.t.url, session.id, session.access.token);
    await eventually(() => expect(facilitator.state()?.steps.length).toBeGreaterThan(0));
    const before = facilitator.state()!.steps.length;
    const template = await (await fetch(`${env.t.url}/api/templates/comment-pourrions-nous`)).json();
    const res = await fetch(
      `${env.t.url}/api/sessions/${session.id}/canvases`,
      authed(session.access.token, { method: 'POST', body: JSON.stringify({ templateId: 'comment-pourrions-nous' }) }),
    );
    expect(res.status).toBe(201);
    await eventually(() => expect(facilitator.state()?.steps.length).toBe(before + template.steps.length));
    facilitator.close();
  });
});
