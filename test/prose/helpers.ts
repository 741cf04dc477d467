/**
 * Fixtures for the prose-rule tests: a snippet of report prose placed in a minimal report in
 * each layout people have (plain text, Markdown, HTML, PDF text with hard line breaks inside
 * words and a page marker), and what one rule reports on it.
 */
import assert from 'node:assert/strict';
import { applyEdits, lint, type Diagnostic, type ResolvedConfig, DEFAULT_CONFIG } from '../../server/src/core';
import { HUAIAN_2024, render, type Layout } from '../helpers/layouts';

export type ProseLayout = 'plain' | 'markdown' | 'html' | 'pdf';
export const PROSE_LAYOUTS: ProseLayout[] = ['plain', 'markdown', 'html', 'pdf'];

const TITLE = 'XX市XX局2024年政府信息公开工作年度报告';

/** Hard line breaks every `width` characters (as a PDF text extractor gives a justified paragraph). */
export function pdfWrap(s: string, width = 17): string {
  const out: string[] = [];
  for (let i = 0; i < s.length; i += width) out.push(s.slice(i, i + width));
  return out.join('\n');
}

/** A minimal report (title + section 一) whose body is `body`, in `layout`. */
export function doc(body: string, layout: ProseLayout = 'plain'): string {
  switch (layout) {
    case 'plain':
      return `${TITLE}\n一、总体情况\n${body}\n`;
    case 'markdown':
      return `# ${TITLE}\n\n## 一、总体情况\n\n${body}\n`;
    case 'html':
      return `<html><body>\n<h1>${TITLE}</h1>\n<h2>一、总体情况</h2>\n<p>${body}</p>\n</body></html>\n`;
    case 'pdf':
      return `${TITLE}\n一、总体情况\n${pdfWrap(body)}\n- 1 -\n`;
  }
}

/** The whole sample report (three tables with real numbers) in a table layout, with `body` as the overview. */
export function fullReport(body: string, layout: Layout): string {
  return render({ ...HUAIAN_2024, prose: { overview: layout === 'pdf' ? pdfWrap(body) : body } }, layout);
}

/** The diagnostics of one rule. */
export function diags(text: string, ruleId: string, config: ResolvedConfig = DEFAULT_CONFIG): Diagnostic[] {
  const r = lint(text, config);
  assert.deepEqual(r.ruleErrors, []);
  return r.diagnostics.filter((d) => d.ruleId === ruleId);
}

/** What the rule points at, as written in the source (line breaks and all). */
export function found(text: string, ruleId: string, config: ResolvedConfig = DEFAULT_CONFIG): string[] {
  return diags(text, ruleId, config).map((d) => text.slice(d.range.start, d.range.end));
}

/** Applying one diagnostic's fix changes nothing outside its range, and gives `expected` there. */
export function assertFixLocal(text: string, d: Diagnostic, expected?: string): string {
  assert.ok(d.fix, `${d.ruleId}: no fix`);
  const fixed = applyEdits(text, d.fix.edits).text;
  const tail = text.length - d.range.end;
  assert.equal(fixed.slice(0, d.range.start), text.slice(0, d.range.start), 'text before the range changed');
  assert.equal(fixed.slice(fixed.length - tail), text.slice(d.range.end), 'text after the range changed');
  if (expected !== undefined) assert.equal(fixed.slice(d.range.start, fixed.length - tail), expected);
  return fixed;
}
