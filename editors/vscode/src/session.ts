// The client side of the stelp commands, over any JSON-RPC connection: the
// extension passes its LanguageClient, the tests a vscode-jsonrpc connection
// to a real `stelp serve`. Pure: no `vscode` import.
import { commands, CommandArg, ExecResult, parseResult, parseTranspile, TraceLine, TraceNotification, TranspileResult } from './protocol';

/** The one thing needed of a connection. LanguageClient and MessageConnection both fit. */
export interface Requester {
  sendRequest(method: string, params: unknown): Promise<unknown>;
}

export class StelpSession {
  constructor(private readonly rpc: Requester) {}

  /** Runs one `workspace/executeCommand` with the single argument object. */
  run(command: string, arg: CommandArg): Promise<unknown> {
    return this.rpc.sendRequest('workspace/executeCommand', { command, arguments: [arg] });
  }

  async execute(arg: CommandArg): Promise<ExecResult> {
    return parseResult(await this.run(commands.execute, arg));
  }

  async transpile(arg: CommandArg): Promise<TranspileResult> {
    return parseTranspile(await this.run(commands.transpile, arg));
  }

  check(arg: CommandArg): Promise<unknown> {
    return this.run(commands.check, arg);
  }

  fixAll(arg: CommandArg): Promise<unknown> {
    return this.run(commands.fixAll, arg);
  }
}

/**
 * The latest trace per document. A notification for an older document
 * version than one already held is ignored (runs can finish out of order),
 * and an edit drops the document's trace because its lines no longer match.
 */
export class TraceStore {
  private readonly byUri = new Map<string, { version: number | null; trace: TraceLine[] }>();

  /** Stores n; returns false if it was older than what is held. */
  set(n: TraceNotification): boolean {
    const held = this.byUri.get(n.uri);
    const v = n.version ?? null;
    if (held && held.version !== null && v !== null && v < held.version) return false;
    this.byUri.set(n.uri, { version: v, trace: n.trace });
    return true;
  }

  get(uri: string): TraceLine[] {
    return this.byUri.get(uri)?.trace ?? [];
  }

  /** Forgets uri's trace (the document changed or closed). Returns whether one was held. */
  drop(uri: string): boolean {
    return this.byUri.delete(uri);
  }

  clear(): void {
    this.byUri.clear();
  }
}

/**
 * A text edit in LSP shape, as `stelp.fixAll` may return them. Kept loose:
 * the extension converts with the client's protocol converter.
 */
export interface WorkspaceEditLike {
  changes?: Record<string, unknown[]>;
  documentChanges?: unknown[];
}

/** Classifies a `stelp.fixAll` reply: an edit to apply, the fixed text, or nothing to do. */
export function fixAllOutcome(x: unknown): { kind: 'edit'; edit: WorkspaceEditLike } | { kind: 'text'; text: string } | { kind: 'none' } {
  if (x === null || x === undefined) return { kind: 'none' };
  if (typeof x === 'string') return { kind: 'text', text: x };
  if (typeof x === 'object' && !Array.isArray(x)) {
    const o = x as Record<string, unknown>;
    if (o.changes !== undefined || o.documentChanges !== undefined) return { kind: 'edit', edit: o as WorkspaceEditLike };
    if (o.edit && typeof o.edit === 'object') return fixAllOutcome(o.edit);
    for (const k of ['text', 'code', 'fixed']) if (typeof o[k] === 'string') return { kind: 'text', text: o[k] as string };
    if (o.applied !== undefined || o.fixed !== undefined || o.count !== undefined) return { kind: 'none' };
  }
  throw new Error(`stelp.fixAll returned ${JSON.stringify(x)?.slice(0, 200)}, which is neither an edit nor fixed text`);
}

/** The user-facing line after "Fix all safe": what was applied, what is left. */
export function fixAllMessage(x: unknown, changed: boolean): string {
  const o = typeof x === 'object' && x !== null ? (x as Record<string, unknown>) : {};
  const n = (k: string) => (Array.isArray(o[k]) ? (o[k] as unknown[]).length : undefined);
  const applied = n('applied');
  const remaining = n('remaining');
  const left = remaining === undefined ? '' : `; ${remaining} finding${remaining === 1 ? '' : 's'} left`;
  if (!changed) return `stelp: no safe fixes to apply${left}`;
  if (applied === undefined) return `stelp: safe fixes applied${left}`;
  return `stelp: applied ${applied} safe fix${applied === 1 ? '' : 'es'}${left}`;
}
