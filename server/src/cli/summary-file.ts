/**
 * One file of `nianbao summary`: read, lint, and the report normalised for consolidation.
 * Runs on the main thread or in a worker (cli/pool.ts): plain data in and out.
 */
import { lint, localize, normalizeReport, resolveConfig, type Locale, type SummaryInput } from '../core';
import { readAnyReport } from '../io/documents';
import { configForFile } from '../io/config-files';
import { displayPath } from './formatters/result';

export interface SummaryFileOptions {
  noConfig: boolean;
  locale: Locale;
}

export interface SummaryFileOutcome {
  input: SummaryInput;
  /** Messages for stderr (the file could not be read, or its bytes did not all decode). */
  stderr?: string;
}

export async function summaryInput(file: string, o: SummaryFileOptions): Promise<SummaryFileOutcome> {
  const loaded = o.noConfig ? { errors: [] } : configForFile(file);
  const config = resolveConfig(loaded.errors.length ? undefined : loaded.config, { locale: o.locale });
  // read as `check` reads it: Word and web pages too
  const read = await readAnyReport(file, config.maxFileSizeMB * 1024 * 1024);
  if (!read.ok) return { input: { file: displayPath(file), error: read.error }, stderr: `${displayPath(file)}: ${localize(read.error, o.locale)}` };
  if (!read.text.trim()) return { input: { file: displayPath(file), empty: true } };
  const warnings = read.warnings.map((w) => `${displayPath(file)}: ${localize(w, o.locale)}`).join('\n');
  return { input: { file: displayPath(file), report: normalizeReport(lint(read.text, config)) }, stderr: warnings || undefined };
}
