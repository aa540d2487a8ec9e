import { describe, expect, it } from 'vitest';
import { readWorkerConfig } from './config';

describe('readWorkerConfig', () => {
  it('defaults to the embedded stack on this machine', () => {
    expect(readWorkerConfig({})).toEqual({
      temporalAddress: '127.0.0.1:7233',
      temporalNamespace: 'default',
      mongodbUri: 'mongodb://127.0.0.1:27017/threadline',
      logLevel: 'info',
    });
  });

  it('names every bad variable and what it must be', () => {
    expect(() => readWorkerConfig({ MONGODB_URI: 'postgres://x', LOG_LEVEL: 'loud' })).toThrow(
      /MONGODB_URI: must be a mongodb:\/\/ URI[\s\S]*LOG_LEVEL/,
    );
  });
});
