import type { Report } from '../../model';
import type { Rule } from '../../rule';
import { logicalLineEnd, logicalLineStart } from '../../logical-lines';

/** Where the heading of a missing section belongs, as an offset at a line start. */
function insertionPoint(report: Report, n: number): number {
  const text = report.text;
  // a line begins at a line feed or at a virtual break of flattened text
  const lineStart = (_: string, offset: number) => logicalLineStart(report, offset);
  // a section whose table survived: just before the table (its header lines included)
  if (n === 2 && report.table2) return lineStart(text, report.table2.range.start);
  if (n === 3 && report.table3) return lineStart(text, report.table3.range.start);
  if (n === 4 && report.table4) {
    const lastRow = report.table3?.rows.reduce((m, r) => Math.max(m, r.cells.reduce((x, c) => Math.max(x, c?.range.end ?? 0), r.label.range.end)), 0) ?? 0;
    if (lastRow && lastRow < report.table4.range.start) {
      // the first non-empty line after 表三
      const after = (end: number) => (end < 0 ? -1 : text.charCodeAt(end) === 10 ? end + 1 : end); // past a line feed; a virtual break is a line start itself
      let p = after(logicalLineEnd(report, lastRow));
      while (p >= 0 && p < report.table4.range.start) {
        // the end of the line that starts at p (a virtual break at p is its own start, not its end)
        const next = logicalLineEnd(report, p, true);
        const line = text.slice(p, next < 0 ? text.length : next);
        if (line.trim()) return p;
        if (next >= 0 && after(next) <= p) break; // no progress: stop
        p = after(next);
      }
    }
    return lineStart(text, report.table4.range.start);
  }
  const later = report.sections.filter((s) => s.number > n).sort((a, b) => a.heading.range.start - b.heading.range.start)[0];
  if (later) return lineStart(text, later.heading.range.start);
  const end = report.dateLine?.signer ?? report.dateLine; // before the signing agency and the date
  if (end && report.sections.every((s) => s.heading.range.start < end.range.start)) return lineStart(text, end.range.start);
  return text.length;
}

/** One of the six standard sections is absent. */
const rule: Rule = {
  meta: {
    id: 'section-missing',
    category: 'structure',
    defaultSeverity: 'error',
    fixable: true,
    description: { zh: '缺少标准格式规定的章节（一至六）', en: 'One of the six standard sections is missing' },
  },
  check(ctx) {
    const { report, template: t, text } = ctx;
    if (report.format === 'pre2019') return;
    const present = new Set(report.sections.map((s) => s.number));
    const eol = text.includes('\r\n') ? '\r\n' : '\n';
    for (const s of t.sections) {
      if (present.has(s.number)) continue;
      const at = insertionPoint(report, s.number);
      const lineEnd = logicalLineEnd(report, at, true);
      const range = at >= text.length ? { start: Math.max(0, logicalLineStart(report, text.length)), end: text.length } : { start: at, end: lineEnd < 0 ? text.length : lineEnd };
      const newText = at >= text.length ? (text.endsWith('\n') || !text ? '' : eol) + s.title + eol : s.title + eol;
      ctx.report_({
        range: range.end > range.start ? range : { start: at, end: at },
        message: { zh: `缺少第${s.title.slice(0, 1)}部分“${s.title}”`, en: `Section ${s.number} “${s.title}” is missing` },
        fix: { title: { zh: `插入标题“${s.title}”`, en: `Insert the heading “${s.title}”` }, edits: [{ range: { start: at, end: at }, newText }], safe: true },
      });
    }
  },
};
export default rule;
