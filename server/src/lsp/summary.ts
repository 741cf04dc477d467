/**
 * Answers `nianbao/summary` (see protocol.ts): one open report's summary, or the consolidation of
 * every report under some folders, made with the same core, settings and `.nianbaorc.json` as the
 * diagnostics, so the summary's problems are the Problems panel's. The extension only asks.
 */
import { relative, isAbsolute } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CancellationToken } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { consolidate, lint, LineIndex, localize, normalizeReport, summarySheets, toCsv, toMarkdown, toTsv, type Locale, type NormalizedReport, type Summary, type SummaryInput } from '../core/index';
import { collectFiles, readReportFile } from '../io/files';
import { toXlsx } from '../io/summary-xlsx';
import { uriToPath, type DocConfig } from './config';
import type { DocState } from './linter';
import type { PlaceRange, ProblemLine, ProblemPlace, SummaryExportFormat, SummaryParams, SummaryResult } from './protocol';

export { SummaryRequest, type SummaryParams, type SummaryResult } from './protocol';

export interface SummaryHost {
  current(uri: string): Promise<DocState | undefined>;
  getDocument(uri: string): TextDocument | undefined;
  getConfig(uri: string): Promise<DocConfig>;
  /** Drop the settings cached for a file the editor does not have open (a consolidation reads many). */
  forgetConfig(uri: string): void;
  workspaceFolders: string[];
}

/** The parts of a report the summary lists, by line: what a reader scans for ("what is wrong on line 24?"). */
export function problemPlace(file: string, uri: string, report: NormalizedReport, text: string, locale: Locale): ProblemPlace {
  const index = new LineIndex(text);
  const at = (start: number, end: number): PlaceRange => ({ start: index.position(start), end: index.position(end) });
  const items = report.problems
    .flatMap((p) => p.items.map((i) => ({ ruleId: p.ruleId, ...i })))
    .sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end);
  const lines: ProblemLine[] = [];
  for (const i of items) {
    const range = at(i.range.start, i.range.end);
    const item = { ruleId: i.ruleId, severity: i.severity, message: localize(i.message, locale), range, offsets: { start: i.range.start, end: i.range.end } };
    const last = lines[lines.length - 1];
    if (last && last.line === i.line) last.items.push(item);
    else lines.push({ line: i.line, range, offsets: item.offsets, items: [item] });
  }
  return { file, uri, lines };
}

/** One report's own summary as the panel shows it. */
export function reportSummary(file: string, uri: string, text: string, report: NormalizedReport, locale: Locale, version?: number): SummaryResult {
  const summary = consolidate([{ file, report }]);
  return { kind: summary.kind, locale, version, summary, sheets: summarySheets(summary, locale), places: [problemPlace(file, uri, report, text, locale)] };
}

/** A file's name as shown: relative to the workspace folder it is in. */
function shownName(path: string, folders: string[]): string {
  for (const f of folders) {
    const r = relative(f, path);
    if (r && !r.startsWith('..') && !isAbsolute(r)) return r.split('\\').join('/');
  }
  return path;
}

async function render(summary: Summary, locale: Locale, format: SummaryExportFormat | undefined): Promise<SummaryResult['export']> {
  switch (format) {
    case 'md':
      return { format, encoding: 'utf8', data: toMarkdown(summary, locale) };
    case 'tsv':
      return { format, encoding: 'utf8', data: toTsv(summary, locale, ['t2', 't3', 't4']) };
    case 'csv':
      return { format, encoding: 'utf8', data: toCsv(summary, locale) };
    case 'xlsx':
      return { format, encoding: 'base64', data: (await toXlsx(summary, locale)).toString('base64') };
    default:
      return undefined;
  }
}

const FORMATS = new Set<string>(['md', 'tsv', 'csv', 'xlsx']);

/** Params as sent by any client: anything malformed answers null, never an exception. */
function readParams(p: unknown): SummaryParams | undefined {
  if (!p || typeof p !== 'object') return undefined;
  const o = p as Record<string, unknown>;
  const format = typeof o.export === 'string' && FORMATS.has(o.export) ? (o.export as SummaryExportFormat) : undefined;
  if (typeof o.uri === 'string') return { uri: o.uri, export: format };
  if (Array.isArray(o.folders) && o.folders.length && o.folders.every((f) => typeof f === 'string')) return { folders: o.folders as string[], export: format };
  return undefined;
}

export async function summaryRequest(host: SummaryHost, raw: unknown, token?: CancellationToken): Promise<SummaryResult | null> {
  const params = readParams(raw);
  if (!params) return null;
  let result: SummaryResult | null;
  if (params.uri !== undefined) {
    const state = await host.current(params.uri);
    if (!state) return null;
    // a document the detection left alone is summarised all the same: the user asked for its summary
    const lintResult = state.result ?? lint(state.text, state.docConfig.config);
    const report = normalizeReport(lintResult);
    const locale = state.docConfig.locale;
    const path = uriToPath(state.uri);
    const file = path ? shownName(path, host.workspaceFolders) : decodeURIComponent(state.uri.replace(/^[a-z]+:/i, ''));
    result = reportSummary(file, state.uri, state.text, report, locale, state.version);
  } else {
    result = await folderSummary(host, params.folders, token);
  }
  if (result && params.export) result.export = await render(result.summary, result.locale, params.export);
  return result;
}

/** Every .txt/.md report under the folders, read from disk (a document open in the editor: its current text). */
async function folderSummary(host: SummaryHost, folderUris: string[], token?: CancellationToken): Promise<SummaryResult | null> {
  const paths = folderUris.map(uriToPath).filter((p): p is string => !!p);
  if (!paths.length) return null;
  const locale = (await host.getConfig(folderUris[0]!)).locale;
  const inputs: SummaryInput[] = [];
  const places: ProblemPlace[] = [];
  let skipped = 0;
  for (const path of collectFiles(paths, ['.txt', '.md']).files) {
    if (token?.isCancellationRequested) break;
    const uri = pathToFileURL(path).href;
    const file = shownName(path, host.workspaceFolders.length ? host.workspaceFolders : paths);
    const open = host.getDocument(uri);
    let text: string;
    if (open) text = open.getText();
    else {
      const read = readReportFile(path);
      if (!read.ok) {
        inputs.push({ file, error: read.error });
        continue;
      }
      text = read.text;
    }
    const { config } = await host.getConfig(uri);
    if (!open) host.forgetConfig(uri);
    config.locale = locale;
    const report = normalizeReport(lint(text, config));
    // README files and notes in a workspace are not reports: counted, not listed one by one
    if (!report.isReport) {
      skipped++;
      continue;
    }
    inputs.push({ file, report });
    const place = problemPlace(file, uri, report, text, locale);
    if (place.lines.length) places.push(place);
  }
  const summary = consolidate(inputs);
  if (skipped) summary.notes.push({ zh: `另有 ${skipped} 个 .txt/.md 文件不是年度报告，未列入`, en: `${skipped} other .txt/.md file(s) are not annual reports and are not listed` });
  return { kind: summary.kind, locale, summary, sheets: summarySheets(summary, locale), places };
}
