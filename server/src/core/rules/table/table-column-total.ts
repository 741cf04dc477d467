import type { Cell } from '../../model';
import type { Rule } from '../../rule';
import { columnTotalParts, editable, plus, related, sumOf, t3ColumnLabel, t3FixCertain, val } from './cells';

/** 表三 per column: （七）总计 = the sum of the result rows （一）…（六）. */
const rule: Rule = {
  meta: {
    id: 'table-column-total',
    category: 'table',
    defaultSeverity: 'error',
    fixable: true,
    description: { zh: '表三“（七）总计”应等于各项办理结果之和（每列）', en: 'Table 3 “(7) total” must equal the sum of the result rows, per column' },
    docs: {
      zh: '表三每一列：（七）总计 = （一）予以公开 + （二）部分公开 + （三）1–8 + （四）1–3 + （五）1–5 + （六）1–3（2019 年格式的（六）只有一行）。任何一行缺失或不是有效数字时不作此项检查。快速修复把（七）总计改为各项之和；错的也可能是某个分项，所以 `--fix` 和“全部修复”只在能确定错的是（七）总计时应用：它所在的每一个勾稽关系（本列合计、（七）总计行的合计、本列的“一+二=三+四”）用改后的值都成立。只有一个分项写错时，这些关系不会同时成立，修复只作为快速修复提供。',
      en: 'Per column of table 3: (7) total = (1) + (2) + (3)1–8 + (4)1–3 + (5)1–5 + (6)1–3 (one row in the 2019 format). Skipped when a part is missing or not a number. The fix sets the total to the sum; since a part may be the wrong number instead, `--fix` and fix-all apply it only when the total is certainly the wrong cell: every consistency check the cell is in (its column, the （七）总计 row’s total, the column’s “1 + 2 = 3 + 4”) holds with the new value. When one part is wrong they do not all hold, and the fix is offered as a quick fix only.',
    },
  },
  check(ctx) {
    const t3 = ctx.report.table3;
    if (!t3) return;
    const found = columnTotalParts(t3, ctx.template);
    if (!found) return; // a part is missing: the sums cannot be checked
    const { total: totalRow, parts: partRows } = found;
    for (let col = 0; col < t3.columns.length; col++) {
      const cells = partRows.map((r) => r.cells[col]);
      const values = cells.map(val);
      if (values.some((v) => v === undefined)) continue;
      const totalCell = totalRow.cells[col];
      const total = val(totalCell);
      if (total === undefined) continue;
      const sum = sumOf(values as number[]);
      if (sum === total) continue;
      const colName = t3ColumnLabel(ctx.template, col);
      const nonZero = partRows.map((r, i) => ({ r, v: values[i]!, c: cells[i] as Cell })).filter((x) => x.v !== 0);
      ctx.report_({
        range: totalCell!.range,
        message: {
          zh: `表三“${colName}”列：（七）总计 ${total} ≠ 各项办理结果之和 ${nonZero.length ? plus(nonZero.map((x) => x.v)) : '0'} = ${sum}`,
          en: `Table 3, column “${colName}”: (7) total ${total} ≠ sum of the results ${nonZero.length ? plus(nonZero.map((x) => x.v)) : '0'} = ${sum}`,
        },
        related: nonZero.map((x) => related(x.c.range, `${x.r.label.standard} ${x.v}`)),
        hint: `= ${sum}`,
        fix: editable(totalCell)
          ? { title: { zh: `把（七）总计改为 ${sum}`, en: `Set (7) total to ${sum}` }, edits: [{ range: totalCell.range, newText: String(sum) }], safe: t3FixCertain(t3, ctx.template, totalRow, col, sum) }
          : undefined,
      });
    }
  },
};
export default rule;
