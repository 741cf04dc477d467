/**
 * A PDF report in the editor: the server reads it (`nianbao/extractPdf`; no PDF code in the
 * client) and its text opens as a read-only `gov-report` document on the `nianbao-pdf` scheme,
 * which the server lints like any report, squiggles and Problems included.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ExtractPdfRequest } from '../../server/src/lsp/protocol';
import { t } from './l10n';
import { windowLocale } from './summary/panel';

export const PDF_SCHEME = 'nianbao-pdf';

export function registerPdf(context: vscode.ExtensionContext, client: LanguageClient): void {
  // the UI language is nianbao.locale (Chinese unless en), never VS Code's display language
  const locale = () => windowLocale();
  const provider: vscode.TextDocumentContentProvider = {
    async provideTextDocumentContent(uri) {
      const r = await client.sendRequest(ExtractPdfRequest, { uri: vscode.Uri.file(uri.path).toString() });
      if ('error' in r) {
        const msg = locale() === 'en' ? r.error.en : r.error.zh;
        void vscode.window.showErrorMessage(`${uri.path}: ${msg}`);
        return '';
      }
      for (const w of r.warnings) void vscode.window.showWarningMessage(locale() === 'en' ? w.en : w.zh);
      return r.text;
    },
  };
  context.subscriptions.push(
    vscode.workspace.registerTextDocumentContentProvider(PDF_SCHEME, provider),
    vscode.commands.registerCommand('nianbao.openPdf', async (file?: vscode.Uri) => {
      const target =
        file ?? (await vscode.window.showOpenDialog({ canSelectMany: false, filters: { PDF: ['pdf'] }, title: t(locale(), 'openPdfTitle') }))?.[0];
      if (!target) return;
      const doc = await vscode.workspace.openTextDocument(vscode.Uri.from({ scheme: PDF_SCHEME, path: target.fsPath }));
      await vscode.window.showTextDocument(await vscode.languages.setTextDocumentLanguage(doc, 'gov-report'), { preview: false });
    }),
  );
}
