// The extension's client-side wiring against the REAL `stelp serve`, over
// vscode-jsonrpc (what vscode-languageclient uses underneath): the same
// initialize options, command arguments, result parsing and trace handling
// as the extension, with VS Code's client capabilities.
//
// The binary: $STELP_BIN, else built here with `go build` from the repo.
import assert from 'node:assert/strict';
import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, MessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { statusView, traceLines } from '../../src/format';
import { documentArg, parseTraceNotification, TraceNotification, traceNotification } from '../../src/protocol';
import { fixAllMessage, fixAllOutcome, StelpSession } from '../../src/session';
import { readSettings, serverArgs, serverOptions } from '../../src/settings';

const WAIT_MS = 30_000; // a cold worker pool's first run can be slow on a busy machine

function repoRoot(): string {
  let dir = __dirname;
  for (;;) {
    if (fs.existsSync(path.join(dir, 'go.mod')) && fs.existsSync(path.join(dir, 'cmd', 'stelp'))) return dir;
    const up = path.dirname(dir);
    if (up === dir) throw new Error('cannot find the stelp repository (go.mod) above ' + __dirname);
    dir = up;
  }
}

function stelpBinary(tmp: string): string {
  const fromEnv = process.env.STELP_BIN;
  if (fromEnv) return fromEnv;
  const out = path.join(tmp, 'stelp');
  execFileSync('go', ['build', '-o', out, './cmd/stelp'], { cwd: repoRoot(), stdio: ['ignore', 'inherit', 'inherit'] });
  return out;
}

/** Resolves when pred holds for a value pushed into the list, or fails after ms. */
function waitFor<T>(list: T[], pred: (x: T) => boolean, what: string, ms = WAIT_MS): Promise<T> {
  return new Promise((resolve, reject) => {
    const start = Date.now();
    const tick = () => {
      const hit = list.find(pred);
      if (hit !== undefined) return resolve(hit);
      if (Date.now() - start > ms) return reject(new Error(`timed out after ${ms} ms waiting for ${what}`));
      setTimeout(tick, 20);
    };
    tick();
  });
}

// What vscode-languageclient 11 tells a server, reduced to what stelp reads.
const vscodeCapabilities = {
  workspace: {
    applyEdit: true,
    configuration: true,
    didChangeWatchedFiles: { dynamicRegistration: true },
    inlayHint: { refreshSupport: true },
    codeLens: { refreshSupport: true },
    workspaceFolders: true,
  },
  textDocument: {
    synchronization: { dynamicRegistration: true, didSave: true },
    publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
    codeAction: {
      codeActionLiteralSupport: { codeActionKind: { valueSet: ['', 'quickfix', 'source', 'source.fixAll'] } },
      isPreferredSupport: true,
      dataSupport: true,
    },
    codeLens: {},
    inlayHint: { dynamicRegistration: true, resolveSupport: { properties: [] } },
  },
  window: { workDoneProgress: true },
  general: { positionEncodings: ['utf-16'] },
};

interface Diag {
  code?: string | number;
  source?: string;
  message: string;
  range: { start: { line: number; character: number } };
  codeDescription?: { href: string };
}

describe('stelp serve through the extension wiring', () => {
  let tmp: string;
  let ws: string;
  let proc: ChildProcess;
  let conn: MessageConnection;
  let session: StelpSession;
  let initResult: { capabilities: Record<string, any> };
  const diagnostics: { uri: string; version?: number; diagnostics: Diag[] }[] = [];
  const traces: TraceNotification[] = [];
  const serverRequests: string[] = [];
  let stderr = '';
  const versions = new Map<string, number>();

  const fixture = (name: string) => path.join(ws, name);
  const uriOf = (name: string) => pathToFileURL(fixture(name)).toString();

  function open(name: string, text: string): string {
    fs.writeFileSync(fixture(name), text);
    const uri = uriOf(name);
    versions.set(uri, 1);
    void conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'python', version: 1, text } });
    return uri;
  }

  function change(uri: string, text: string): number {
    const v = (versions.get(uri) ?? 1) + 1;
    versions.set(uri, v);
    void conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: v }, contentChanges: [{ text }] });
    return v;
  }

  const latestDiags = (uri: string) => [...diagnostics].reverse().find((d) => d.uri === uri);

  before(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'stelp-vscode-e2e-'));
    ws = path.join(tmp, 'ws');
    fs.mkdirSync(ws);
    const bin = stelpBinary(tmp);
    const { settings, errors } = readSettings(() => undefined);
    assert.deepEqual(errors, []);
    proc = spawn(bin, serverArgs(settings), { cwd: ws, stdio: ['pipe', 'pipe', 'pipe'] });
    proc.stderr!.on('data', (b: Buffer) => {
      stderr += b.toString();
    });
    conn = createMessageConnection(new StreamMessageReader(proc.stdout!), new StreamMessageWriter(proc.stdin!));
    for (const m of [
      'workspace/configuration',
      'client/registerCapability',
      'client/unregisterCapability',
      'window/workDoneProgress/create',
      'workspace/inlayHint/refresh',
      'workspace/codeLens/refresh',
      'workspace/diagnostic/refresh',
      'workspace/applyEdit',
    ]) {
      conn.onRequest(m, (params: any) => {
        serverRequests.push(m);
        if (m === 'workspace/configuration') return (params.items ?? []).map(() => serverOptions(settings));
        if (m === 'workspace/applyEdit') return { applied: true };
        return null;
      });
    }
    conn.onNotification('textDocument/publishDiagnostics', (p: any) => {
      diagnostics.push(p);
    });
    conn.onNotification(traceNotification, (p: unknown) => {
      traces.push(parseTraceNotification(p));
    });
    conn.onNotification('$/progress', () => undefined);
    conn.onNotification('window/logMessage', () => undefined);
    conn.onNotification('window/showMessage', () => undefined);
    conn.listen();
    session = new StelpSession(conn);
    initResult = (await conn.sendRequest('initialize', {
      processId: process.pid,
      rootUri: pathToFileURL(ws).toString(),
      workspaceFolders: [{ uri: pathToFileURL(ws).toString(), name: 'ws' }],
      capabilities: vscodeCapabilities,
      initializationOptions: serverOptions(settings),
      clientInfo: { name: 'stelp-vscode-e2e' },
    })) as typeof initResult;
    await conn.sendNotification('initialized', {});
  });

  after(async () => {
    try {
      if (conn && proc.exitCode === null) {
        await conn.sendRequest('shutdown');
        await conn.sendNotification('exit');
      }
    } catch {
      // reported by the shutdown test
    }
    const exited = await new Promise<boolean>((resolve) => {
      if (proc.exitCode !== null) return resolve(true);
      const t = setTimeout(() => resolve(false), 10_000);
      proc.on('exit', () => {
        clearTimeout(t);
        resolve(true);
      });
    });
    if (!exited) proc.kill('SIGKILL');
    conn?.dispose();
    fs.rmSync(tmp, { recursive: true, force: true });
    if (process.env.STELP_E2E_VERBOSE) process.stderr.write(stderr);
  });

  test('initialize advertises what the extension relies on', () => {
    const caps = initResult.capabilities;
    assert.deepEqual([...caps.executeCommandProvider.commands].sort(), ['stelp.check', 'stelp.execute', 'stelp.fixAll', 'stelp.transpile']);
    assert.ok(caps.inlayHintProvider, 'inlayHintProvider');
    assert.ok(caps.codeLensProvider, 'codeLensProvider');
    assert.ok(caps.codeActionProvider.codeActionKinds.includes('source.fixAll.stelp'), 'source.fixAll.stelp kind');
  });

  test('diagnostics for an unsafe document, with rule code, source and docs link', async () => {
    const uri = open('unsafe.py', 'def run(expr):\n    return eval(expr)\n\nprint(run("1 + 2"))\n');
    const pub = await waitFor(diagnostics, (d) => d.uri === uri && d.diagnostics.length > 0, 'diagnostics on unsafe.py');
    const d = pub.diagnostics.find((x) => x.code === 'SP101');
    assert.ok(d, 'no SP101 in ' + JSON.stringify(pub.diagnostics));
    assert.equal(d.source, 'stelp');
    assert.equal(d.range.start.line, 1);
    assert.equal(d.range.start.character, 11, 'UTF-16 column of eval');
    assert.match(d.codeDescription?.href ?? '', /sp101/i);
  });

  test('execute {uri} of an unsafe document is blocked; the status bar says why', async () => {
    const r = await session.execute(documentArg({ uri: uriOf('unsafe.py'), languageId: 'python', text: '' }));
    assert.equal(r.status, 'blocked');
    assert.ok(r.findings.some((f) => f.rule === 'SP101'), JSON.stringify(r.findings));
    assert.ok(r.feedback && r.feedback.length > 0, 'feedback for the LLM');
    assert.equal(statusView({ running: false, result: r }).text, '$(shield) stelp: blocked SP101');
  });

  test('execute {text} without a file: output and trace values', async () => {
    const r = await session.execute({ text: 'total = 0\nfor i in range(4):\n    total = total + i\nprint(total)\n' });
    assert.equal(r.status, 'ok', JSON.stringify(r));
    assert.equal(r.stdout, '6\n');
    const lines = traceLines(r.trace, 4);
    assert.deepEqual(lines[0], { line: 0, text: 'total = 0' });
    assert.deepEqual(
      lines.find((l) => l.line === 2),
      { line: 2, text: 'total = 6, ×4' },
    );
    assert.match(lines.find((l) => l.line === 1)?.text ?? '', /×[45]$/, 'the for line ran 4 or 5 times');
    assert.match(statusView({ running: false, result: r }).text, /^\$\(pass\) stelp: ok \d/);
  });

  test('execute {uri}: result, stelp/trace notification and inlay hints for that version', async () => {
    const text = 'total = 0\nfor i in range(4):\n    total = total + i\nprint(total)\n';
    const uri = open('trace.py', text);
    await waitFor(diagnostics, (d) => d.uri === uri, 'diagnostics on trace.py');
    const refreshesBefore = serverRequests.filter((m) => m === 'workspace/inlayHint/refresh').length;
    const r = await session.execute({ uri });
    assert.equal(r.status, 'ok');
    assert.equal(r.stdout, '6\n');
    const n = await waitFor(traces, (t) => t.uri === uri, 'stelp/trace for trace.py');
    assert.equal(n.version, 1);
    assert.equal(n.status, 'ok');
    assert.deepEqual(n.trace, r.trace);
    const hints = (await conn.sendRequest('textDocument/inlayHint', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 4, character: 0 } },
    })) as { position: { line: number; character: number }; label: string | { value: string }[] }[];
    const label = (h: (typeof hints)[number]) => (typeof h.label === 'string' ? h.label : h.label.map((p) => p.value).join(''));
    const line2 = hints.filter((h) => h.position.line === 2).map(label).join(' ');
    assert.match(line2, /total = 6/, 'inlay hint at line 3: ' + JSON.stringify(hints));
    assert.equal(hints.find((h) => h.position.line === 2)?.position.character, '    total = total + i'.length, 'hint at the line end');
    await waitFor(serverRequests, () => serverRequests.filter((m) => m === 'workspace/inlayHint/refresh').length > refreshesBefore, 'an inlay hint refresh');
  });

  test('after an edit the old trace is gone from the inlay hints', async () => {
    const uri = uriOf('trace.py');
    change(uri, 'total = 1\n');
    await waitFor(diagnostics, (d) => d.uri === uri && d.version === 2, 'diagnostics for version 2', WAIT_MS).catch(() => undefined);
    const hints = (await conn.sendRequest('textDocument/inlayHint', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 1, character: 0 } },
    })) as unknown[] | null;
    assert.deepEqual(hints ?? [], []);
  });

  test('runtime problems: an exception is an error with its line', async () => {
    const r = await session.execute({ text: 'x = 1\ny = x / 0\n' });
    assert.equal(r.status, 'error');
    assert.equal(r.exception?.type, 'ZeroDivisionError');
    assert.equal(r.exception?.line, 2);
    assert.equal(statusView({ running: false, result: r }).text, '$(error) stelp: error ZeroDivisionError line 2');
  });

  test('a runaway loop stops at the step limit of the .stelp.yaml its path picks', async () => {
    fs.mkdirSync(path.join(ws, 'limited'));
    fs.writeFileSync(path.join(ws, 'limited', '.stelp.yaml'), 'limits:\n  steps: 1000\n');
    const loop = 'n = 0\nwhile n >= 0:\n    n = n + 1\n';
    const r = await session.execute({ text: loop, path: 'limited/loop.py' });
    assert.equal(r.status, 'limit', JSON.stringify(r));
    assert.equal(r.limit?.kind, 'steps');
    assert.equal(statusView({ running: false, result: r }).text, '$(watch) stelp: limit steps');
    // `while True:` with no way out is caught before it runs.
    const b = await session.execute({ text: 'while True:\n    pass\n', path: 'limited/loop.py' });
    assert.equal(b.status, 'blocked');
  });

  test('transpile {uri} returns the program; a syntax error comes back as an error', async () => {
    const uri = open('lowered.py', 'name = "x"\nprint(name)\n');
    const t = await session.transpile({ uri });
    assert.equal(t.error, undefined);
    assert.match(t.code, /^name = "x"$/m, 'instrumentation keeps the lines: ' + t.code);
    assert.match(t.code, /print\(name\)/);
    const bad = await session.transpile({ text: 'def f(:\n    pass\n' });
    assert.equal(bad.code, '');
    assert.match(bad.error ?? '', /line 1/);
  });

  test('fixAll {uri, apply: false} returns the edit for the client to apply', async () => {
    const before = 'import yaml\n\ndef load(text):\n    return yaml.load(text)\n';
    const uri = open('fixable.py', before);
    await waitFor(diagnostics, (d) => d.uri === uri && d.diagnostics.length > 0, 'diagnostics on fixable.py');
    const applyBefore = serverRequests.filter((m) => m === 'workspace/applyEdit').length;
    const reply = (await session.fixAll({ uri, apply: false })) as { applied: unknown[]; remaining: unknown[]; text: string };
    assert.ok(Array.isArray(reply.applied) && Array.isArray(reply.remaining), JSON.stringify(reply));
    const outcome = fixAllOutcome(reply);
    if (reply.applied.length === 0) {
      assert.deepEqual(outcome, { kind: 'text', text: before }, 'nothing to fix: the text comes back unchanged');
      assert.match(fixAllMessage(reply, false), /^stelp: no safe fixes to apply/);
    } else {
      assert.equal(outcome.kind, 'edit');
      assert.notEqual(reply.text, before);
      assert.match(fixAllMessage(reply, true), /^stelp: applied \d+ safe fix/);
    }
    assert.equal(serverRequests.filter((m) => m === 'workspace/applyEdit').length, applyBefore, 'apply: false must not make the server apply');
  });

  test('code lens commands are the ones the extension intercepts, and they run', async () => {
    const uri = uriOf('trace.py');
    change(uri, 'def f():\n    return 1\n\nprint(f())\n');
    const lenses = (await conn.sendRequest('textDocument/codeLens', { textDocument: { uri } })) as {
      command?: { command: string; arguments?: { uri: string; function?: string }[] };
    }[];
    const find = (cmd: string, fn?: string) => lenses.find((l) => l.command?.command === cmd && l.command.arguments?.[0]?.function === fn);
    const file = find('stelp.execute');
    const transpile = find('stelp.transpile');
    const fn = find('stelp.execute', 'f');
    assert.ok(file && transpile && fn, JSON.stringify(lenses));
    assert.equal(file.command!.arguments![0].uri, uri);
    // The middleware passes a lens's arguments through unchanged.
    const r = await session.execute(fn.command!.arguments![0]);
    assert.equal(r.status, 'ok', JSON.stringify(r));
    assert.equal(r.stdout, '1\n1\n', 'the file prints f(), then the lens calls f()');
    const t = await session.transpile(transpile.command!.arguments![0]);
    assert.match(t.code, /def f\(\):/);
  });

  test('quick fixes include "suppress with a reason"', async () => {
    const uri = uriOf('unsafe.py');
    const diags = latestDiags(uri)!.diagnostics;
    const actions = (await conn.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: diags[0].range,
      context: { diagnostics: diags, only: ['quickfix'] },
    })) as { title: string; kind?: string }[];
    assert.ok(actions.some((a) => /suppress/i.test(a.title)), JSON.stringify(actions.map((a) => a.title)));
  });

  test('bad arguments get a clear error, not a dead server', async () => {
    await assert.rejects(session.run('stelp.execute', {} as never), /uri|text/);
    const r = await session.execute({ text: 'print(1)\n' });
    assert.equal(r.stdout, '1\n');
  });

  test('shutdown and exit end the server with code 0', async () => {
    await conn.sendRequest('shutdown');
    await conn.sendNotification('exit');
    const code = await new Promise<number | null>((resolve) => {
      if (proc.exitCode !== null) return resolve(proc.exitCode);
      proc.on('exit', (c) => resolve(c));
    });
    assert.equal(code, 0, stderr.slice(-2000));
  });
});
