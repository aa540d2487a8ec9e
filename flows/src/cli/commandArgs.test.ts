import { describe, expect, it } from 'vitest';
import { CliError } from './cliError';
import { apiUrlOf, DEFAULT_API_URL, positionals, versionOf } from './commandArgs';

function failureOf(run: () => unknown): CliError {
  try {
    run();
  } catch (error) {
    if (error instanceof CliError) return error;
    throw error;
  }
  throw new Error('expected a CliError');
}

describe('apiUrlOf', () => {
  it('takes --api over $THREADLINE_API_URL over the local default, without a trailing slash', () => {
    expect(apiUrlOf('push', 'http://api.test:8080/', { THREADLINE_API_URL: 'http://env.test' })).toBe('http://api.test:8080');
    expect(apiUrlOf('push', undefined, { THREADLINE_API_URL: 'https://env.test/' })).toBe('https://env.test');
    expect(apiUrlOf('push', undefined, { THREADLINE_API_URL: '  ' })).toBe(DEFAULT_API_URL);
    expect(apiUrlOf('push', undefined, {})).toBe('http://localhost:3000');
  });

  it('refuses an address that is not an http(s) URL with a usage error naming where it came from', () => {
    const fromFlag = failureOf(() => apiUrlOf('pull', 'localhost:3000x', {}));
    expect(fromFlag.exitCode).toBe(2);
    expect(fromFlag.message).toMatch(/^flows pull: --api "localhost:3000x" is not an http\(s\) URL/);
    const fromEnv = failureOf(() => apiUrlOf('pull', undefined, { THREADLINE_API_URL: 'not a url' }));
    expect(fromEnv.message).toContain('$THREADLINE_API_URL "not a url" is not a URL');
  });
});

describe('versionOf', () => {
  it('reads a version number or an allowed word, and falls back when absent', () => {
    expect(versionOf('pull', '12', ['latest', 'draft'], 'latest')).toBe(12);
    expect(versionOf('pull', 'draft', ['latest', 'draft'], 'latest')).toBe('draft');
    expect(versionOf('diff', undefined, ['latest'], 'latest')).toBe('latest');
  });

  it('refuses zero, negatives, fractions and words the command does not take', () => {
    for (const text of ['0', '-1', '1.5', 'v2', '']) {
      expect(failureOf(() => versionOf('pull', text, ['latest', 'draft'], 'latest')).message).toContain(`--version "${text}"`);
    }
    expect(failureOf(() => versionOf('diff', 'draft', ['latest'], 'latest')).message).toContain('nor "latest"');
  });
});

describe('positionals', () => {
  it('names the missing argument and the extra ones', () => {
    expect(positionals('pull', ['a'], ['flowId'])).toEqual(['a']);
    expect(failureOf(() => positionals('pull', [], ['flowId'])).message).toContain('flows pull: missing <flowId>');
    expect(failureOf(() => positionals('diff', ['a.json', 'b.json'], ['file.json'])).message).toContain('unexpected argument: b.json');
  });
});
