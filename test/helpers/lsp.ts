/**
 * A real LSP client for tests: spawns `node dist/server.js --stdio` and talks JSON-RPC to it
 * over the child's stdio, answering workspace/configuration from `settings`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  ConfigurationRequest,
  createProtocolConnection,
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  ShowMessageNotification,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  type Diagnostic,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type ShowMessageParams,
  type TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol/node';

export const SERVER = fileURLToPath(new URL('../../dist/server.js', import.meta.url));

export class LspClient {
  readonly child: ChildProcess;
  readonly conn: ProtocolConnection;
  /** What workspace/configuration answers for section `nianbao` (any value, to test bad ones). */
  settings: unknown = {};
  readonly messages: ShowMessageParams[] = [];
  readonly stderr: string[] = [];
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
    this.conn.listen();
  }

  private notify(): void {
    const w = this.waiters;
    this.waiters = [];
    for (const f of w) f();
  }

  async initialize(opts: { locale?: string; rootUri?: string | null } = {}): Promise<void> {
    await this.conn.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: opts.rootUri ?? null,
      locale: opts.locale,
      capabilities: {
        workspace: { configuration: true, workspaceEdit: { documentChanges: true }, didChangeConfiguration: { dynamicRegistration: false } },
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

  async changeSettings(settings: unknown): Promise<void> {
    this.settings = settings;
    await this.conn.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
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
