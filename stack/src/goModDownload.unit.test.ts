import { describe, expect, it } from 'vitest';
import { parseModuleDir } from './goModDownload';

describe('reading go mod download -json', () => {
  it('returns the module source directory', () => {
    const json = JSON.stringify({ Path: 'github.com/FerretDB/FerretDB', Version: 'v1.24.2', Dir: '/go/pkg/mod/x@v1.24.2' });
    expect(parseModuleDir(json)).toBe('/go/pkg/mod/x@v1.24.2');
  });

  it("fails with go's own error when the download failed", () => {
    expect(() => parseModuleDir(JSON.stringify({ Path: 'x', Error: 'unknown revision v9' }))).toThrow('unknown revision v9');
  });
});
