/** The blank standard tables, written from the template (tab-separated, zeros to fill in). */
import type { FormatTemplate } from '../../format/template';

export function blankTable(t: FormatTemplate, which: 2 | 3 | 4, eol: string): string {
  const lines: string[] = [];
  if (which === 2) {
    for (const b of t.table2.blocks) {
      lines.push(b.label);
      lines.push(['信息内容', ...b.columns.map((c) => c.label)].join('\t'));
      for (const r of b.rows) lines.push([r.label, ...b.columns.map(() => '0')].join('\t'));
    }
  } else if (which === 3) {
    lines.push([t.table3.note, '申请人情况'].join('\t'));
    lines.push(['', ...t.table3.columns.map((c) => c.label)].join('\t'));
    const printed = new Set<string>();
    for (const r of t.table3.rows) {
      // group labels (三、本年度办理结果, （三）不予公开 …) stand on their own line before their first row
      const chain = r.group ? [r.group.split('.')[0]!, r.group] : [];
      for (const key of new Set(chain)) {
        const g = t.table3.rowGroups.find((x) => x.key === key);
        if (g && !printed.has(key)) {
          lines.push(g.label);
          printed.add(key);
        }
      }
      lines.push([r.label, ...t.table3.columns.map(() => '0')].join('\t'));
    }
  } else {
    lines.push(t.table4.groups.map((g) => g.label.split('·').pop()).join('\t'));
    lines.push(t.table4.groups.flatMap(() => t.table4.columns.map((c) => c.label)).join('\t'));
    lines.push(t.table4.groups.flatMap(() => t.table4.columns.map(() => '0')).join('\t'));
  }
  return lines.join(eol) + eol;
}
