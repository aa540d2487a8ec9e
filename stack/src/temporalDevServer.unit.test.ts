import { describe, expect, it } from 'vitest';
import { devServerArgs, parseDevServerFeatures } from './temporalDevServer';

const allFeatures = { sqlitePragma: true, uiDisableNewsFetch: true };

describe('the temporal server start-dev command', () => {
  it('keeps state in temporal.db under the data dir and binds loopback on the given ports', () => {
    const args = devServerArgs({ binary: 'temporal', dataDir: '/data/t', port: 7233, uiPort: 8233 }, allFeatures);
    expect(args.slice(0, 4)).toEqual(['server', 'start-dev', '--db-filename', '/data/t/temporal.db']);
    expect(args.join(' ')).toContain('--ip 127.0.0.1 --port 7233');
    expect(args.join(' ')).toContain('--ui-port 8233 --ui-disable-news-fetch');
    expect(args.join(' ')).toContain('--sqlite-pragma journal_mode=wal');
  });

  it('registers each search attribute with its type', () => {
    const args = devServerArgs(
      { binary: 'temporal', dataDir: '/d', port: 1, searchAttributes: { ContactId: 'Keyword', Channels: 'KeywordList' } },
      allFeatures,
    );
    expect(args.join(' ')).toContain('--search-attribute ContactId=Keyword --search-attribute Channels=KeywordList');
  });

  it('passes dynamic config values as JSON', () => {
    const args = devServerArgs(
      { binary: 'temporal', dataDir: '/d', port: 1, dynamicConfig: { 'limit.maxIDLength': 1000, 'some.key': 'text' } },
      allFeatures,
    );
    expect(args.join(' ')).toContain('--dynamic-config-value limit.maxIDLength=1000 --dynamic-config-value some.key="text"');
  });

  it('drops the UI flags when headless', () => {
    const args = devServerArgs({ binary: 'temporal', dataDir: '/d', port: 1, uiPort: 2, headless: true }, allFeatures);
    expect(args).toContain('--headless');
    expect(args).not.toContain('--ui-port');
    expect(args).not.toContain('--ui-disable-news-fetch');
  });

  it('omits the flags an older CLI does not list in its help', () => {
    const features = parseDevServerFeatures('Flags:\n  -f, --db-filename string\n  --ui-port int\n');
    expect(features).toEqual({ sqlitePragma: false, uiDisableNewsFetch: false });
    const args = devServerArgs({ binary: 'temporal', dataDir: '/d', port: 1, uiPort: 2 }, features);
    expect(args).not.toContain('--sqlite-pragma');
    expect(args).not.toContain('--ui-disable-news-fetch');
  });
});
