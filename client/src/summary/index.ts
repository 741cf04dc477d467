/**
 * The summary commands: 年报检查：生成汇总表 (nianbao.showSummary) and 年报检查：汇总工作区年报
 * (nianbao.consolidate), both shown in the one summary panel. The server makes the summaries
 * (`nianbao/summary`); extension.ts calls registerSummaryCommands with its language client.
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { t } from '../l10n';
import { SummaryPanel, windowLocale } from './panel';

export { SummaryPanel } from './panel';

export function registerSummaryCommands(context: vscode.ExtensionContext, client: BaseLanguageClient): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('nianbao.showSummary', async (uri?: vscode.Uri) => {
      const editor = vscode.window.activeTextEditor;
      const doc = uri instanceof vscode.Uri ? await vscode.workspace.openTextDocument(uri) : editor?.document;
      if (!doc) {
        void vscode.window.showWarningMessage(t(windowLocale(), 'openReportFirst'));
        return undefined;
      }
      return SummaryPanel.show(client, { kind: 'report', doc, column: editor?.document === doc ? editor.viewColumn : undefined });
    }),
    vscode.commands.registerCommand('nianbao.consolidate', async (target?: vscode.Uri) => {
      const l = windowLocale();
      let folders: vscode.Uri[] | undefined = target instanceof vscode.Uri ? [target] : undefined;
      if (!folders) {
        const ws = vscode.workspace.workspaceFolders?.map((f) => f.uri) ?? [];
        const pick = ws.length
          ? await vscode.window.showQuickPick(
              [
                { label: t(l, 'wholeWorkspace'), id: 'ws' },
                { label: t(l, 'chooseFolder'), id: 'pick' },
              ],
              { placeHolder: t(l, 'consolidateWhere') },
            )
          : { id: 'pick' };
        if (!pick) return undefined;
        folders = pick.id === 'ws' ? ws : await vscode.window.showOpenDialog({ canSelectFolders: true, canSelectFiles: false, canSelectMany: true, openLabel: t(l, 'consolidateButton') });
        if (!folders?.length) return undefined;
      }
      const chosen = folders;
      // shown in the summary panel, never in a text document: the summary's Markdown is no report to lint
      const panel = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: t(l, 'consolidating') }, () => SummaryPanel.show(client, { kind: 'folders', folders: chosen }));
      const summary = panel.shown?.summary;
      const failed = summary?.crossYear.filter((f) => !f.ok).length ?? 0;
      if (failed) void vscode.window.showWarningMessage(t(panel.shown?.locale ?? l, 'crossYearMismatch', failed));
      return summary;
    }),
  );
}
