import { describe, expect, it } from 'vitest';
import { DEFAULT_BUILDER_DIST, loadConfig } from './config';

describe('loadConfig', () => {
  it('falls back to the documented defaults, treating empty variables as unset', () => {
    expect(loadConfig({ PORT: '' })).toEqual({
      port: 3000,
      host: '0.0.0.0',
      temporalAddress: '127.0.0.1:7233',
      temporalNamespace: 'default',
      mongodbUri: 'mongodb://127.0.0.1:27017/threadline',
      builderDist: DEFAULT_BUILDER_DIST,
      logLevel: 'info',
      twilio: {},
    });
  });

  it('reads the Twilio auth token and public URL the voice webhooks check signatures with', () => {
    const config = loadConfig({ THREADLINE_TWILIO_AUTH_TOKEN: 'tok', THREADLINE_PUBLIC_URL: 'https://voice.example.com' });
    expect(config.twilio).toEqual({ twilioAuthToken: 'tok', publicUrl: 'https://voice.example.com' });
    expect(() => loadConfig({ THREADLINE_PUBLIC_URL: 'voice.example.com' })).toThrow(/THREADLINE_PUBLIC_URL/);
  });

  it('names every variable that is wrong in one message', () => {
    expect(() => loadConfig({ PORT: 'eighty', MONGODB_URI: 'postgres://x' })).toThrow(/PORT[\s\S]*MONGODB_URI/);
  });
});
