import type { Label } from '../../model';
import type { Rule } from '../../rule';

/** A single-line, tab-free label can be replaced safely; a label broken across lines is only reported. */
function replaceable(text: string): boolean {
  return !/[\n\r\t]/.test(text);
}

/** Row, column and block labels that differ from the standard wording (本年度止件数 → 本年废止件数). */
const rule: Rule = {
  meta: {
    id: 'table-label-typo',
    category: 'table',
    defaultSeverity: 'error',
    fixable: true,
    description: { zh: '表格的行、列标签与标准格式不一致（如“本年度止件数”应为“本年废止件数”）', en: 'A table row or column label differs from the standard one (e.g. 本年度止件数 for 本年废止件数)' },
  },
  check(ctx) {
    const { report } = ctx;
    const labels: { label: Label; where: { zh: string; en: string } }[] = [];
    for (const t of [report.table2, report.table3, report.table4]) {
      for (const l of t?.columnLabels ?? []) labels.push({ label: l, where: { zh: '列标签', en: 'column label' } });
    }
    for (const b of report.table2?.blocks ?? []) {
      labels.push({ label: b.label, where: { zh: '表二标签', en: 'table 2 label' } });
      for (const r of b.rows) labels.push({ label: r.label, where: { zh: '行标签', en: 'row label' } });
    }
    for (const r of report.table3?.rows ?? []) labels.push({ label: r.label, where: { zh: '行标签', en: 'row label' } });
    for (const l of report.table3?.groupLabels ?? []) labels.push({ label: l, where: { zh: '行标签', en: 'row label' } });
    for (const { label, where } of labels) {
      if (label.exact || !label.text.trim()) continue;
      const written = label.text.replace(/\s+/g, '');
      ctx.report_({
        range: label.range,
        message: { zh: `${where.zh}“${written}”应为“${label.standard}”`, en: `${where.en} “${written}” should be “${label.standard}”` },
        fix: replaceable(ctx.text.slice(label.range.start, label.range.end))
          ? { title: { zh: `改为“${label.standard}”`, en: `Change to “${label.standard}”` }, edits: [{ range: label.range, newText: label.standard }], safe: true }
          : undefined,
      });
    }
  },
};
export default rule;
