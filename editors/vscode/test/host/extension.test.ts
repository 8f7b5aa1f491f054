// The real extension (out/src/extension.js) with the real
// vscode-languageclient in a stand-in editor host (./fakeVscode), against the
// real `stelp serve`: activation starts the server, the palette commands and
// the server's own commands (what code lenses call) run end to end, and the
// test reads the status bar, the output channel, the decorations and the
// transpiled view the way a user would see them.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import Module from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { createHost, Host } from './fakeVscode';

const WAIT_MS = 30_000;

async function until(cond: () => boolean, what: string, ms = WAIT_MS): Promise<void> {
  const start = Date.now();
  while (!cond()) {
    if (Date.now() - start > ms) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

function repoRoot(): string {
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, 'go.mod'))) {
    const up = path.dirname(dir);
    if (up === dir) throw new Error('no go.mod above ' + __dirname);
    dir = up;
  }
  return dir;
}

describe('the extension in a stand-in VS Code', () => {
  let tmp: string;
  let ws: string;
  let host: Host;
  let ext: { activate(ctx: unknown): Promise<void>; deactivate(): Promise<void> };
  const load = (Module as any)._load;

  before(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'stelp-host-'));
    ws = path.join(tmp, 'ws');
    fs.mkdirSync(ws);
    let bin = process.env.STELP_BIN ?? '';
    if (bin === '') {
      bin = path.join(tmp, 'stelp');
      execFileSync('go', ['build', '-o', bin, './cmd/stelp'], { cwd: repoRoot(), stdio: ['ignore', 'inherit', 'inherit'] });
    }
    host = createHost(ws);
    host.settings['stelp.path'] = bin;
    host.settings['stelp.traces.style'] = 'decorations';
    (Module as any)._load = function (req: string, ...rest: unknown[]) {
      if (req === 'vscode') return host.api;
      return load.call(this, req, ...rest);
    };
    const main = path.resolve(__dirname, '..', '..', 'src', 'extension.js');
    delete require.cache[main];
    ext = require(main);
    await ext.activate({ subscriptions: [], extensionPath: tmp });
  });

  after(async () => {
    await ext?.deactivate();
    (Module as any)._load = load;
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  test('activation starts the server and registers both kinds of commands', () => {
    const errors = host.messages.filter((m) => m.level === 'error');
    assert.deepEqual(errors, [], host.output.join('\n'));
    for (const c of ['stelp.executeSafely', 'stelp.fixAllSafe', 'stelp.showTranspiled', 'stelp.restartServer']) {
      assert.ok(host.commands.has(c), c);
    }
    // vscode-languageclient registers the server's commands (code lenses call them).
    for (const c of ['stelp.execute', 'stelp.transpile', 'stelp.check', 'stelp.fixAll']) assert.ok(host.commands.has(c), c);
    assert.equal(host.status.text, '$(shield) stelp');
    assert.ok(host.status.shown);
  });

  test('Execute safely: status bar, report, decorations at the line ends', async () => {
    const doc = host.open(path.join(ws, 'trace.py'), 'total = 0\nfor i in range(4):\n    total = total + i\nprint(total)\n');
    await host.commands.get('stelp.executeSafely')!();
    assert.match(host.status.text, /^\$\(pass\) stelp: ok \d/);
    const report = host.output.join('\n');
    assert.match(report, /── stelp\.execute trace\.py: ok/);
    assert.match(report, /stdout:\n {4}6/);
    await until(() => (host.decorations.get(doc.uri.toString()) ?? []).length > 0, 'decorations');
    const deco = host.decorations.get(doc.uri.toString())!;
    assert.deepEqual(deco[0], { line: 0, text: 'total = 0' });
    assert.deepEqual(
      deco.find((d) => d.line === 2),
      { line: 2, text: 'total = 6, ×4' },
    );
  });

  test('an edit removes the decorations', async () => {
    const doc = host.open(path.join(ws, 'trace.py'), 'total = 0\nprint(total)\n');
    await host.commands.get('stelp.executeSafely')!();
    await until(() => (host.decorations.get(doc.uri.toString()) ?? []).length > 0, 'decorations');
    host.edit(doc, 'total = 5\nprint(total)\n');
    await until(() => (host.decorations.get(doc.uri.toString()) ?? []).length === 0, 'decorations to clear');
  });

  test('a blocked file: the status bar names the rule', async () => {
    host.open(path.join(ws, 'unsafe.py'), 'x = eval("1")\n');
    await host.commands.get('stelp.executeSafely')!();
    assert.equal(host.status.text, '$(shield) stelp: blocked SP101');
    assert.match(String(host.status.tooltip), /blocked \(SP101\)/);
  });

  test("a code lens run (the server's stelp.execute) goes through the middleware", async () => {
    const doc = host.open(path.join(ws, 'lens.py'), 'def answer():\n    return 42\n');
    await host.commands.get('stelp.execute')!({ uri: doc.uri.toString(), function: 'answer' });
    assert.match(host.status.text, /^\$\(pass\) stelp: ok/);
    assert.match(host.output.join('\n'), /stdout:\n {4}42/);
  });

  test('Show transpiled code opens a read-only virtual document, also from the lens', async () => {
    const doc = host.open(path.join(ws, 'shown.py'), 'y = 1\nprint(y)\n');
    await host.commands.get('stelp.showTranspiled')!();
    const shown = host.shownDocuments.at(-1)!;
    assert.match(shown.uri, /^stelp-transpiled:\/shown\.py/);
    assert.match(shown.text, /print\(y\)/);
    const before = host.shownDocuments.length;
    await host.commands.get('stelp.transpile')!({ uri: doc.uri.toString() });
    assert.equal(host.shownDocuments.length, before + 1, 'the lens opened the view too');
  });

  test('Fix all safe reports what it did', async () => {
    host.open(path.join(ws, 'fix.py'), 'import yaml\n\ndef load(t):\n    return yaml.load(t)\n');
    await host.commands.get('stelp.fixAllSafe')!();
    const msg = host.messages.filter((m) => m.level === 'status').at(-1);
    assert.match(msg?.text ?? '', /^stelp: (no safe fixes to apply|applied \d+ safe fix)/);
  });

  test('turning traces off in the settings takes effect without a restart', async () => {
    host.configure('stelp.traces.enabled', false);
    const doc = host.open(path.join(ws, 'quiet.py'), 'q = 1\n');
    await host.commands.get('stelp.executeSafely')!();
    assert.match(host.status.text, /^\$\(pass\) stelp: ok/);
    await new Promise((r) => setTimeout(r, 300)); // a stelp/trace notification would have drawn by now
    assert.deepEqual(host.decorations.get(doc.uri.toString()) ?? [], []);
    host.configure('stelp.traces.enabled', true);
    await host.commands.get('stelp.executeSafely')!();
    await until(() => (host.decorations.get(doc.uri.toString()) ?? []).length > 0, 'decorations with traces back on');
  });

  test('a bad setting is reported, not guessed', () => {
    host.configure('stelp.limits.time', 'soon');
    assert.ok(host.messages.some((m) => m.level === 'warning' && /stelp\.limits\.time: "soon" is not a duration/.test(m.text)), JSON.stringify(host.messages));
    host.configure('stelp.limits.time', '');
  });

  test('Restart server: commands work again afterwards', async () => {
    await host.commands.get('stelp.restartServer')!();
    host.open(path.join(ws, 'again.py'), 'print(7)\n');
    await host.commands.get('stelp.executeSafely')!();
    assert.match(host.status.text, /^\$\(pass\) stelp: ok/);
    assert.match(host.output.join('\n'), /stdout:\n {4}7/);
  });
});
