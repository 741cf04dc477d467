/** Reading reports in the extension host: the same core and config files the CLI uses. */
import * as vscode from 'vscode';
import { consolidate, lint, normalizeReport, resolveConfig, type Locale, type NormalizedReport, type Summary, type SummaryInput } from '../../../server/src/core';
import { configForFile } from '../../../server/src/io/config-files';
import { decode } from '../../../server/src/io/files';

/** The `nianbao.locale` setting; `auto` follows VS Code's display language (zh* → Chinese), as the extension does. */
export function summaryLocale(): Locale {
  const l = vscode.workspace.getConfiguration('nianbao').get<string>('locale');
  if (l === 'en' || l === 'zh-CN') return l;
  return vscode.env.language.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

function configFor(uri: vscode.Uri, locale: Locale) {
  const loaded = uri.scheme === 'file' ? configForFile(uri.fsPath) : { errors: [] as string[], config: undefined };
  return resolveConfig(loaded.errors.length ? undefined : loaded.config, { locale });
}

export function normalizeDocument(doc: vscode.TextDocument, locale: Locale): NormalizedReport {
  return normalizeReport(lint(doc.getText(), configFor(doc.uri, locale)));
}

/** One open report's own summary. */
export function documentSummary(doc: vscode.TextDocument, locale: Locale): Summary {
  return consolidate([{ file: vscode.workspace.asRelativePath(doc.uri), report: normalizeDocument(doc, locale) }]);
}

/** Every report under the folders, read from disk (open editors' unsaved text wins). */
export async function folderSummary(folders: vscode.Uri[], locale: Locale, token?: vscode.CancellationToken): Promise<{ summary: Summary; skipped: number }> {
  const inputs: SummaryInput[] = [];
  let skipped = 0;
  const open = new Map(vscode.workspace.textDocuments.map((d) => [d.uri.toString(), d]));
  for (const folder of folders) {
    const uris = await vscode.workspace.findFiles(new vscode.RelativePattern(folder, '**/*.{txt,md}'), '**/{node_modules,.git}/**', undefined, token);
    uris.sort((a, b) => a.path.localeCompare(b.path));
    for (const uri of uris) {
      if (token?.isCancellationRequested) break;
      const file = vscode.workspace.asRelativePath(uri);
      let text: string;
      const doc = open.get(uri.toString());
      if (doc) text = doc.getText();
      else {
        try {
          const read = decode(Buffer.from(await vscode.workspace.fs.readFile(uri)));
          if (!read.ok) {
            inputs.push({ file, error: read.error });
            continue;
          }
          text = read.text;
        } catch (e) {
          inputs.push({ file, error: { zh: `无法读取：${(e as Error).message}`, en: `cannot read: ${(e as Error).message}` } });
          continue;
        }
      }
      const report = normalizeReport(lint(text, configFor(uri, locale)));
      // README files and notes in a workspace are not reports: counted, not listed one by one
      if (!report.isReport) {
        skipped++;
        continue;
      }
      inputs.push({ file, report });
    }
  }
  const summary = consolidate(inputs);
  if (skipped) summary.notes.push({ zh: `另有 ${skipped} 个 .txt/.md 文件不是年度报告，未列入`, en: `${skipped} other .txt/.md file(s) are not annual reports and are not listed` });
  return { summary, skipped };
}
