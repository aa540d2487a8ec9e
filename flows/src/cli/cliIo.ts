import { readFile, writeFile } from 'node:fs/promises';

/**
 * What a command may touch outside itself. The commands take it as a parameter so the tests
 * can read what they print; the files and the network stay real.
 */
export interface CliIo {
  /** Writes one or more lines to standard output (a newline is added). */
  out(text: string): void;
  /** Writes one or more lines to standard error (a newline is added). */
  err(text: string): void;
  readText(path: string): Promise<string>;
  writeText(path: string, text: string): Promise<void>;
  env: Readonly<Record<string, string | undefined>>;
}

/** The process's own streams, files and environment. */
export function processCliIo(): CliIo {
  return {
    out: (text) => process.stdout.write(`${text}\n`),
    err: (text) => process.stderr.write(`${text}\n`),
    readText: (path) => readFile(path, 'utf8'),
    writeText: (path, text) => writeFile(path, text, 'utf8'),
    env: process.env,
  };
}
