// A small stand-in for the `vscode` module: enough of the editor host for
// the real extension and the real vscode-languageclient to start `stelp
// serve`, sync a document and run commands. The parts a test looks at
// (commands, status bar, output channel, decorations, text document content
// providers, messages) are real objects that record what happens; the rest
// of the API answers with inert stand-ins.
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

type Listener<T> = (e: T) => unknown;

export class Disposable {
  static from(...ds: { dispose(): unknown }[]): Disposable {
    return new Disposable(() => ds.forEach((d) => d.dispose()));
  }
  constructor(private readonly fn: () => unknown = () => undefined) {}
  dispose(): void {
    this.fn();
  }
}

export class EventEmitter<T> {
  private listeners: Listener<T>[] = [];
  readonly event = (l: Listener<T>, thisArg?: unknown, disposables?: Disposable[]) => {
    const bound = thisArg ? l.bind(thisArg) : l;
    this.listeners.push(bound);
    const d = new Disposable(() => {
      this.listeners = this.listeners.filter((x) => x !== bound);
    });
    disposables?.push(d);
    return d;
  };
  fire(e: T): void {
    for (const l of [...this.listeners]) l(e);
  }
  dispose(): void {
    this.listeners = [];
  }
}

export class Uri {
  private constructor(
    readonly scheme: string,
    readonly authority: string,
    readonly path: string,
    readonly query: string,
    readonly fragment: string,
  ) {}
  static parse(s: string): Uri {
    const m = /^([a-zA-Z][\w+.-]*):(?:\/\/([^/?#]*))?([^?#]*)(?:\?([^#]*))?(?:#(.*))?$/.exec(s);
    if (!m) throw new Error('bad uri ' + s);
    return new Uri(m[1], m[2] ?? '', decodeURIComponent(m[3]), m[4] ? decodeURIComponent(m[4]) : '', m[5] ?? '');
  }
  static file(p: string): Uri {
    return Uri.parse(pathToFileURL(p).toString());
  }
  static from(c: { scheme: string; authority?: string; path?: string; query?: string; fragment?: string }): Uri {
    return new Uri(c.scheme, c.authority ?? '', c.path ?? '', c.query ?? '', c.fragment ?? '');
  }
  get fsPath(): string {
    return this.scheme === 'file' ? fileURLToPath(this.toString()) : this.path;
  }
  with(c: Partial<{ scheme: string; path: string; query: string }>): Uri {
    return new Uri(c.scheme ?? this.scheme, this.authority, c.path ?? this.path, c.query ?? this.query, this.fragment);
  }
  toString(): string {
    if (this.scheme === 'file') return pathToFileURL(this.path).toString();
    return `${this.scheme}:${this.authority ? '//' + this.authority : ''}${this.path}${this.query ? '?' + encodeURIComponent(this.query) : ''}`;
  }
  toJSON(): unknown {
    return { scheme: this.scheme, path: this.path };
  }
}

export class Position {
  constructor(
    readonly line: number,
    readonly character: number,
  ) {}
}

export class Range {
  readonly start: Position;
  readonly end: Position;
  constructor(a: Position | number, b: Position | number, c?: number, d?: number) {
    if (typeof a === 'number') {
      this.start = new Position(a, b as number);
      this.end = new Position(c!, d!);
    } else {
      this.start = a;
      this.end = b as Position;
    }
  }
  get isEmpty(): boolean {
    return this.start.line === this.end.line && this.start.character === this.end.character;
  }
}

export class CancellationTokenSource {
  private readonly emitter = new EventEmitter<void>();
  readonly token = { isCancellationRequested: false, onCancellationRequested: this.emitter.event };
  cancel(): void {
    this.token.isCancellationRequested = true;
    this.emitter.fire();
  }
  dispose(): void {}
}

/** An open document: enough of vscode.TextDocument for the client and the extension. */
export class FakeDocument {
  version = 1;
  isClosed = false;
  isDirty = false;
  readonly isUntitled = false;
  readonly eol = 1;
  constructor(
    readonly uri: Uri,
    readonly languageId: string,
    private text: string,
  ) {}
  get fileName(): string {
    return this.uri.fsPath;
  }
  get lineCount(): number {
    return this.text.split('\n').length;
  }
  getText(range?: Range): string {
    if (!range) return this.text;
    return this.text.slice(this.offsetAt(range.start), this.offsetAt(range.end));
  }
  offsetAt(p: Position): number {
    const lines = this.text.split('\n');
    let o = 0;
    for (let i = 0; i < p.line && i < lines.length; i++) o += lines[i].length + 1;
    return o + p.character;
  }
  positionAt(offset: number): Position {
    const before = this.text.slice(0, offset).split('\n');
    return new Position(before.length - 1, before[before.length - 1].length);
  }
  lineAt(line: number): { range: Range; text: string } {
    const t = this.text.split('\n')[line] ?? '';
    return { text: t, range: new Range(line, 0, line, t.length) };
  }
  setText(text: string): void {
    this.text = text;
    this.version++;
  }
}

/** Inert stand-in for any API part the tests do not look at. */
function inert(name: string): any {
  const f = function () {};
  return new Proxy(f, {
    get(_t, p) {
      if (p === 'prototype') return f.prototype;
      if (p === 'then' || typeof p === 'symbol') return undefined; // not a promise
      if (p === 'dispose') return () => undefined;
      return inert(`${name}.${String(p)}`);
    },
    set: () => true,
    construct: () => inert(`new ${name}`),
    apply: (_t, _this, args) => {
      // Event registrations and provider registrations return disposables.
      if (/\.(on\w+|register\w+|create\w+Watcher)$/.test(name)) return new Disposable();
      void args;
      return inert(`${name}()`);
    },
  });
}

export interface Host {
  api: Record<string, unknown>;
  commands: Map<string, (...args: unknown[]) => unknown>;
  status: { text: string; tooltip: unknown; shown: boolean };
  output: string[];
  messages: { level: string; text: string }[];
  decorations: Map<string, { line: number; text: string }[]>;
  providers: Map<string, { provideTextDocumentContent(uri: Uri): string }>;
  shownDocuments: { uri: string; text: string }[];
  settings: Record<string, unknown>;
  open(file: string, text: string): FakeDocument;
  edit(doc: FakeDocument, text: string): void;
  /** Changes a setting and tells the extension, as the settings editor does. */
  configure(key: string, value: unknown): void;
}

export function createHost(workspaceDir: string): Host {
  const commands = new Map<string, (...args: unknown[]) => unknown>();
  const status = { text: '', tooltip: undefined as unknown, shown: false };
  const output: string[] = [];
  const messages: { level: string; text: string }[] = [];
  const decorations = new Map<string, { line: number; text: string }[]>();
  const providers = new Map<string, { provideTextDocumentContent(uri: Uri): string }>();
  const shownDocuments: { uri: string; text: string }[] = [];
  const settings: Record<string, unknown> = {};
  const documents: FakeDocument[] = [];
  const onOpen = new EventEmitter<FakeDocument>();
  const onChange = new EventEmitter<unknown>();
  const onClose = new EventEmitter<FakeDocument>();
  const onConfig = new EventEmitter<unknown>();
  const onEditors = new EventEmitter<unknown>();
  let active: { document: FakeDocument; selection: Range; setDecorations: Function } | undefined;
  const editors: (typeof active)[] = [];

  const channel = {
    name: 'stelp',
    logLevel: 2,
    onDidChangeLogLevel: new EventEmitter<number>().event,
    append: (s: string) => output.push(s),
    appendLine: (s: string) => output.push(s),
    replace: () => undefined,
    clear: () => undefined,
    show: () => undefined,
    hide: () => undefined,
    dispose: () => undefined,
    trace: (s: string) => output.push(s),
    debug: (s: string) => output.push(s),
    info: (s: string) => output.push(s),
    warn: (s: string) => output.push(s),
    error: (s: unknown) => output.push(String(s)),
  };

  const say = (level: string) => (text: string) => {
    messages.push({ level, text });
    return Promise.resolve(undefined);
  };

  const window = {
    createOutputChannel: () => channel,
    createStatusBarItem: () => {
      const item: any = {
        show: () => {
          status.shown = true;
        },
        hide: () => undefined,
        dispose: () => undefined,
      };
      Object.defineProperty(item, 'text', { set: (v: string) => (status.text = v), get: () => status.text });
      Object.defineProperty(item, 'tooltip', { set: (v: unknown) => (status.tooltip = v), get: () => status.tooltip });
      return item;
    },
    createTextEditorDecorationType: () => ({ key: 'stelp-trace', dispose: () => undefined }),
    showErrorMessage: say('error'),
    showWarningMessage: say('warning'),
    showInformationMessage: say('info'),
    setStatusBarMessage: (text: string) => {
      messages.push({ level: 'status', text });
      return new Disposable();
    },
    withProgress: (_o: unknown, task: Function) => task({ report: () => undefined }, new CancellationTokenSource().token),
    get activeTextEditor() {
      return active;
    },
    get visibleTextEditors() {
      return editors;
    },
    onDidChangeVisibleTextEditors: onEditors.event,
    onDidChangeActiveTextEditor: new EventEmitter<unknown>().event,
    showTextDocument: async (doc: FakeDocument) => {
      shownDocuments.push({ uri: doc.uri.toString(), text: doc.getText() });
      return undefined;
    },
    tabGroups: { all: [], onDidChangeTabs: new EventEmitter<unknown>().event, onDidChangeTabGroups: new EventEmitter<unknown>().event },
  };

  const workspace = {
    get textDocuments() {
      return documents;
    },
    workspaceFolders: [{ uri: Uri.file(workspaceDir), name: 'ws', index: 0 }],
    getWorkspaceFolder: () => ({ uri: Uri.file(workspaceDir), name: 'ws', index: 0 }),
    getConfiguration: (section?: string) => ({
      get: (key: string, dflt?: unknown) => {
        const full = section ? `${section}.${key}` : key;
        return full in settings ? settings[full] : dflt;
      },
      has: () => false,
      inspect: () => undefined,
      update: async () => undefined,
    }),
    onDidOpenTextDocument: onOpen.event,
    onDidChangeTextDocument: onChange.event,
    onDidCloseTextDocument: onClose.event,
    onDidSaveTextDocument: new EventEmitter<unknown>().event,
    onWillSaveTextDocument: new EventEmitter<unknown>().event,
    onDidChangeConfiguration: onConfig.event,
    onDidChangeWorkspaceFolders: new EventEmitter<unknown>().event,
    createFileSystemWatcher: () => ({
      onDidCreate: new EventEmitter<unknown>().event,
      onDidChange: new EventEmitter<unknown>().event,
      onDidDelete: new EventEmitter<unknown>().event,
      dispose: () => undefined,
    }),
    registerTextDocumentContentProvider: (scheme: string, p: { provideTextDocumentContent(uri: Uri): string }) => {
      providers.set(scheme, p);
      return new Disposable();
    },
    openTextDocument: async (uri: Uri) => {
      const p = providers.get(uri.scheme);
      return new FakeDocument(uri, 'plaintext', p ? p.provideTextDocumentContent(uri) : '');
    },
    asRelativePath: (u: Uri | string) => path.relative(workspaceDir, typeof u === 'string' ? u : u.fsPath),
    applyEdit: async () => false,
    notebookDocuments: [],
    onDidOpenNotebookDocument: new EventEmitter<unknown>().event,
    onDidCloseNotebookDocument: new EventEmitter<unknown>().event,
    onDidChangeNotebookDocument: new EventEmitter<unknown>().event,
    onDidSaveNotebookDocument: new EventEmitter<unknown>().event,
  };

  const languages = {
    match: (selector: { language?: string; scheme?: string }[] | string, doc: FakeDocument) => {
      const list = Array.isArray(selector) ? selector : [selector];
      return list.some((s) => (typeof s === 'string' ? s === doc.languageId : (!s.language || s.language === doc.languageId) && (!s.scheme || s.scheme === doc.uri.scheme)))
        ? 10
        : 0;
    },
    setTextDocumentLanguage: async (doc: FakeDocument) => doc,
    createDiagnosticCollection: () => ({ set: () => undefined, delete: () => undefined, clear: () => undefined, dispose: () => undefined }),
  };

  const api: Record<string, unknown> = {
    version: '1.91.0',
    Disposable,
    EventEmitter,
    Uri,
    Position,
    Range,
    CancellationTokenSource,
    CancellationError: class extends Error {},
    ThemeColor: class {
      constructor(readonly id: string) {}
    },
    StatusBarAlignment: { Left: 1, Right: 2 },
    DecorationRangeBehavior: { ClosedClosed: 1 },
    ProgressLocation: { SourceControl: 1, Window: 10, Notification: 15 },
    ViewColumn: { Active: -1, Beside: -2, One: 1 },
    LogLevel: { Off: 0, Trace: 1, Debug: 2, Info: 3, Warning: 4, Error: 5 },
    env: { appName: 'fake', language: 'en', machineId: 'x', sessionId: 'x', uiKind: 1 },
    commands: {
      registerCommand: (id: string, fn: (...a: unknown[]) => unknown) => {
        if (commands.has(id)) throw new Error(`command '${id}' already exists`);
        commands.set(id, fn);
        return new Disposable(() => commands.delete(id));
      },
      executeCommand: async (id: string, ...args: unknown[]) => {
        const fn = commands.get(id);
        if (!fn) throw new Error(`command '${id}' not found`);
        return fn(...args);
      },
    },
    window,
    workspace,
    languages,
  };

  const full = new Proxy(api, {
    get(t, p) {
      if (typeof p === 'symbol') return undefined;
      if (p in t) {
        const v = t[p as string];
        // Sub-namespaces fall back to inert stand-ins for what is not faked.
        if (v && typeof v === 'object' && !Array.isArray(v) && ['window', 'workspace', 'languages', 'commands', 'env'].includes(p as string)) {
          return new Proxy(v as object, {
            get(o, k) {
              if (k in o) return (o as any)[k];
              if (typeof k === 'symbol' || k === 'then') return undefined;
              return inert(`vscode.${String(p)}.${String(k)}`);
            },
          });
        }
        return v;
      }
      return inert(`vscode.${p}`);
    },
    has: () => true,
    ownKeys: (t) => Reflect.ownKeys(t),
    getOwnPropertyDescriptor: (t, p) => Reflect.getOwnPropertyDescriptor(t, p),
  });

  const host: Host = {
    api: full as Record<string, unknown>,
    commands,
    status,
    output,
    messages,
    decorations,
    providers,
    shownDocuments,
    settings,
    open(file: string, text: string) {
      const doc = new FakeDocument(Uri.file(file), 'python', text);
      documents.push(doc);
      const editor = {
        document: doc,
        selection: new Range(0, 0, 0, 0),
        setDecorations: (_type: unknown, opts: { range: Range; renderOptions?: { after?: { contentText?: string } } }[]) => {
          decorations.set(
            doc.uri.toString(),
            opts.map((o) => ({ line: o.range.start.line, text: (o.renderOptions?.after?.contentText ?? '').trim() })),
          );
        },
      };
      editors.push(editor as never);
      active = editor as never;
      onOpen.fire(doc);
      onEditors.fire(editors);
      return doc;
    },
    configure(key: string, value: unknown) {
      settings[key] = value;
      onConfig.fire({ affectsConfiguration: (section: string) => key === section || key.startsWith(section + '.') });
    },
    edit(doc: FakeDocument, text: string) {
      const old = doc.getText();
      const end = doc.positionAt(old.length);
      doc.setText(text);
      onChange.fire({ document: doc, contentChanges: [{ range: new Range(new Position(0, 0), end), rangeOffset: 0, rangeLength: old.length, text }], reason: undefined });
    },
  };
  return host;
}
