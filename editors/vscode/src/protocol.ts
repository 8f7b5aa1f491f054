// The server's JSON contracts (DESIGN.md "Contracts other programs rely on"
// and the `stelp/trace` notification), with checks that turn an off-contract
// reply into a clear error instead of a confusing `undefined` later. Pure.

export type Status = 'ok' | 'error' | 'blocked' | 'violation' | 'limit';
export const statuses: readonly Status[] = ['ok', 'error', 'blocked', 'violation', 'limit'];

export interface Finding {
  rule: string;
  name?: string;
  severity: string;
  message: string;
  line: number;
  column?: number;
}

export interface TraceLine {
  /** 1-based source line. */
  line: number;
  count: number;
  values?: Record<string, string>;
}

export interface ExecResult {
  status: Status;
  stdout: string;
  stderr: string;
  exception: { type: string; message: string; line: number } | null;
  findings: Finding[];
  violations: { kind: string; detail: string; line: number }[];
  limit: { kind: string; detail: string } | null;
  trace: TraceLine[];
  usage: { wall_ms: number; steps: number; peak_kb: number };
  feedback?: string;
}

/** `stelp/trace` notification parameters. */
export interface TraceNotification {
  uri: string;
  version?: number | null;
  trace: TraceLine[];
  status?: Status;
}

export const traceNotification = 'stelp/trace';

/**
 * The argument object every `stelp.*` command takes: a document the server
 * has open (or a file) by uri, or code text with an optional path that picks
 * the config. `function` (execute) calls one top-level function after the
 * file; `apply: false` (fixAll) leaves applying the edit to the client.
 */
export type CommandArg = ({ uri: string } | { text: string; path?: string }) & { function?: string; apply?: boolean };

export const commands = {
  check: 'stelp.check',
  transpile: 'stelp.transpile',
  execute: 'stelp.execute',
  fixAll: 'stelp.fixAll',
} as const;

function isObj(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** Validates one trace entry list; throws with the offending index. */
export function parseTrace(x: unknown, where: string): TraceLine[] {
  if (x === null || x === undefined) return [];
  if (!Array.isArray(x)) throw new Error(`${where}: trace is not a list`);
  return x.map((t, i) => {
    if (!isObj(t) || typeof t.line !== 'number' || !Number.isInteger(t.line)) {
      throw new Error(`${where}: trace[${i}] has no whole-number line`);
    }
    const values: Record<string, string> = {};
    if (isObj(t.values)) {
      for (const [k, v] of Object.entries(t.values)) values[k] = typeof v === 'string' ? v : JSON.stringify(v);
    }
    return { line: t.line, count: typeof t.count === 'number' ? t.count : 0, values };
  });
}

/** Checks that x is the DESIGN.md result object and fills absent lists. */
export function parseResult(x: unknown): ExecResult {
  if (!isObj(x)) throw new Error(`stelp.execute returned ${x === null ? 'null' : typeof x}, not a result object`);
  if (typeof x.status !== 'string' || !(statuses as readonly string[]).includes(x.status)) {
    throw new Error(`stelp.execute returned status ${JSON.stringify(x.status)}; want one of ${statuses.join(', ')}`);
  }
  const list = <T>(v: unknown, name: string): T[] => {
    if (v === null || v === undefined) return [];
    if (!Array.isArray(v)) throw new Error(`stelp.execute: ${name} is not a list`);
    return v as T[];
  };
  const usage = isObj(x.usage) ? x.usage : {};
  return {
    status: x.status as Status,
    stdout: typeof x.stdout === 'string' ? x.stdout : '',
    stderr: typeof x.stderr === 'string' ? x.stderr : '',
    exception: isObj(x.exception) ? (x.exception as ExecResult['exception']) : null,
    findings: list<Finding>(x.findings, 'findings'),
    violations: list<ExecResult['violations'][number]>(x.violations, 'violations'),
    limit: isObj(x.limit) ? (x.limit as ExecResult['limit']) : null,
    trace: parseTrace(x.trace, 'stelp.execute'),
    usage: {
      wall_ms: typeof usage.wall_ms === 'number' ? usage.wall_ms : 0,
      steps: typeof usage.steps === 'number' ? usage.steps : 0,
      peak_kb: typeof usage.peak_kb === 'number' ? usage.peak_kb : 0,
    },
    feedback: typeof x.feedback === 'string' ? x.feedback : undefined,
  };
}

/** Checks a `stelp/trace` notification's parameters. */
export function parseTraceNotification(x: unknown): TraceNotification {
  if (!isObj(x) || typeof x.uri !== 'string') throw new Error('stelp/trace: no uri');
  const status = typeof x.status === 'string' && (statuses as readonly string[]).includes(x.status) ? (x.status as Status) : undefined;
  return {
    uri: x.uri,
    version: typeof x.version === 'number' ? x.version : null,
    trace: parseTrace(x.trace, 'stelp/trace'),
    status,
  };
}

export interface TranspileResult {
  /** The program as stelp runs it; "" when it could not be transpiled. */
  code: string;
  /** Why it could not be transpiled (syntax error, unsupported feature). */
  error?: string;
  feedback?: string;
}

/**
 * Checks a `stelp.transpile` reply: `{"code", "error"?, "feedback"}`. A plain
 * string is taken as the code.
 */
export function parseTranspile(x: unknown): TranspileResult {
  if (typeof x === 'string') return { code: x };
  if (isObj(x) && typeof x.code === 'string') {
    return {
      code: x.code,
      error: typeof x.error === 'string' && x.error !== '' ? x.error : undefined,
      feedback: typeof x.feedback === 'string' ? x.feedback : undefined,
    };
  }
  throw new Error(`stelp.transpile returned ${JSON.stringify(x)?.slice(0, 200)}, which holds no code`);
}

/** What to send for a document: the server knows open Python documents by uri. */
export function documentArg(doc: { uri: string; languageId: string; text: string; path?: string }): CommandArg {
  if (doc.languageId === 'python') return { uri: doc.uri };
  // A document the server was never told about (another language, an output
  // pane): send its text so the command still works.
  return doc.path ? { text: doc.text, path: doc.path } : { text: doc.text };
}

/** What to send for a selection: just its text, under the document's path for the policy. */
export function selectionArg(text: string, path?: string): CommandArg {
  return path ? { text, path } : { text };
}
