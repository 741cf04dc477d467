/**
 * The VS Code extension: starts the nianbao language server (dist/server.js over IPC) for
 * gov-report, plain-text and Markdown documents, and adds the commands and the status bar.
 */
import * as vscode from 'vscode';
import { readFileSync } from 'node:fs';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { registerSummaryCommands } from './summary/index';
import { PDF_SCHEME, registerPdf } from './pdf';
import { t } from './l10n';
import { windowLocale } from './summary/panel';
import { StatusRequest, type Status } from '../../server/src/lsp/protocol';
import { chineseDate, fillTemplate, validateYear } from './template';

const FIX_ALL_KIND = 'source.fixAll.nianbao';
let client: LanguageClient | undefined;

/** The UI language: `nianbao.locale` (Chinese unless it says `en`), whatever VS Code's display language. */
const displayLocale = () => windowLocale();

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const serverModule = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      ...['gov-report', 'plaintext', 'markdown', 'html'].flatMap((language) => [
        { scheme: 'file', language },
        { scheme: 'untitled', language },
      ]),
      // the text of a PDF, read by the server (client/src/pdf.ts)
      { scheme: PDF_SCHEME, language: 'gov-report' },
    ],
    // no synchronize.fileEvents: the server registers its own .nianbaorc.json watcher (one for
    // every client), and a second watcher here would relint every document twice per change
    // what `auto` falls back to (no setting, no .nianbaorc.json locale): Chinese, never the display language
    initializationOptions: { locale: 'zh-CN' },
    outputChannelName: '年报检查 nianbao',
  };
  client = new LanguageClient('nianbao', '年报检查 nianbao', serverOptions, clientOptions);
  const status = new StatusBar(client);
  context.subscriptions.push(
    status,
    vscode.commands.registerCommand('nianbao.checkWorkspace', checkWorkspace),
    vscode.commands.registerCommand('nianbao.fixAll', fixAll),
    vscode.commands.registerCommand('nianbao.newReport', () => newReport(context)),
    vscode.commands.registerCommand('nianbao.restartServer', async () => {
      await client?.restart();
      status.refresh();
    }),
  );
  registerSummaryCommands(context, client);
  registerPdf(context, client);
  await client.start();
  status.refresh();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}

/** Opens every candidate report in the workspace so the server lints it into the Problems panel. */
async function checkWorkspace(): Promise<void> {
  const files = await vscode.workspace.findFiles('**/*.{txt,md}', '**/{node_modules,.git}/**');
  await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: t(displayLocale(), 'checkingWorkspace'), cancellable: true },
    async (progress, token) => {
      for (let i = 0; i < files.length && !token.isCancellationRequested; i++) {
        progress.report({ message: `${i + 1}/${files.length} ${vscode.workspace.asRelativePath(files[i]!)}`, increment: 100 / files.length });
        try {
          await vscode.workspace.openTextDocument(files[i]!);
        } catch {
          // unreadable or binary: not a report
        }
      }
    },
  );
  await vscode.commands.executeCommand('workbench.actions.view.problems');
}

/** Applies the server's source.fixAll.nianbao to the active document. */
async function fixAll(): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) return;
  const doc = editor.document;
  const whole = new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length));
  const actions = (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, whole, FIX_ALL_KIND)) ?? [];
  const action = actions.find((a) => a.kind?.value === FIX_ALL_KIND && a.edit);
  if (!action?.edit) {
    void vscode.window.showInformationMessage(t(displayLocale(), 'nothingToFix'));
    return;
  }
  await vscode.workspace.applyEdit(action.edit);
}

async function newReport(context: vscode.ExtensionContext): Promise<void> {
  const l = displayLocale();
  const title = t(l, 'newReportTitle');
  const agency = await vscode.window.showInputBox({ title, prompt: t(l, 'agencyPrompt'), placeHolder: t(l, 'agencyPlaceholder'), ignoreFocusOut: true, validateInput: (v) => (v.trim() ? undefined : t(l, 'agencyRequired')) });
  if (agency === undefined) return;
  const year = await vscode.window.showInputBox({ title, prompt: t(l, 'yearPrompt'), value: String(new Date().getFullYear() - 1), ignoreFocusOut: true, validateInput: (v) => (validateYear(v) ? t(l, 'yearInvalid') : undefined) });
  if (year === undefined) return;
  const template = readFileSync(context.asAbsolutePath('client/templates/report-template.txt'), 'utf8');
  const content = fillTemplate(template, { agency: agency.trim(), year: Number(year.trim()), date: chineseDate(new Date()) });
  const doc = await vscode.workspace.openTextDocument({ language: 'gov-report', content });
  await vscode.window.showTextDocument(doc);
}

/** Format version and error count of the active report; click opens Problems. */
class StatusBar implements vscode.Disposable {
  private item = vscode.window.createStatusBarItem('nianbao.status', vscode.StatusBarAlignment.Left, 50);
  private subs: vscode.Disposable[];

  constructor(private client: LanguageClient) {
    this.item.name = t(displayLocale(), 'statusName');
    // the text follows the document's language (the server's answer); the item's name the window's
    this.item.command = 'workbench.actions.view.problems';
    this.subs = [
      vscode.window.onDidChangeActiveTextEditor(() => this.refresh()),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('nianbao.locale')) this.item.name = t(displayLocale(), 'statusName');
      }),
      vscode.languages.onDidChangeDiagnostics((e) => {
        const active = vscode.window.activeTextEditor?.document.uri.toString();
        if (active && e.uris.some((u) => u.toString() === active)) this.refresh();
      }),
    ];
  }

  async refresh(): Promise<void> {
    const doc = vscode.window.activeTextEditor?.document;
    if (!doc || !this.client.isRunning()) return this.item.hide();
    let s: Status | null = null;
    try {
      s = await this.client.sendRequest(StatusRequest, { uri: doc.uri.toString() });
    } catch {
      s = null;
    }
    if (!s || !s.format || vscode.window.activeTextEditor?.document !== doc) return this.item.hide();
    const l = s.locale === 'en' ? 'en' : 'zh-CN';
    const format = s.format === '2021' || s.format === '2019' ? t(l, 'formatKnown', s.format) : t(l, 'formatUnknown');
    this.item.text = s.errors ? `$(error) ${t(l, 'statusErrors', format, s.errors)}` : `$(check) ${t(l, 'statusClean', format)}`;
    this.item.tooltip = t(l, 'statusTooltip', s.errors, s.warnings);
    this.item.show();
  }

  dispose(): void {
    this.item.dispose();
    for (const s of this.subs) s.dispose();
  }
}
