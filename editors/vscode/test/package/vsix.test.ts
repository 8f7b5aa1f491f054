// The .vsix as VS Code would install it: packaged with vsce, unpacked, its
// main module loaded with a stand-in for the `vscode` module (the editor
// host is not available here). Catches a dependency missing from the
// package, a wrong `main`, and commands declared but never registered.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import Module from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, test } from 'node:test';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const yauzl = require('yauzl') as {
  open(p: string, o: { lazyEntries: boolean }, cb: (err: Error | null, zip: any) => void): void;
};

const extDir = path.resolve(__dirname, '..', '..', '..');
let tmp: string;
let unpacked: string;

function unzip(file: string, dest: string): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const names: string[] = [];
    yauzl.open(file, { lazyEntries: true }, (err, zip) => {
      if (err) return reject(err);
      zip.readEntry();
      zip.on('entry', (e: { fileName: string }) => {
        names.push(e.fileName);
        const out = path.join(dest, e.fileName);
        if (!out.startsWith(dest + path.sep)) return reject(new Error('entry outside the folder: ' + e.fileName));
        if (e.fileName.endsWith('/')) {
          fs.mkdirSync(out, { recursive: true });
          return zip.readEntry();
        }
        fs.mkdirSync(path.dirname(out), { recursive: true });
        zip.openReadStream(e, (err2: Error | null, stream: NodeJS.ReadableStream) => {
          if (err2) return reject(err2);
          stream.pipe(fs.createWriteStream(out)).on('finish', () => zip.readEntry());
        });
      });
      zip.on('end', () => resolve(names));
      zip.on('error', reject);
    });
  });
}

/** A `vscode` stand-in: every property is another stand-in, callable and constructible. */
function standIn(registered: string[], name = 'vscode'): any {
  const f = function () {};
  return new Proxy(f, {
    get(_t, p) {
      if (p === 'prototype') return f.prototype;
      if (typeof p === 'symbol') return undefined;
      if (name === 'vscode.commands' && p === 'registerCommand') {
        return (id: string) => {
          registered.push(id);
          return { dispose() {} };
        };
      }
      return standIn(registered, `${name}.${String(p)}`);
    },
    set: () => true,
    construct: () => standIn(registered, `new ${name}`),
    apply: () => standIn(registered, `${name}()`),
  });
}

before(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'stelp-vsix-'));
  unpacked = path.join(tmp, 'x');
  fs.mkdirSync(unpacked);
});

after(() => fs.rmSync(tmp, { recursive: true, force: true }));

test('the .vsix holds the extension and loads outside the repository', async () => {
  // $STELP_VSIX: a package built already (editors/ci.sh); else build one.
  let vsix = process.env.STELP_VSIX ?? '';
  if (vsix === '') {
    vsix = path.join(tmp, 'stelp.vsix');
    const vsce = path.join(extDir, 'node_modules', '@vscode', 'vsce', 'vsce');
    execFileSync(process.execPath, [vsce, 'package', '--skip-license', '--out', vsix], { cwd: extDir, stdio: 'pipe' });
  }
  const names = await unzip(vsix, unpacked);
  const manifest = JSON.parse(fs.readFileSync(path.join(unpacked, 'extension', 'package.json'), 'utf8'));
  const main = path.join(unpacked, 'extension', manifest.main);
  assert.ok(fs.existsSync(main.endsWith('.js') ? main : main + '.js'), 'main ' + manifest.main + ' is in the package');
  // One bundled file (vscode-languageclient is inside it) and the licence; nothing else ships.
  const shipped = names.filter((n) => n.startsWith('extension/')).sort();
  assert.deepEqual(shipped, ['extension/LICENSE.txt', 'extension/dist/extension.js', 'extension/package.json', 'extension/readme.md']);

  // Load it from the unpacked copy, so only packaged modules can resolve.
  const registered: string[] = [];
  let activateError = '';
  // The real module is a plain object with the API's names as own
  // properties (bundlers copy them); take the names from the API typings.
  const api: Record<string, unknown> = {};
  const typings = fs.readFileSync(path.join(extDir, 'node_modules', '@types', 'vscode', 'index.d.ts'), 'utf8');
  for (const m of typings.matchAll(/^\t(?:export )?(?:namespace|class|enum|const|function) (\w+)/gm)) {
    api[m[1]] = standIn(registered, `vscode.${m[1]}`);
  }
  assert.ok(api.window && api.commands && api.workspace, 'API names found in the typings');
  const load = (Module as any)._load;
  (Module as any)._load = function (req: string, ...rest: unknown[]) {
    if (req === 'vscode') return api;
    return load.call(this, req, ...rest);
  };
  try {
    const ext = require(main);
    assert.equal(typeof ext.activate, 'function');
    assert.equal(typeof ext.deactivate, 'function');
    // activate registers the commands before it starts the server; the
    // stand-in makes the start fail harmlessly after that.
    await Promise.resolve(ext.activate({ subscriptions: [], extensionPath: path.join(unpacked, 'extension') })).catch((e: unknown) => {
      activateError = String(e);
    });
  } finally {
    (Module as any)._load = load;
  }
  const declared = (manifest.contributes.commands as { command: string }[]).map((c) => c.command).sort();
  assert.deepEqual([...new Set(registered)].sort(), declared, `declared commands = registered commands (activate: ${activateError || 'no error'})`);
});
