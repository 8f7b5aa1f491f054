// Which `stelp` binary to start. Pure: the file system and PATH are passed in.
import * as path from 'path';

export interface ResolveEnv {
  /** The extension's install folder (holds `bin/` when a binary is bundled). */
  extensionDir: string;
  /** `process.platform`. */
  platform: string;
  /** Whether a regular executable file exists at p. */
  isExecutable: (p: string) => boolean;
  /** Workspace folder used to resolve a relative `stelp.path`; may be undefined. */
  workspaceDir?: string;
}

export interface Resolved {
  command: string;
  /** Where it came from, for the output channel and error messages. */
  source: 'setting' | 'bundled' | 'PATH';
}

/**
 * Picks the server binary: the `stelp.path` setting if set (and it must
 * exist: a typo should say so, not silently fall back), else `bin/stelp`
 * inside the extension, else plain `stelp` for the OS to find on PATH.
 */
export function resolveServer(setting: string, env: ResolveEnv): Resolved {
  if (setting !== '') {
    let p = setting;
    if (p.startsWith('~/') && process.env.HOME) p = path.join(process.env.HOME, p.slice(2));
    if (!path.isAbsolute(p) && env.workspaceDir && (p.includes('/') || p.includes('\\'))) {
      p = path.resolve(env.workspaceDir, p);
    }
    // A bare name ("stelp-dev") is looked up on PATH by the OS.
    if (path.isAbsolute(p) && !env.isExecutable(p)) {
      throw new Error(`stelp.path is set to ${setting}, but no executable file is there`);
    }
    return { command: p, source: 'setting' };
  }
  const exe = env.platform === 'win32' ? 'stelp.exe' : 'stelp';
  const bundled = path.join(env.extensionDir, 'bin', exe);
  if (env.isExecutable(bundled)) return { command: bundled, source: 'bundled' };
  return { command: exe, source: 'PATH' };
}
