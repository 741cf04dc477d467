/**
 * The rule contract. One rule = one module default-exporting a `Rule`: its metadata (id,
 * default severity, zh/en one-line description, fixable; the long docs are docs/rules/<id>.md)
 * and a `check` that reads the report
 * model and reports problems. Rules never read raw table layouts: only the model.
 */
import type { Range, Report } from './model';
import type { FormatTemplate } from './format/template';
import type { ResolvedConfig } from './config';

export type Severity = 'error' | 'warning' | 'info';
export type SeveritySetting = Severity | 'off';

/** A message in both languages; the caller picks one with `localize`. */
export interface Msg {
  zh: string;
  en: string;
}

export type Locale = 'zh-CN' | 'en';

export function localize(msg: Msg, locale: Locale): string {
  return locale === 'en' ? msg.en : msg.zh;
}

export interface TextEdit {
  range: Range;
  newText: string;
}

/** A quick fix: minimal edits, each inside the diagnostic's own region. */
export interface Fix {
  title: Msg;
  edits: TextEdit[];
  /** Safe fixes are applied by `nianbao check --fix` and fix-all; unsafe ones only on request. */
  safe: boolean;
}

export interface Related {
  range: Range;
  message: Msg;
}

export interface Diagnostic {
  ruleId: string;
  severity: Severity;
  range: Range;
  message: Msg;
  fix?: Fix;
  related?: Related[];
  /** Optional inlay text for a wrong total (e.g. `= 3`). */
  hint?: string;
}

export type RuleCategory = 'structure' | 'table' | 'prose' | 'cross';

export interface RuleMeta {
  id: string;
  category: RuleCategory;
  defaultSeverity: Severity;
  fixable: boolean;
  /** One line, shown in the catalogue (docs/rules.md) and in `--help`-like listings. */
  description: Msg;
  /**
   * @deprecated The long docs are the page `docs/rules/<id>.md` (what it checks, why, a wrong and
   * a right example, the fix). test/core/docs.test.ts fails while a rule still carries them here.
   */
  docs?: { zh: string; en: string };
}

export interface Problem {
  range: Range;
  message: Msg;
  fix?: Fix;
  related?: Related[];
  hint?: string;
  /** Lower than the rule's severity for this problem alone (a blank cell is less sure a fault than a wrong number); never raises it. */
  severity?: 'warning' | 'info';
}

export interface RuleContext {
  report: Report;
  text: string;
  /** The template the report claims to follow (or the one its year calls for). */
  template: FormatTemplate;
  config: ResolvedConfig;
  report_(problem: Problem): void;
}

export interface Rule {
  meta: RuleMeta;
  check(ctx: RuleContext): void;
}
