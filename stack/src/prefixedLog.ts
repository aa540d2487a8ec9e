import type { LogLine } from './supervisedProcess';

const WIDTH = 8;

/** `[temporal] …` — one column per child so interleaved output stays readable. */
export function prefixedLog(name: string, stream: NodeJS.WriteStream = process.stdout): LogLine {
  const prefix = `[${name}]`.padEnd(WIDTH + 2);
  return (line) => {
    stream.write(`${prefix} ${line}\n`);
  };
}
