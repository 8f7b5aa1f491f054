// Settings → what the server is told. Pure: no `vscode` import, so the node
// test runner can exercise it without an editor host.

/** How trace values are drawn at line ends. */
export type TraceStyle = 'auto' | 'inlayHints' | 'decorations';

/** Execution limits as written in `.stelp.yaml` (`limits:`); unset = the config's. */
export interface Limits {
  /** Wall clock, e.g. "5s" or "500ms". */
  time?: string;
  /** Budget ticks (loop bodies, calls, iterations). */
  steps?: number;
  /** Worker memory cap, e.g. "512MB". */
  memory?: string;
}

export interface StelpSettings {
  /** Explicit server binary; "" = bundled, then PATH. */
  path: string;
  /** Extra arguments after `serve` (debugging, e.g. ["--log", "/tmp/stelp.log"]). */
  serverArgs: string[];
  limits: Limits;
  traces: { enabled: boolean; style: TraceStyle };
  /** When a run reveals the output channel. */
  revealOutput: RevealOutput;
}

/** 'auto': when the program printed something or did not end ok. */
export type RevealOutput = 'auto' | 'always' | 'never';

/** A settings reader: `vscode.workspace.getConfiguration('stelp').get` fits. */
export type Getter = (key: string) => unknown;

/** A problem with one setting, shown to the user instead of guessing. */
export interface SettingError {
  key: string;
  message: string;
}

// The same spellings policy/config.go accepts, so a value that works in
// .stelp.yaml works here and the other way round.
// Go's time.ParseDuration syntax ("5s", "1m30s", "500ms"), no spaces.
const durationRe = /^(\d+(\.\d+)?(ns|us|µs|ms|s|m|h))+$/;
const sizeRe = /^\s*\d+(\.\d+)?\s*(b|k|kb|kib|m|mb|mib|g|gb|gib)\s*$/i;

/**
 * Reads and validates the `stelp.*` settings. Invalid values are dropped
 * (the config's value applies) and reported in `errors`.
 */
export function readSettings(get: Getter): { settings: StelpSettings; errors: SettingError[] } {
  const errors: SettingError[] = [];
  const str = (key: string): string => {
    const v = get(key);
    if (v === undefined || v === null) return '';
    if (typeof v !== 'string') {
      errors.push({ key, message: `stelp.${key} must be a string, got ${typeof v}` });
      return '';
    }
    return v.trim();
  };

  const limits: Limits = {};
  const time = str('limits.time');
  if (time !== '') {
    if (durationRe.test(time) && /[1-9]/.test(time)) limits.time = time;
    else errors.push({ key: 'limits.time', message: `stelp.limits.time: "${time}" is not a duration; want e.g. 5s or 500ms` });
  }
  const memory = str('limits.memory');
  if (memory !== '') {
    if (sizeRe.test(memory)) limits.memory = memory.replace(/\s+/g, '');
    else errors.push({ key: 'limits.memory', message: `stelp.limits.memory: "${memory}" is not a size; want e.g. 512MB` });
  }
  const steps = get('limits.steps');
  if (steps !== undefined && steps !== null && steps !== 0) {
    if (typeof steps === 'number' && Number.isSafeInteger(steps) && steps > 0) limits.steps = steps;
    else errors.push({ key: 'limits.steps', message: `stelp.limits.steps must be a positive whole number, got ${JSON.stringify(steps)}` });
  }

  let serverArgs: string[] = [];
  const rawArgs = get('serverArgs');
  if (Array.isArray(rawArgs) && rawArgs.every((a) => typeof a === 'string')) serverArgs = rawArgs as string[];
  else if (rawArgs !== undefined && rawArgs !== null) errors.push({ key: 'serverArgs', message: 'stelp.serverArgs must be a list of strings' });

  const enabled = get('traces.enabled');
  const style = get('traces.style');
  const styles: TraceStyle[] = ['auto', 'inlayHints', 'decorations'];
  let traceStyle: TraceStyle = 'auto';
  if (typeof style === 'string' && (styles as string[]).includes(style)) traceStyle = style as TraceStyle;
  else if (style !== undefined && style !== null) errors.push({ key: 'traces.style', message: `stelp.traces.style must be one of ${styles.join(', ')}` });

  const reveal = get('output.reveal');
  const reveals: RevealOutput[] = ['auto', 'always', 'never'];
  let revealOutput: RevealOutput = 'auto';
  if (typeof reveal === 'string' && (reveals as string[]).includes(reveal)) revealOutput = reveal as RevealOutput;
  else if (reveal !== undefined && reveal !== null) errors.push({ key: 'output.reveal', message: `stelp.output.reveal must be one of ${reveals.join(', ')}` });

  return {
    settings: {
      revealOutput,
      path: str('path'),
      serverArgs,
      limits,
      traces: { enabled: enabled === undefined || enabled === null ? true : enabled === true, style: traceStyle },
    },
    errors,
  };
}

/** The command line that starts the server: `stelp serve [extra args]`. */
export function serverArgs(s: StelpSettings): string[] {
  return ['serve', ...s.serverArgs];
}

export interface ServerOptions {
  limits: Limits;
  traces: boolean;
  /**
   * Ask for `stelp/trace` even though VS Code has inlay hints, so that the
   * decorations style and runs started by code lenses can be drawn.
   */
  traceNotifications: boolean;
}

/**
 * What goes in `initializationOptions` and, on a settings change, in
 * `workspace/didChangeConfiguration`: the limits in the `.stelp.yaml` shape
 * (editor settings override the config file's) and whether traces are wanted.
 */
export function serverOptions(s: StelpSettings): ServerOptions {
  return { limits: { ...s.limits }, traces: s.traces.enabled, traceNotifications: s.traces.enabled };
}

/**
 * Whether trace values should be drawn as decorations (from `stelp/trace`)
 * rather than left to the server's inlay hints.
 */
export function useDecorations(s: StelpSettings, serverHasInlayHints: boolean): boolean {
  if (!s.traces.enabled) return false;
  if (s.traces.style === 'decorations') return true;
  if (s.traces.style === 'inlayHints') return false;
  return !serverHasInlayHints;
}

/** Whether a finished run opens the output channel. */
export function revealOutput(mode: RevealOutput, r: { status: string; stdout: string }): boolean {
  if (mode === 'always') return true;
  if (mode === 'never') return false;
  return r.status !== 'ok' || r.stdout !== '';
}
