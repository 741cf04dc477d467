/**
 * The summary commands (issue 5): 年报检查：生成汇总表 (nianbao.showSummary) and
 * 年报检查：汇总工作区年报 (nianbao.consolidate). extension.ts calls registerSummaryCommands.
 */
import * as vscode from 'vscode';
import { toMarkdown } from '../../../server/src/core';
import { SummaryPanel } from './panel';
import { folderSummary, summaryLocale } from './report';

export { SummaryPanel } from './panel';

/** `client` is the language client, when there is one: the summary itself runs on the bundled core. */
export function registerSummaryCommands(context: vscode.ExtensionContext, _client?: unknown): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('nianbao.showSummary', async (uri?: vscode.Uri) => {
      const editor = vscode.window.activeTextEditor;
      const doc = uri instanceof vscode.Uri ? await vscode.workspace.openTextDocument(uri) : editor?.document;
      if (!doc) {
        void vscode.window.showWarningMessage(summaryLocale() === 'en' ? 'Open an annual report first.' : '请先打开一份年度报告。');
        return undefined;
      }
      return SummaryPanel.show(doc, editor?.document === doc ? editor.viewColumn : undefined);
    }),
    vscode.commands.registerCommand('nianbao.consolidate', async (target?: vscode.Uri) => {
      const locale = summaryLocale();
      const en = locale === 'en';
      let folders: vscode.Uri[] | undefined = target instanceof vscode.Uri ? [target] : undefined;
      if (!folders) {
        const ws = vscode.workspace.workspaceFolders?.map((f) => f.uri) ?? [];
        const pick = ws.length
          ? await vscode.window.showQuickPick(
              [
                { label: en ? 'Whole workspace' : '整个工作区', id: 'ws' },
                { label: en ? 'Choose a folder…' : '选择文件夹…', id: 'pick' },
              ],
              { placeHolder: en ? 'Consolidate the annual reports in…' : '汇总哪里的年度报告？' },
            )
          : { id: 'pick' };
        if (!pick) return undefined;
        folders = pick.id === 'ws' ? ws : await vscode.window.showOpenDialog({ canSelectFolders: true, canSelectFiles: false, canSelectMany: true, openLabel: en ? 'Consolidate' : '汇总' });
        if (!folders?.length) return undefined;
      }
      const chosen = folders;
      const { summary } = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: en ? 'Consolidating annual reports…' : '正在汇总年度报告…', cancellable: true },
        (_p, token) => folderSummary(chosen, locale, token),
      );
      const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: toMarkdown(summary, locale) });
      await vscode.window.showTextDocument(doc, { preview: false });
      const failed = summary.crossYear.filter((f) => !f.ok).length;
      if (failed) void vscode.window.showWarningMessage(en ? `cross-year: ${failed} mismatch(es) between consecutive years` : `跨年度核对：${failed} 处不一致（cross-year）`);
      return summary;
    }),
  );
}
