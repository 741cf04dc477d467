/**
 * Fixtures for the prose-rule tests: a real report's prose placed in every table layout; a
 * snippet of prose in a minimal report in each layout people have (plain text, Markdown, HTML,
 * PDF text with hard line breaks inside words and a page marker); what one rule reports on it.
 */
import assert from 'node:assert/strict';
import { applyEdits, lint, LineIndex, DEFAULT_CONFIG, type Diagnostic, type ResolvedConfig } from '../../server/src/core';
import { HUAIAN_2024, render, type Layout, type ReportData } from './layouts';

/** The 依申请公开 paragraph of 淮安市人民政府 2024 (huaian-city-2024.txt lines 26–34), joined. */
export const HUAIAN_REQUESTS =
  '（二）依申请公开情况。定期对政府信息公开申请集中的领域和热点问题进行研判，探索从源头上解决实际问题。着力强化与申请人的直接沟通，准确了解申请人诉求，提高答复的及时性和针对性。2024 年，全市共受理政府信息公开申请 3119 件，答复 3050 件（含上年度结转申请 34 件，另有 103 件顺延到下年度答复），均在法定期限内予以答复。政府信息公开行政复议 351 件，其中结果维持 72 件，结果纠正 64 件，其他结果 178 件，尚未审结 37 件；政府信息公开行政诉讼 46 件，其中结果维持 25 件，结果纠正 5 件，其他结果 9 件，尚未审结 7 件。';

/**
 * Hard line breaks every `every` characters and a page marker line, as PDF text extraction gives
 * them (breaks fall inside words and numbers).
 */
export function pdfLines(s: string, every = 29, page = 2): string {
  const lines = chunks(s, every);
  if (lines.length > 2) lines.splice(2, 0, `- ${page} -`);
  return lines.join('\n');
}

function chunks(s: string, size: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < s.length; i += size) out.push(s.slice(i, i + size));
  return out;
}

/** 总体情况 with the given paragraph in the place of （二）依申请公开情况. */
export function overview(requests: string): string {
  return `2024年，我市认真落实《中华人民共和国政府信息公开条例》。（一）主动公开情况。全年主动公开政府信息。${requests}（三）政府信息管理情况。加强信息管理。（四）政府信息公开平台建设情况。完善平台。（五）监督保障情况。加强监督保障。`;
}

/** The report rendered in `layout`, with these prose parts. */
export function reportWith(layout: Layout, prose: ReportData['prose'], data: ReportData = HUAIAN_2024): string {
  return render({ ...data, prose }, layout);
}


/** The 1-based line of a diagnostic. */
export function lineOf(text: string, d: { range: { start: number } }): number {
  return new LineIndex(text).position(d.range.start).line + 1;
}

/** Source text at a range without whitespace and page markers (PDF breaks lines inside numbers). */
export function at(text: string, r: { start: number; end: number }): string {
  return text.slice(r.start, r.end).replace(/\n[ \t]*- \d+ -[ \t]*(?=\r?\n)/g, '').replace(/\s+/g, '');
}

/** Full-width digits to ASCII (the crlf-bom-fullwidth layout writes every digit full-width). */
export function ascii(s: string): string {
  return s.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xff10 + 48));
}

/** Every table zero: an agency with no applications, reviews or lawsuits. */
export const ZEROS: ReportData = {
  ...HUAIAN_2024,
  agency: '某区商务局',
  t3: Object.fromEntries(Object.keys(HUAIAN_2024.t3).map((k) => [k, [0, 0, 0, 0, 0, 0, 0]])),
  t4: new Array(15).fill(0),
};

export type ProseLayout = 'plain' | 'markdown' | 'html' | 'pdf';
export const PROSE_LAYOUTS: ProseLayout[] = ['plain', 'markdown', 'html', 'pdf'];

const TITLE = 'XX市XX局2024年政府信息公开工作年度报告';

/** Hard line breaks every `width` characters (as a PDF text extractor gives a justified paragraph), no page marker. */
export function pdfWrap(s: string, width = 17): string {
  return chunks(s, width).join('\n');
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

/** The diagnostics of one rule (and no rule failed). */
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
