import { access, chmod, constants, mkdir, mkdtemp, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { withInstallLock } from './installLock';
import type { LogLine } from './supervisedProcess';

export interface InstallOnceOptions {
  toolsDir: string;
  /** Directory under the tools dir that holds this tool, e.g. "ferretdb-v1.24.2". */
  dirName: string;
  /** Path of the executable inside that directory, e.g. "bin/ferretdb". */
  binPath: string;
  label: string;
  log: LogLine;
  /** Installs into `stagingDir` so that `<stagingDir>/<binPath>` exists when it resolves. */
  install: (stagingDir: string) => Promise<void>;
  /** Throws if the freshly installed executable does not work. */
  verify: (binary: string) => Promise<void>;
}

export async function isExecutable(path: string): Promise<boolean> {
  try {
    await access(path, constants.X_OK);
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

/**
 * Returns the tool's executable from the tools dir, installing it first if needed.
 *
 * The install happens in a staging directory beside the final one and is renamed into place
 * only after the binary has been verified: a rename within one filesystem is atomic, so a
 * killed install leaves a `.staging-*` directory behind, never a half-written tool that a
 * later run would take for a good one.
 */
export async function installOnce(options: InstallOnceOptions): Promise<string> {
  const finalDir = join(options.toolsDir, options.dirName);
  const binary = join(finalDir, options.binPath);
  if (await isExecutable(binary)) return binary;

  await mkdir(options.toolsDir, { recursive: true });
  const lockPath = join(options.toolsDir, `${options.dirName}.lock`);
  await withInstallLock(lockPath, options.label, options.log, async () => {
    if (await isExecutable(binary)) return; // another process finished while we waited
    // A directory without its executable is debris from an older, non-atomic install.
    await rm(finalDir, { recursive: true, force: true });
    const staging = await mkdtemp(join(options.toolsDir, `.staging-${options.dirName}-`));
    const started = Date.now();
    options.log(`${options.label}: installing into ${finalDir} (once; later runs reuse it)`);
    try {
      await options.install(staging);
      await options.verify(join(staging, options.binPath));
      // mkdtemp creates 0700; the tools dir may be shared with other users and CI jobs.
      await chmod(staging, 0o755);
      await rename(staging, finalDir);
    } catch (error) {
      await rm(staging, { recursive: true, force: true });
      throw error;
    }
    options.log(`${options.label}: installed in ${seconds(Date.now() - started)}`);
  });
  return binary;
}
