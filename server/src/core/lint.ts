/**
 * The core's entry point: text in, report model and diagnostics out.
 * Invariant: lint never throws on any text; a failing rule is reported in `ruleErrors`
 * and the other rules still run.
 */
import type { Report } from './model';
import { parseReport } from './parse/parser';
import { templateFor } from './format/template';
import { DEFAULT_CONFIG, effectiveSeverity, type ResolvedConfig } from './config';
import type { Diagnostic, Problem, Rule } from './rule';
import { ALL_RULES } from './rules';
import { releaseDerived } from './derived';
import { looksLikeReport } from './report-kind';
import { outsideMarkup } from './parse/html';

export interface LintResult {
  report: Report;
  diagnostics: Diagnostic[];
  ruleErrors: { ruleId: string; error: string }[];
  /** False when the text does not read as an annual report at all (and was not assumed to be one): then no rule runs. */
  isReport: boolean;
}

export { looksLikeReport };

export interface LintOptions {
  /**
   * Lint even when the text does not read as a report (the user said it is one: the report
   * language in the editor, or `nianbao.detect: always`). Empty text is still left alone.
   */
  assumeReport?: boolean;
}

/** Severities by weight: a problem may lower its rule's severity, never raise it. */
const RANK = { info: 0, warning: 1, error: 2 } as const;

export function lint(text: string, config: ResolvedConfig = DEFAULT_CONFIG, rules: readonly Rule[] = ALL_RULES, options: LintOptions = {}): LintResult {
  const report = parseReport(text, { reportYear: config.reportYear });
  const template = templateFor(report.format);
  const diagnostics: Diagnostic[] = [];
  const ruleErrors: LintResult['ruleErrors'] = [];
  // HTML: the rules read the page with its markup masked (same offsets); the source is `text`
  const masked = report.text === text ? undefined : report.text;
  const isReport = looksLikeReport(report) || (!!options.assumeReport && text.trim().length > 0);
  for (const rule of isReport ? rules : []) {
    const severity = effectiveSeverity(config, rule.meta.id, rule.meta.defaultSeverity);
    if (severity === 'off') continue;
    const found: Problem[] = [];
    try {
      rule.check({ report, text: report.text, template, config, report_: (p) => found.push(p) });
    } catch (e) {
      ruleErrors.push({ ruleId: rule.meta.id, error: e instanceof Error ? (e.stack ?? e.message) : String(e) });
      continue;
    }
    for (const p of found) {
      // built field by field, not spread: a document can have tens of thousands of these
      const d: Diagnostic = { ruleId: rule.meta.id, severity: p.severity && RANK[p.severity] < RANK[severity] ? p.severity : severity, range: clampRange(p.range, text.length), message: p.message };
      // a web page: a range never starts or ends inside a tag
      if (report.markup) d.range = outOfTags(report.markup, d.range);
      // a web page: a fix whose range holds markup (a tag, an entity) would delete it; such a fix is not offered
      if (p.fix && (masked === undefined || p.fix.edits.every((x) => text.slice(x.range.start, x.range.end) === masked.slice(x.range.start, x.range.end)))) d.fix = p.fix;
      if (p.related) d.related = p.related;
      if (p.hint !== undefined) d.hint = p.hint;
      diagnostics.push(d);
    }
  }
  releaseDerived(report);
  // rule ids are ASCII: code-point order (localeCompare goes through ICU, and costs)
  diagnostics.sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0));
  return { report, diagnostics, ruleErrors, isReport };
}

function outOfTags(markup: Int32Array, r: { start: number; end: number }) {
  const start = outsideMarkup(markup, r.start, true);
  const end = Math.max(start, outsideMarkup(markup, r.end, false));
  return start === r.start && end === r.end ? r : { start, end };
}

function clampRange(r: { start: number; end: number }, len: number) {
  if (r.start >= 0 && r.start <= r.end && r.end <= len) return r; // the usual case: no copy
  const start = Math.max(0, Math.min(r.start, len));
  const end = Math.max(start, Math.min(r.end, len));
  return { start, end };
}
