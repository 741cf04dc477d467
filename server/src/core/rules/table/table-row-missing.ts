import type { FormatTemplate } from '../../format/template';
import type { Range } from '../../model';
import type { Rule } from '../../rule';

/** Standard rows absent from 表二 or 表三, each named. */
/** The template's row groups that are itemised (not a row themselves), with their items' labels; once per template. */
const itemisedCache = new WeakMap<FormatTemplate, Map<string, string[]>>();
function itemisedGroups(t: FormatTemplate): Map<string, string[]> {
  let m = itemisedCache.get(t);
  if (!m) {
    m = new Map();
    for (const r of t.table3.rows) {
      if (!r.group || t.table3.rows.some((x) => x.key === r.group)) continue;
      m.set(r.group, [...(m.get(r.group) ?? []), r.label]);
    }
    itemisedCache.set(t, m);
  }
  return m;
}

const rule: Rule = {
  meta: {
    id: 'table-row-missing',
    category: 'table',
    defaultSeverity: 'error',
    fixable: false,
    description: { zh: '表格缺少标准格式中的行', en: 'A standard table row is missing' },
  },
  check(ctx) {
    const { report, template: t } = ctx;
    const t3 = report.table3;
    if (t3) {
      const order = t.table3.rows.map((r) => r.key);
      for (const key of t3.missingRows) {
        const idx = order.indexOf(key);
        const next = t3.rows.find((r) => order.indexOf(r.key) > idx);
        const prev = [...t3.rows].reverse().find((r) => order.indexOf(r.key) < idx);
        const at: Range = (next ?? prev)?.label.range ?? t3.range;
        const row = t.table3.rows[idx]!;
        const group = row.group ? t.table3.rowGroups.find((g) => g.key === row.group) : undefined;
        const name = group && group.key !== '三' ? `${group.label} ${row.label}` : row.label;
        ctx.report_({ range: at, message: { zh: `表三缺少“${name}”行`, en: `Table 3 lacks the row “${name}”` } });
      }
      // a group written as one row with values (the 2019 way) where this format itemises it: once, at that row
      const itemised = itemisedGroups(t);
      for (const row of t3.itemsUnderGroup?.length ? [] : t3.rows) {
        const items = itemised.get(row.key);
        if (!items) continue;
        ctx.report_({
          range: row.label.range,
          message: {
            zh: `表三“${row.label.standard}”写成了一行，缺少分项：${items.map((x) => `“${x}”`).join('、')}（${t.id} 年版格式要求分项填写）`,
            en: `Table 3 “${row.label.standard}” is written as one row without its items: ${items.map((x) => `“${x}”`).join(', ')} (the ${t.id} format itemises it)`,
          },
        });
      }
    }
    const t2 = report.table2;
    if (t2) {
      for (const key of t2.missingRows) {
        const [bk, rk] = key.split('/');
        const b = t.table2.blocks.find((x) => x.key === bk)!;
        if (t2.missingBlocks.includes(bk!)) continue; // reported by table-missing
        const row = b.rows.find((r) => r.key === rk)!;
        const block = t2.blocks.find((x) => x.key === bk);
        ctx.report_({ range: block?.label.range ?? t2.range, message: { zh: `表二“${b.label}”缺少“${row.label}”行`, en: `Table 2 “${b.label}” lacks the row “${row.label}”` } });
      }
    }
  },
};
export default rule;
