/**
 * A real LSP client for tests: spawns `node dist/server.js --stdio` and talks JSON-RPC to it
 * over the child's stdio, answering workspace/configuration from `settings`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { after, before } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { EXTERNAL, SEEDS } from './cli';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  CodeActionRequest,
  ConfigurationRequest,
  createProtocolConnection,
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  DidChangeWatchedFilesNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  LogMessageNotification,
  RegistrationRequest,
  PublishDiagnosticsNotification,
  ShowMessageNotification,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  type Diagnostic,
  type FileEvent,
  type ProtocolConnection,
  type ClientCapabilities,
  type CodeAction,
  type LogMessageParams,
  type PublishDiagnosticsParams,
  type Registration,
  type ShowMessageParams,
  type TextDocumentContentChangeEvent,
  type TextEdit,
} from 'vscode-languageserver-protocol/node';

export const SERVER = fileURLToPath(new URL('../../dist/server.js', import.meta.url));
/** Seed 000 (table-label-typo at line 34, sections 四 and 六 missing) and a report with wrong 表四 totals. */
export const SEED_000 = readFileSync(`${SEEDS}/000_b5a011f3d089b4ff.txt`, 'utf8');
export const HONGZE_2023 = readFileSync(`${EXTERNAL}/hongze-district-2023.txt`, 'utf8');

let untitled = 0;
/** A new untitled document URI of the extension's language, unique in the test process. */
export const freshUri = (name = 'report') => `untitled:${name}-${++untitled}.nianbao.txt`;

/** One server for the suite: started before its tests, shut down after them. */
export function serverForSuite(init: Parameters<LspClient['initialize']>[0] = {}): () => LspClient {
  let client: LspClient | undefined;
  before(async () => {
    client = new LspClient();
    await client.initialize(init);
  });
  after(async () => {
    await client?.close();
  });
  return () => client!;
}

export class LspClient {
  readonly child: ChildProcess;
  readonly conn: ProtocolConnection;
  /** What workspace/configuration answers for section `nianbao` (any value, to test bad ones). */
  settings: unknown = {};
  readonly messages: ShowMessageParams[] = [];
  readonly stderr: string[] = [];
  /** window/logMessage lines (the server's console). */
  readonly logs: LogMessageParams[] = [];
  /** What the server registered dynamically (client/registerCapability). */
  readonly registrations: Registration[] = [];
  private latest = new Map<string, PublishDiagnosticsParams>();
  private waiters: (() => void)[] = [];
  private versions = new Map<string, number>();

  constructor() {
    this.child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.child.stderr!.on('data', (d) => this.stderr.push(String(d)));
    this.conn = createProtocolConnection(new StreamMessageReader(this.child.stdout!), new StreamMessageWriter(this.child.stdin!));
    this.conn.onRequest(ConfigurationRequest.type, (p) => p.items.map(() => this.settings));
    this.conn.onNotification(PublishDiagnosticsNotification.type, (p) => {
      this.latest.set(p.uri, p);
      this.notify();
    });
    this.conn.onNotification(ShowMessageNotification.type, (p) => {
      this.messages.push(p);
      this.notify();
    });
    this.conn.onNotification(LogMessageNotification.type, (p) => {
      this.logs.push(p);
      this.notify();
    });
    this.conn.onRequest(RegistrationRequest.type, (p) => {
      this.registrations.push(...p.registrations);
      this.notify();
    });
    this.conn.listen();
  }

  private notify(): void {
    const w = this.waiters;
    this.waiters = [];
    for (const f of w) f();
  }

  async initialize(opts: { locale?: string; rootUri?: string | null; workspace?: ClientCapabilities['workspace'] } = {}): Promise<void> {
    await this.conn.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: opts.rootUri ?? null,
      locale: opts.locale,
      capabilities: {
        workspace: { configuration: true, workspaceEdit: { documentChanges: true }, didChangeConfiguration: { dynamicRegistration: false }, ...opts.workspace },
        textDocument: { publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true } },
      },
      workspaceFolders: null,
    });
    await this.conn.sendNotification(InitializedNotification.type, {});
  }

  /** Resolves when `pred` holds, re-checked on every notification; rejects after `ms`. */
  waitFor<T>(pred: () => T | undefined | false, ms = 10_000, what = 'condition'): Promise<T> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}; stderr: ${this.stderr.join('')}`)), ms);
      const check = () => {
        const v = pred();
        if (v) {
          clearTimeout(timer);
          resolve(v);
        } else this.waiters.push(check);
      };
      check();
    });
  }

  /** Polls an async check (a request to the server) until it gives a value; rejects after `ms`. */
  async waitForAsync<T>(pred: () => Promise<T | undefined | false>, what = 'condition', ms = 10_000): Promise<T> {
    const end = Date.now() + ms;
    for (;;) {
      const v = await pred();
      if (v) return v;
      if (Date.now() > end) throw new Error(`timed out waiting for ${what}; stderr: ${this.stderr.join('')}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  /** Diagnostics published for exactly this version of the document. */
  diagnostics(uri: string, version = this.versions.get(uri)): Promise<Diagnostic[]> {
    return this.waitFor(() => {
      const p = this.latest.get(uri);
      return p && p.version === version ? p.diagnostics : undefined;
    }, 10_000, `diagnostics of ${uri} v${version}`);
  }

  published(uri: string): PublishDiagnosticsParams | undefined {
    return this.latest.get(uri);
  }

  async open(uri: string, text: string, languageId = 'gov-report'): Promise<void> {
    this.versions.set(uri, 1);
    await this.conn.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version: 1, text } });
  }

  async change(uri: string, changes: TextDocumentContentChangeEvent[]): Promise<number> {
    const version = (this.versions.get(uri) ?? 0) + 1;
    this.versions.set(uri, version);
    await this.conn.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: changes });
    return version;
  }

  async closeDocument(uri: string): Promise<void> {
    await this.conn.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  async changeSettings(settings: unknown): Promise<void> {
    this.settings = settings;
    await this.conn.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
  }

  /** textDocument/codeAction for a range, with the diagnostics the client shows there. */
  async codeActions(uri: string, range: Diagnostic['range'], diagnostics: Diagnostic[], only?: string[]): Promise<CodeAction[]> {
    return ((await this.conn.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range, context: { diagnostics, only } })) ?? []) as CodeAction[];
  }

  /** Tell the server files changed on disk (what a client's file watcher sends). */
  async filesChanged(changes: FileEvent[]): Promise<void> {
    await this.conn.sendNotification(DidChangeWatchedFilesNotification.type, { changes });
  }

  async close(): Promise<void> {
    try {
      await Promise.race([this.conn.sendRequest(ShutdownRequest.type), new Promise((r) => setTimeout(r, 2000))]);
      await this.conn.sendNotification(ExitNotification.type);
    } catch {
      // already gone
    }
    this.conn.dispose();
    if (this.child.exitCode === null) this.child.kill();
  }
}

export function fileUri(path: string): string {
  return pathToFileURL(path).href;
}

/** The edits a code action makes to one document (documentChanges or changes). */
export function editsOf(action: CodeAction, uri: string): TextEdit[] {
  const e = action.edit!;
  if (e.documentChanges) {
    const dc = e.documentChanges.find((c) => 'textDocument' in c && c.textDocument.uri === uri);
    return dc && 'edits' in dc ? (dc.edits as TextEdit[]) : [];
  }
  return e.changes?.[uri] ?? [];
}

/** The document version a code action's edit was computed for. */
export function docVersion(action: CodeAction): number | null | undefined {
  const dc = action.edit?.documentChanges?.[0];
  return dc && 'textDocument' in dc && 'edits' in dc ? dc.textDocument.version : undefined;
}

/** Apply LSP edits to a text the way a client does. */
export function applyLspEdits(text: string, edits: TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create('x', 'x', 1, text), edits);
}

export function messageText(d: Diagnostic): string {
  return typeof d.message === 'string' ? d.message : String(d.message);
}
