// The VS Code shell: starts `stelp serve`, wires commands, the status bar,
// the transpiled-code view and trace decorations. Logic lives in the pure
// modules beside this one (tested with node's runner); this file only
// connects them to the editor.
import * as fs from 'fs';
import * as vscode from 'vscode';
import {
  DidChangeConfigurationNotification,
  LanguageClient,
  LanguageClientOptions,
  ServerOptions,
  WorkspaceEdit as LspWorkspaceEdit,
} from 'vscode-languageclient/node';
import { formatResult, statusView, traceLines } from './format';
import {
  CommandArg,
  commands,
  documentArg,
  ExecResult,
  parseResult,
  parseTraceNotification,
  parseTranspile,
  selectionArg,
  traceNotification,
  TranspileResult,
} from './protocol';
import { resolveServer } from './resolve';
import { readSettings, revealOutput, serverArgs, serverOptions, StelpSettings, useDecorations } from './settings';
import { fixAllMessage, fixAllOutcome, StelpSession, TraceStore } from './session';

const transpiledScheme = 'stelp-transpiled';

let state: State | undefined;

interface State {
  ctx: vscode.ExtensionContext;
  out: vscode.LogOutputChannel;
  status: vscode.StatusBarItem;
  decoration: vscode.TextEditorDecorationType;
  traces: TraceStore;
  transpiled: TranspiledProvider;
  settings: StelpSettings;
  client?: LanguageClient;
  session?: StelpSession;
  lastResult?: ExecResult;
  lastFile?: string;
}

export async function activate(ctx: vscode.ExtensionContext): Promise<void> {
  const out = vscode.window.createOutputChannel('stelp', { log: true });
  const status = vscode.window.createStatusBarItem('stelp.status', vscode.StatusBarAlignment.Left, 50);
  status.name = 'stelp';
  status.command = 'stelp.showOutput';
  const decoration = vscode.window.createTextEditorDecorationType({
    after: {
      color: new vscode.ThemeColor('editorCodeLens.foreground'),
      fontStyle: 'italic',
      margin: '0 0 0 2em',
    },
    rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
  });
  const transpiled = new TranspiledProvider();
  const s: State = {
    ctx,
    out,
    status,
    decoration,
    traces: new TraceStore(),
    transpiled,
    settings: loadSettings(out),
  };
  state = s;
  ctx.subscriptions.push(out, status, decoration);
  renderStatus(s, false);
  status.show();

  ctx.subscriptions.push(
    vscode.workspace.registerTextDocumentContentProvider(transpiledScheme, transpiled),
    vscode.commands.registerCommand('stelp.executeSafely', () => guard(s, () => executeActive(s, false))),
    vscode.commands.registerCommand('stelp.executeSelection', () => guard(s, () => executeActive(s, true))),
    vscode.commands.registerCommand('stelp.fixAllSafe', () => guard(s, () => fixAllActive(s))),
    vscode.commands.registerCommand('stelp.showTranspiled', () => guard(s, () => showTranspiled(s))),
    vscode.commands.registerCommand('stelp.restartServer', () => guard(s, () => restart(s))),
    vscode.commands.registerCommand('stelp.showOutput', () => out.show(true)),
    vscode.workspace.onDidChangeTextDocument((e) => {
      // Trace values belong to the text that ran; after an edit they lie.
      if (e.contentChanges.length > 0 && s.traces.drop(e.document.uri.toString())) redraw(s);
    }),
    vscode.workspace.onDidCloseTextDocument((d) => s.traces.drop(d.uri.toString())),
    vscode.window.onDidChangeVisibleTextEditors(() => redraw(s)),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (!e.affectsConfiguration('stelp')) return;
      const before = s.settings;
      s.settings = loadSettings(out);
      if (before.path !== s.settings.path || before.serverArgs.join('\0') !== s.settings.serverArgs.join('\0')) {
        void guard(s, () => restart(s));
        return;
      }
      void s.client?.sendNotification(DidChangeConfigurationNotification.type, { settings: { stelp: serverOptions(s.settings) } });
      redraw(s);
    }),
  );

  await guard(s, () => start(s));
}

export async function deactivate(): Promise<void> {
  const s = state;
  state = undefined;
  await s?.client?.stop();
}

function loadSettings(out: vscode.OutputChannel): StelpSettings {
  const cfg = vscode.workspace.getConfiguration('stelp');
  const { settings, errors } = readSettings((k) => cfg.get(k));
  for (const e of errors) {
    out.appendLine(e.message);
    void vscode.window.showWarningMessage(e.message);
  }
  return settings;
}

async function guard(s: State, f: () => Promise<void>): Promise<void> {
  try {
    await f();
  } catch (err) {
    const msg = err instanceof Error ? err.message : String(err);
    s.out.appendLine(`error: ${msg}`);
    void vscode.window.showErrorMessage(`stelp: ${msg}`);
  }
}

async function start(s: State): Promise<void> {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  const resolved = resolveServer(s.settings.path, {
    extensionDir: s.ctx.extensionPath,
    platform: process.platform,
    workspaceDir: folder,
    isExecutable: (p) => {
      try {
        fs.accessSync(p, fs.constants.X_OK);
        return fs.statSync(p).isFile();
      } catch {
        return false;
      }
    },
  });
  const args = serverArgs(s.settings);
  s.out.appendLine(`starting ${resolved.command} ${args.join(' ')} (from ${resolved.source})`);
  // No `transport`: with TransportKind.stdio the client would append
  // `--stdio` to the arguments, which `stelp serve` rejects; stdio is what
  // an executable without a transport gets anyway.
  const serverOpts: ServerOptions = {
    run: { command: resolved.command, args, options: { cwd: folder } },
    debug: { command: resolved.command, args, options: { cwd: folder } },
  };
  const clientOpts: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'python' },
      { scheme: 'untitled', language: 'python' },
    ],
    synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher('**/.stelp.yaml') },
    initializationOptions: serverOptions(s.settings),
    outputChannel: s.out,
    middleware: {
      // Code lenses call the server's `stelp.execute` directly; catch the
      // result here so those runs update the status bar and output too.
      // Code lenses call the server's commands directly; catch the results
      // here so those runs update the status bar and output, and "Show
      // transpiled code" opens the view, as the palette commands do.
      executeCommand: async (command, args, next) => {
        if (command === commands.transpile) {
          const res = await next(command, args);
          await guard(s, () => openTranspiled(s, parseTranspile(res), uriOf(args)));
          return res;
        }
        if (command !== commands.execute) return next(command, args);
        renderStatus(s, true);
        try {
          const res = await next(command, args);
          showResult(s, parseResult(res), fileOf(args));
          return res;
        } finally {
          renderStatus(s, false);
        }
      },
      provideInlayHints: (doc, range, token, next) => (s.settings.traces.enabled ? next(doc, range, token) : []),
    },
  };
  const client = new LanguageClient('stelp', 'stelp', serverOpts, clientOpts);
  client.onNotification(traceNotification, (params: unknown) => {
    try {
      const n = parseTraceNotification(params);
      const uri = client.protocol2CodeConverter.asUri(n.uri).toString();
      s.traces.set({ ...n, uri });
      redraw(s);
    } catch (err) {
      s.out.appendLine(`ignored ${traceNotification}: ${err instanceof Error ? err.message : String(err)}`);
    }
  });
  await client.start();
  s.client = client;
  s.session = new StelpSession(client);
  s.ctx.subscriptions.push(client);
}

async function restart(s: State): Promise<void> {
  const old = s.client;
  s.client = undefined;
  s.session = undefined;
  s.traces.clear();
  redraw(s);
  if (old) await old.stop();
  await start(s);
}

function session(s: State): StelpSession {
  if (!s.session) throw new Error('the stelp server is not running; see the "stelp" output');
  return s.session;
}

function activeEditor(): vscode.TextEditor {
  const e = vscode.window.activeTextEditor;
  if (!e) throw new Error('no active editor');
  return e;
}

function argFor(s: State, doc: vscode.TextDocument): CommandArg {
  const uri = s.client ? s.client.code2ProtocolConverter.asUri(doc.uri) : doc.uri.toString();
  return documentArg({
    uri,
    languageId: doc.languageId,
    text: doc.getText(),
    path: doc.uri.scheme === 'file' ? doc.uri.fsPath : undefined,
  });
}

function uriOf(args: unknown[]): vscode.Uri | undefined {
  const a = args[0] as { uri?: string } | undefined;
  return a?.uri ? vscode.Uri.parse(a.uri) : undefined;
}

function fileOf(args: unknown[]): string | undefined {
  const a = args[0] as { uri?: string; path?: string } | undefined;
  if (a?.uri) return vscode.workspace.asRelativePath(vscode.Uri.parse(a.uri));
  return a?.path;
}

async function executeActive(s: State, selectionOnly: boolean): Promise<void> {
  const editor = activeEditor();
  const doc = editor.document;
  const path = doc.uri.scheme === 'file' ? doc.uri.fsPath : undefined;
  const selected = selectionOnly && !editor.selection.isEmpty;
  const arg = selected ? selectionArg(doc.getText(editor.selection), path) : argFor(s, doc);
  renderStatus(s, true);
  try {
    const result = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Window, title: 'stelp: executing' },
      () => session(s).execute(arg),
    );
    showResult(s, result, vscode.workspace.asRelativePath(doc.uri));
    // A run on the document publishes `stelp/trace` too; drawing from the
    // result at once avoids waiting for it (and covers servers that don't).
    if ('uri' in arg && !selected) {
      s.traces.set({ uri: doc.uri.toString(), version: doc.version, trace: result.trace });
      redraw(s);
    }
  } finally {
    renderStatus(s, false);
  }
}

function showResult(s: State, r: ExecResult, file?: string): void {
  s.lastResult = r;
  s.lastFile = file;
  s.out.appendLine(formatResult(r, `stelp.execute${file ? ` ${file}` : ''}`));
  if (revealOutput(s.settings.revealOutput, r)) s.out.show(true);
}

function renderStatus(s: State, running: boolean): void {
  const v = statusView({ running, result: s.lastResult, file: s.lastFile });
  s.status.text = v.text;
  s.status.tooltip = v.tooltip;
  s.status.backgroundColor =
    !running && s.lastResult && s.lastResult.status !== 'ok' ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
}

function redraw(s: State): void {
  const hasInlay = !!s.client?.initializeResult?.capabilities.inlayHintProvider;
  const on = useDecorations(s.settings, hasInlay);
  for (const editor of vscode.window.visibleTextEditors) {
    const lines = on ? traceLines(s.traces.get(editor.document.uri.toString()), editor.document.lineCount) : [];
    editor.setDecorations(
      s.decoration,
      lines.map((l) => {
        const end = editor.document.lineAt(l.line).range.end;
        return { range: new vscode.Range(end, end), renderOptions: { after: { contentText: `  ${l.text}` } } };
      }),
    );
  }
}

async function fixAllActive(s: State): Promise<void> {
  const editor = activeEditor();
  const doc = editor.document;
  const version = doc.version;
  // apply: false: the extension applies the edit itself (checked against
  // the document version), so it knows whether anything changed.
  const reply = await session(s).fixAll({ ...argFor(s, doc), apply: false });
  const outcome = fixAllOutcome(reply);
  let applied = false;
  if (outcome.kind === 'edit' && s.client) {
    const edit = await s.client.protocol2CodeConverter.asWorkspaceEdit(outcome.edit as LspWorkspaceEdit);
    applied = await vscode.workspace.applyEdit(edit);
  } else if (outcome.kind === 'text') {
    if (doc.version !== version) throw new Error('the document changed while fixing; run "Fix all safe" again');
    if (outcome.text !== doc.getText()) {
      const all = new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length));
      applied = await editor.edit((b) => b.replace(all, outcome.text));
    }
  }
  void vscode.window.setStatusBarMessage(fixAllMessage(reply, applied), 5000);
}

async function showTranspiled(s: State): Promise<void> {
  const doc = activeEditor().document;
  await openTranspiled(s, await session(s).transpile(argFor(s, doc)), doc.uri);
}

async function openTranspiled(s: State, t: TranspileResult, source: vscode.Uri | undefined): Promise<void> {
  if (t.error) {
    s.out.appendLine(`stelp.transpile: ${t.error}`);
    if (t.code === '') throw new Error(`cannot transpile: ${t.error}`);
    void vscode.window.showWarningMessage(`stelp: ${t.error}`);
  }
  const name = source?.path.split('/').pop() || 'untitled.py';
  const uri = vscode.Uri.from({ scheme: transpiledScheme, path: `/${name}`, query: source?.toString() ?? '' });
  s.transpiled.set(uri, t.code);
  const shown = await vscode.workspace.openTextDocument(uri);
  await vscode.languages.setTextDocumentLanguage(shown, 'python');
  await vscode.window.showTextDocument(shown, { viewColumn: vscode.ViewColumn.Beside, preview: true, preserveFocus: true });
}

/** Read-only virtual documents holding transpiled code (a content provider's documents cannot be edited). */
class TranspiledProvider implements vscode.TextDocumentContentProvider {
  private readonly texts = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;

  set(uri: vscode.Uri, text: string): void {
    this.texts.set(uri.toString(), text);
    this.changed.fire(uri);
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.texts.get(uri.toString()) ?? '# run "stelp: Show transpiled code" again: this view was closed';
  }
}
