import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';

export type LogLine = (line: string) => void;

export interface ExitInfo {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface SupervisedProcess {
  readonly name: string;
  readonly pid: number | undefined;
  /** Settles when the process has exited, whoever stopped it. */
  readonly exited: Promise<ExitInfo>;
  /** True once the process has exited. */
  hasExited(): boolean;
  /** The last lines it printed, for error messages when it dies early. */
  recentOutput(): string;
  /** SIGTERM, then SIGKILL after `graceMs`; resolves once the process is gone. */
  stop(graceMs?: number): Promise<ExitInfo>;
}

export interface SpawnSupervisedOptions {
  name: string;
  command: string;
  args: readonly string[];
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Receives every line the child prints on stdout and stderr. */
  log?: LogLine;
}

const RECENT_LINES = 40;
const live = new Set<ChildProcess>();
let exitHookInstalled = false;

// Servers started by us must not outlive us: on any normal exit of this process (including
// process.exit from a signal handler or an uncaught error) kill whatever is still running.
// A SIGKILL of this process cannot be intercepted; the children then stay in our process
// group, so a Ctrl-C in the terminal still reaches them.
function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', () => {
    for (const child of live) {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
  });
}

/** Spawns a long-running child whose output is forwarded line by line and whose stop is bounded. */
export function spawnSupervised(options: SpawnSupervisedOptions): SupervisedProcess {
  installExitHook();
  const recent: string[] = [];
  const child = spawn(options.command, [...options.args], {
    cwd: options.cwd,
    env: options.env ?? process.env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: false,
  });
  live.add(child);

  let stopping = false;
  const onLine = (line: string): void => {
    recent.push(line);
    if (recent.length > RECENT_LINES) recent.shift();
    // Once we asked it to stop, its shutdown chatter (failed polls, closed connections) is
    // expected; keep it for recentOutput() but out of the console.
    if (!stopping) options.log?.(line);
  };
  for (const stream of [child.stdout, child.stderr]) {
    if (stream) createInterface({ input: stream, crlfDelay: Infinity }).on('line', onLine);
  }

  let done = false;
  const exited = new Promise<ExitInfo>((resolve) => {
    child.once('error', (error) => {
      // Spawn failures (ENOENT, EACCES) never emit 'exit'.
      onLine(`${options.name}: ${error.message}`);
      done = true;
      live.delete(child);
      resolve({ code: -1, signal: null });
    });
    child.once('exit', (code, signal) => {
      done = true;
      live.delete(child);
      resolve({ code, signal });
    });
  });

  return {
    name: options.name,
    pid: child.pid,
    exited,
    hasExited: () => done,
    recentOutput: () => recent.join('\n'),
    async stop(graceMs = 10_000) {
      if (done) return exited;
      stopping = true;
      child.kill('SIGTERM');
      const timer = setTimeout(() => {
        if (!done) child.kill('SIGKILL');
      }, graceMs);
      const info = await exited;
      clearTimeout(timer);
      return info;
    },
  };
}

/** Describes an exit for humans: "exited with code 1" or "was killed by SIGKILL". */
export function describeExit(info: ExitInfo): string {
  return info.signal ? `was killed by ${info.signal}` : `exited with code ${info.code ?? 'unknown'}`;
}
