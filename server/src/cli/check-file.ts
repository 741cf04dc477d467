/**
 * One file of `nianbao check`: read, lint, optionally fix and write back, and the result in the
 * formatters' shape. Runs on the main thread or in a worker (cli/pool.ts), so everything that
 * goes in and comes out is plain data.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { lint, resolveConfig, applyEdits, fixAllEdits, localize, applySuppressions, entriesFor, ALL_RULES } from '../core';
import type { Diagnostic, LintResult, Locale, SeveritySetting, SuppressionEntry, SuppressionsFile } from '../core';
import { decode, encode } from '../io/files';
import { describeHtmlOffset, isDocument, readAnyReport } from '../io/documents';
import { configForFile, type LoadedConfig } from '../io/config-files';
import { isIgnored, suppressionPath } from '../io/suppressions';
import { toFileResult, type FileResult } from './formatters/result';

const MAX_FIX_PASSES = 3;

export interface CheckOptions {
  /** `--config FILE`, already loaded and valid: used for every file. */
  fixedConfig?: LoadedConfig;
  noConfig: boolean;
  ruleOverrides: Record<string, SeveritySetting>;
  locale?: Locale;
  reportYear?: number;
  maxFileSizeMB?: number;
  fix: boolean;
  stdin: boolean;
  /** Files named on the command line: checked as reports even when they do not read as one (a file found in a folder is then skipped). */
  explicit?: string[];
  /** `.nianbao-suppressions.json` (its path and content), when suppressions apply. */
  suppressions?: { path: string; file: SuppressionsFile };
  /** `--suppress-all`: every problem left is suppressed, and its entry returned. */
  suppressAll?: boolean;
}

export interface FileOutcome {
  /** Absent when the file could not be read. */
  result?: FileResult;
  /** Messages for stderr, in order. */
  stderr: string[];
  /** The locale this file's configuration chose. */
  locale: Locale;
  /** Why the file could not be read (when `result` is absent), in that locale. */
  error?: string;
  /** The config's `ignores` kept the file out: not read, no result, no error. */
  ignored?: boolean;
  /** The file's key in the suppressions file, how many problems each entry covered, and (--suppress-all) new entries. */
  suppression?: { key: string; used: number[]; added: SuppressionEntry[] };
}

export async function checkFile(file: string, o: CheckOptions): Promise<FileOutcome> {
  const stderr: string[] = [];
  const loaded = o.fixedConfig ?? (o.noConfig ? { errors: [] } : configForFile(file));
  if (loaded.errors.length) {
    stderr.push(`${loaded.path}: ${o.locale === 'en' ? 'invalid config, ignored' : '配置文件无效，已忽略'}:\n  ${loaded.errors.join('\n  ')}`);
  }
  const config = resolveConfig(loaded.errors.length ? undefined : loaded.config, {
    rules: o.ruleOverrides,
    locale: o.locale,
    reportYear: o.reportYear,
    maxFileSizeMB: o.maxFileSizeMB,
  });
  const locale = config.locale;
  if (!o.stdin && isIgnored(file, loaded)) return { stderr, locale, ignored: true };
  const read = o.stdin ? decode(readFileSync(0)) : await readAnyReport(file, config.maxFileSizeMB * 1024 * 1024);
  if (!read.ok) {
    stderr.push(`${file}: ${localize(read.error, locale)}`);
    return { stderr, locale, error: localize(read.error, locale) };
  }
  // a text file named .pdf was read as the text it is
  const document = !o.stdin && isDocument(file) && !(/\.pdf$/i.test(file) && read.encoding !== 'pdf');
  for (const w of read.warnings) stderr.push(`${file}: ${localize(w, locale)}`);
  let text = read.text;
  const key = o.suppressions && !o.stdin ? suppressionPath(o.suppressions.path, file) : undefined;
  const entries = key ? (o.suppressions!.file.files[key] ?? []) : [];
  let used: number[] = [];
  // named on the command line (or piped in): the user says it is a report, so every rule runs and
  // not-a-report says why it does not read as one; found in a folder, such a file is skipped
  const named = o.stdin || (o.explicit?.includes(file) ?? false);
  let isReport = true as boolean;
  // diagnostics only: the report model is let go before the results are built (it can be larger than they are);
  // suppressed problems are neither reported nor fixed (the user chose to leave them)
  const lintKept = (t: string): { diagnostics: Diagnostic[]; ruleErrors: LintResult['ruleErrors'] } => {
    const r = lint(t, config, ALL_RULES, { assumeReport: named });
    isReport = r.isReport;
    const s = applySuppressions(t, r.diagnostics, entries);
    used = s.used;
    return { diagnostics: s.kept, ruleErrors: r.ruleErrors };
  };
  let { diagnostics, ruleErrors } = lintKept(text);
  if (!read.text.trim()) stderr.push(`${file}: ${locale === 'en' ? 'empty file' : '空文件'}`);
  else if (!isReport) {
    const reason = { zh: '已跳过：看起来不是年度报告（没有年报标题，也没有统计表）', en: 'skipped: does not read as an annual report (no report title, no statistics table)' };
    const skipped = toFileResult(file, text, [], locale);
    skipped.skipped = localize(reason, locale);
    return { result: skipped, stderr, locale };
  }
  if (o.fix && document) {
    stderr.push(`${file}: ${locale === 'en' ? '--fix does not write into Word, PDF or HTML files; fix the source document' : '--fix 不修改 Word、PDF 或网页文件，请在原文档中修改'}`);
  } else if (o.fix) {
    let changed = false;
    // Later passes cannot cascade: a fix computed from numbers (a table total) is safe only when
    // every equation its cell is in agrees on the value (rules/table/cells.ts t3FixCertain), so
    // a number an earlier pass wrote (O→0, a blank filled with 0) never makes a total be rewritten.
    for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
      const edits = fixAllEdits(diagnostics);
      if (!edits.length) break;
      const next = applyEdits(text, edits).text;
      if (next === text) break;
      text = next;
      changed = true;
      ({ diagnostics, ruleErrors } = lintKept(text));
    }
    if (changed) {
      try {
        writeFileSync(file, encode(text, read.encoding, read.bom));
      } catch (e) {
        stderr.push(`${file}: ${(e as Error).message}`);
      }
    }
  }
  let added: SuppressionEntry[] = [];
  if (o.suppressAll && key) {
    added = entriesFor(text, diagnostics);
    diagnostics = [];
  }
  for (const re of ruleErrors) stderr.push(`${file}: rule ${re.ruleId} failed: ${re.error.split('\n')[0]}`);
  const fileResult = toFileResult(file, text, diagnostics, config.locale);
  const pages = read.linePages;
  if (pages) {
    // text read out of a PDF: the page is what a reader can find (the line is the extracted text's)
    for (const m of fileResult.messages) {
      m.page = pages[m.line - 1] ?? pages[pages.length - 1];
      m.location = locale === 'en' ? `page ${m.page}` : `第 ${m.page} 页`;
      delete m.fix;
    }
  } else if (document) {
    // positions inside converted markup mean little to a reader: say where in the document
    fileResult.messages.forEach((m, i) => {
      m.location = localize(describeHtmlOffset(text, diagnostics[i]!.range.start), config.locale);
      delete m.fix;
    });
  }
  return { result: fileResult, stderr, locale, ...(key ? { suppression: { key, used, added } } : {}) };
}
