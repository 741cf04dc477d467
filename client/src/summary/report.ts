/** Reading reports in the extension host: the same core, settings and config files the language server uses. */
import * as vscode from 'vscode';
import { dirname } from 'node:path';
import { consolidate, lint, normalizeReport, type Locale, type NormalizedReport, type ResolvedConfig, type Summary, type SummaryInput } from '../../../server/src/core';
import { findConfigFile, loadConfigFile, type LoadedConfig } from '../../../server/src/io/config-files';
import { decode } from '../../../server/src/io/files';
import { layerConfig } from '../../../server/src/lsp/config';
import { parseSettings, settingsShape } from '../../../server/src/lsp/settings';
import { uiLocale } from '../l10n';

/** The editor's language for the summary when `nianbao.locale` is `auto`: Chinese unless VS Code is in English (as the server is told). */
const editorLocale = (): Locale => uiLocale(vscode.env.language);

/** The `nianbao.locale` setting; `auto` follows VS Code's display language, as the extension does. */
export function summaryLocale(uri?: vscode.Uri): Locale {
  const l = vscode.workspace.getConfiguration('nianbao', uri).get<string>('locale');
  if (l === 'en' || l === 'zh-CN') return l;
  return editorLocale();
}

/**
 * The `.nianbaorc.json` that applies to a report, read afresh (the io module's cache is for the
 * CLI's one pass; here the file may have been edited since): found upward from the file, or the
 * first workspace folder's for an untitled report, as the server does. `seen` shares reads within one pass.
 */
function configFile(uri: vscode.Uri, seen?: Map<string, LoadedConfig>): LoadedConfig {
  let start: string | undefined;
  if (uri.scheme === 'file') start = dirname(uri.fsPath);
  else {
    start = vscode.workspace.workspaceFolders?.find((f) => f.uri.scheme === 'file')?.uri.fsPath;
  }
  const path = start === undefined ? undefined : findConfigFile(start);
  if (!path) return { errors: [] };
  const loaded = seen?.get(path) ?? loadConfigFile(path, false);
  seen?.set(path, loaded);
  return loaded;
}

/** A report's configuration and locale, layered as the language server layers them (settings over the file), so the summary's problems are the Problems panel's. */
export function documentConfig(uri: vscode.Uri, seen?: Map<string, LoadedConfig>): { config: ResolvedConfig; locale: Locale } {
  const section = vscode.workspace.getConfiguration('nianbao', uri);
  const raw = Object.fromEntries(Object.keys(settingsShape).map((k) => [k, section.get(k)]));
  const { settings } = parseSettings(raw);
  return layerConfig(configFile(uri, seen).config, settings, editorLocale());
}

export function normalizeDocument(doc: vscode.TextDocument, locale?: Locale): NormalizedReport {
  const { config } = documentConfig(doc.uri);
  if (locale) config.locale = locale;
  return normalizeReport(lint(doc.getText(), config));
}

/** One open report's own summary, in the report's locale (setting, else .nianbaorc.json, else the editor's). */
export function documentSummary(doc: vscode.TextDocument): { summary: Summary; locale: Locale } {
  const { config, locale } = documentConfig(doc.uri);
  return { summary: consolidate([{ file: vscode.workspace.asRelativePath(doc.uri), report: normalizeReport(lint(doc.getText(), config)) }]), locale };
}

/** Every report under the folders, read from disk (open editors' unsaved text wins). */
export async function folderSummary(folders: vscode.Uri[], locale: Locale, token?: vscode.CancellationToken): Promise<{ summary: Summary; skipped: number }> {
  const inputs: SummaryInput[] = [];
  let skipped = 0;
  const open = new Map(vscode.workspace.textDocuments.map((d) => [d.uri.toString(), d]));
  const seen = new Map<string, LoadedConfig>();
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
      const { config } = documentConfig(uri, seen);
      config.locale = locale;
      const report = normalizeReport(lint(text, config));
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
