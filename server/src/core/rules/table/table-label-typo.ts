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
    docs: {
      zh: '标签按标准格式比较，忽略空格、换行、全角半角标点和“1、/1.”的差别。相差一两个字的（错字、漏字、多字）视为笔误。表三、表四的表头（自然人……总计；行政复议、行政诉讼、未经复议直接起诉、复议后起诉、结果维持……总计）先找出按标准写出的标签，其余文字只有在表头缺少与之相近的标准标签时才视为笔误（如“合计”应为“总计”，“个人”应为“自然人”）；表三的分组标签（三、本年度办理结果，（三）至（六））按其序号核对。快速修复把标签替换为标准写法；跨行断开的标签只提示不修复。',
      en: 'Labels are compared with the standard wording ignoring spaces, line breaks, punctuation width and “1、/1.”. Labels one or two characters off are typos. In the headers of tables 3 and 4 (自然人 … 总计; 行政复议, 行政诉讼, 未经复议直接起诉, 复议后起诉, 结果维持 … 总计) the standard labels written as such are found first; other header text is a typo only when the header lacks a standard label it resembles (合计 for 总计, 个人 for 自然人). The row-group labels of table 3 (三、本年度办理结果, （三） to （六）) are checked by their numbering. The fix replaces the label with the standard wording; labels broken across lines are only reported.',
    },
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
