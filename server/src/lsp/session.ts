/**
 * Wires the LSP features to a connection: document sync, linting, configuration, code
 * actions, hover, symbols, inlay hints and the status request. Any handler failing answers
 * empty rather than bringing the server down.
 */
import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  MessageType,
  ShowMessageNotification,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Locale } from '../core/index';
import { CONFIG_FILE_NAME } from '../io/config-files';
import { addSuppressions, SUPPRESSIONS_FILE_NAME } from '../core/index';
import { loadSuppressions, saveSuppressions } from '../io/suppressions';
import { codeActions, FIX_ALL_KIND, SUPPRESS_COMMAND, suppressArgs, type EditSupport } from './code-actions';
import { ConfigStore, uriToPath } from './config';
import { toLspDiagnostic } from './convert';
import { hover } from './hover';
import { inlayHints } from './inlay';
import { Linter, type DocState } from './linter';
import { clientLocale } from './settings';
import { status, StatusRequest, type Status, type StatusParams } from './status';
import { ExtractPdfRequest, type ExtractPdfParams, type ExtractPdfResult } from './protocol';
import { readPdfFile } from '../io/documents';
import { documentSymbols } from './symbols';
import { summaryRequest, SummaryRequest } from './summary';

export function startSession(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const loggedRules = new Set<string>();
  const editSupport: EditSupport = { documentChanges: false };
  let canConfigure = false;
  let canRegisterConfigChange = false;
  let canRegisterWatchers = false;
  const host: { clientLocale: Locale; workspaceFolders: string[] } = { clientLocale: 'zh-CN', workspaceFolders: [] };

  const configs = new ConfigStore({
    get clientLocale() {
      return host.clientLocale;
    },
    get workspaceFolders() {
      return host.workspaceFolders;
    },
    fetchSettings: async (uri) => {
      if (!canConfigure) return undefined;
      const [value] = await connection.workspace.getConfiguration([{ scopeUri: uri, section: 'nianbao' }]);
      return value;
    },
    warn: (message) => {
      // a notification: window/showMessageRequest would wait on (and fail in) clients without it
      void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message });
      connection.console.warn(message);
    },
  });

  const linter = new Linter({
    getDocument: (uri) => documents.get(uri) ?? openByPath(uri),
    getConfig: (uri) => configs.get(uri),
    publish: (state) => {
      const diagnostics = (state.result?.diagnostics ?? []).map((d) => toLspDiagnostic(d, state.index, state.uri, state.docConfig.locale));
      void connection.sendDiagnostics({ uri: state.uri, version: state.version, diagnostics });
    },
    ruleError: (ruleId, error) => {
      if (loggedRules.has(ruleId)) return;
      loggedRules.add(ruleId);
      connection.console.error(`rule ${ruleId} failed (further failures of this rule are not logged): ${error}`);
    },
  });

  const relintAll = () => {
    for (const d of documents.all()) linter.request(d.uri);
  };

  /** Run a handler on the document's current lint state; never throw into the connection. */
  const withState = async <T>(uri: string, empty: T, f: (s: DocState) => T): Promise<T> => {
    try {
      const state = await linter.current(uri);
      return state ? f(state) : empty;
    } catch (e) {
      connection.console.error(`request failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      return empty;
    }
  };

  connection.onInitialize((params): InitializeResult => {
    const caps = params.capabilities;
    canConfigure = !!caps.workspace?.configuration;
    canRegisterConfigChange = !!caps.workspace?.didChangeConfiguration?.dynamicRegistration;
    canRegisterWatchers = !!caps.workspace?.didChangeWatchedFiles?.dynamicRegistration;
    editSupport.documentChanges = !!caps.workspace?.workspaceEdit?.documentChanges;
    const init = (params.initializationOptions ?? {}) as { locale?: unknown };
    host.clientLocale = clientLocale(init.locale, params.locale);
    host.workspaceFolders = (params.workspaceFolders ?? []).map((f) => uriToPath(f.uri)).filter((p): p is string => !!p);
    if (!host.workspaceFolders.length && params.rootUri) {
      const p = uriToPath(params.rootUri);
      if (p) host.workspaceFolders.push(p);
    }
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.SourceFixAll, FIX_ALL_KIND] },
        hoverProvider: true,
        documentSymbolProvider: { label: '年报' },
        inlayHintProvider: true,
        executeCommandProvider: { commands: [SUPPRESS_COMMAND] },
      },
      serverInfo: { name: 'nianbao-language-server' },
    };
  });

  connection.onInitialized(() => {
    if (canRegisterConfigChange) void connection.client.register(DidChangeConfigurationNotification.type, { section: 'nianbao' });
    // clients other than our extension (Neovim, Emacs …) watch nothing unless asked
    if (canRegisterWatchers) {
      void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: `**/${CONFIG_FILE_NAME}` }, { globPattern: `**/${SUPPRESSIONS_FILE_NAME}` }] }).catch(() => undefined);
    }
  });

  documents.onDidOpen((e) => linter.request(e.document.uri));
  documents.onDidChangeContent((e) => linter.request(e.document.uri));
  documents.onDidClose((e) => {
    linter.close(e.document.uri);
    configs.forget(e.document.uri);
    void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });

  connection.onDidChangeConfiguration(() => {
    configs.clearSettings();
    relintAll();
    void connection.languages.inlayHint.refresh().catch(() => undefined);
  });

  connection.onDidChangeWatchedFiles((e) => {
    let relevant = false;
    for (const c of e.changes) {
      if (c.uri.endsWith(`/${SUPPRESSIONS_FILE_NAME}`)) {
        const p = uriToPath(c.uri);
        if (p) configs.reloadSuppressions(p);
        relevant = true;
      }
      if (!c.uri.endsWith(`/${CONFIG_FILE_NAME}`)) continue;
      relevant = true;
      configs.reloadConfigFile(c.uri);
    }
    if (relevant) relintAll();
  });

  // the lint of the document's current version: the request is about it, and the edits name it
  connection.onCodeAction((params) => withState(params.textDocument.uri, [], (s) => codeActions(s, params, editSupport)));

  connection.onExecuteCommand((params) => {
    if (params.command !== SUPPRESS_COMMAND) return null;
    const args = suppressArgs.safeParse(params.arguments?.[0]);
    const path = args.success ? uriToPath(args.data.uri) : undefined;
    const where = path ? configs.suppressionsFor(path) : undefined;
    if (!args.success || !where) return null;
    // read afresh: the CLI or the user may have changed it since it was cached
    const loaded = loadSuppressions(where.path);
    const warn = (message: string) => void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message });
    if (loaded.errors.length) {
      warn(`${where.path}: ${loaded.errors.join('; ')} — 年报检查：忽略记录文件无效，未写入。 / nianbao: invalid suppressions file, not written.`);
      return null;
    }
    const { rule, text, context } = args.data;
    try {
      saveSuppressions(where.path, addSuppressions(loaded.file, where.key, [{ rule, text, context, count: 1 }]));
    } catch (e) {
      warn(`${where.path}: ${(e as Error).message}`);
      return null;
    }
    configs.reloadSuppressions(where.path);
    relintAll();
    return null;
  });

  connection.onHover((params) =>
    withState(params.textDocument.uri, null, (s) => hover(s, s.index.offset(params.position.line, params.position.character))),
  );
  connection.onDocumentSymbol((params) => withState(params.textDocument.uri, [], (s) => documentSymbols(s)));
  connection.languages.inlayHint.on((params) => withState(params.textDocument.uri, [], (s) => inlayHints(s, params.range)));
  // by method name: the server's vscode-jsonrpc is another copy than the one protocol.ts types with
  connection.onRequest(StatusRequest.method, (params: Partial<StatusParams> | undefined): Status | null => {
    const doc = params && typeof params.uri === 'string' ? documents.get(params.uri) : undefined;
    return doc ? status(linter.states.get(doc.uri)) : null;
  });
  /** An open document by its file path: a file:// URI the server built may be spelled otherwise than the client's. */
  const openByPath = (uri: string) => {
    const path = uriToPath(uri);
    return path === undefined ? undefined : documents.all().find((d) => uriToPath(d.uri) === path);
  };
  // the summary panel asks; the extension itself lints nothing
  connection.onRequest(SummaryRequest.method, async (params: unknown, token) => {
    try {
      return await summaryRequest(
        { current: (uri) => linter.current(uri), getDocument: (uri) => documents.get(uri) ?? openByPath(uri), getConfig: (uri) => configs.get(uri), forgetConfig: (uri) => configs.forget(uri), workspaceFolders: host.workspaceFolders },
        params,
        token,
      );
    } catch (e) {
      connection.console.error(`summary failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      return null;
    }
  });

  connection.onRequest(ExtractPdfRequest.method, async (params: Partial<ExtractPdfParams> | undefined): Promise<ExtractPdfResult> => {
    const path = params && typeof params.uri === 'string' ? uriToPath(params.uri) : undefined;
    if (!path) return { error: { zh: '只能读取本地 PDF 文件', en: 'only local PDF files can be read' } };
    const r = await readPdfFile(path);
    return r.ok ? { text: r.text, linePages: r.linePages ?? [], warnings: r.warnings } : { error: r.error };
  });

  documents.listen(connection);
  connection.listen();
}
