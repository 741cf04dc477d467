import type { Report } from '../../model';
import type { Fix, Rule } from '../../rule';
import { blankTable } from './blank-table';

function eolOf(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}

/** Where a missing table belongs: right after its section's heading line, if that heading is there. */
function insertionAfterHeading(report: Report, section: number): number | undefined {
  const s = report.sections.find((x) => x.number === section);
  if (!s) return undefined;
  const nl = report.text.indexOf('\n', s.heading.range.end);
  return nl < 0 ? report.text.length : nl + 1;
}

/** A required table, or a block of 表二, absent. */
const rule: Rule = {
  meta: {
    id: 'table-missing',
    category: 'table',
    defaultSeverity: 'error',
    fixable: true,
    description: { zh: '缺少必需的统计表（或表二的某个子表）', en: 'A required statistics table (or a block of table 2) is missing' },
  },
  check(ctx) {
    const { report, template: t, text } = ctx;
    if (report.format === 'pre2019') return;
    const eol = eolOf(text);
    const tables: [2 | 3 | 4, unknown][] = [[2, report.table2], [3, report.table3], [4, report.table4]];
    for (const [n, table] of tables) {
      if (table) continue;
      const section = report.sections.find((s) => s.number === n);
      const at = insertionAfterHeading(report, n);
      const names = { 2: ['表二（主动公开政府信息情况）', 'table 2 (proactive disclosure)'], 3: ['表三（收到和处理政府信息公开申请情况）', 'table 3 (requests received and handled)'], 4: ['表四（行政复议、行政诉讼情况）', 'table 4 (administrative reviews and lawsuits)'] }[n];
      const fix: Fix | undefined = at !== undefined ? { title: { zh: '插入空白标准表', en: 'Insert the blank standard table' }, edits: [{ range: { start: at, end: at }, newText: blankTable(t, n, eol) }], safe: false } : undefined;
      ctx.report_({
        range: section ? section.heading.range : { start: 0, end: Math.min(text.length, text.indexOf('\n') < 0 ? text.length : text.indexOf('\n')) },
        message: { zh: `缺少${names[0]}`, en: `Missing ${names[1]}` },
        fix,
      });
    }
    const t2 = report.table2;
    if (t2) {
      for (const key of t2.missingBlocks) {
        const b = t.table2.blocks.find((x) => x.key === key)!;
        ctx.report_({ range: t2.blocks[0]?.label.range ?? t2.range, message: { zh: `表二缺少“${b.label}”子表`, en: `Table 2 lacks the block “${b.label}”` } });
      }
    }
  },
};
export default rule;
