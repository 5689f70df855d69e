import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/config.js';

describe('environment variables set to an empty value', () => {
  it('count as unset, as compose writes optional ones', () => {
    const config = loadConfig({ METRICS_TOKEN: '', FACILITATOR_PASSWORD: '', TLDRAW_LICENSE_KEY: '', PORT: '' });
    expect(config).toMatchObject({ metricsToken: undefined, facilitatorPassword: undefined, tldrawLicenseKey: undefined, port: 3000 });
  });

  it('still refuse a value that is set but invalid', () => {
    expect(() => loadConfig({ METRICS_TOKEN: 'court' })).toThrow(/METRICS_TOKEN: 16 caractères au moins/);
  });
});
