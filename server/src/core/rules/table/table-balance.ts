import type { Rule } from '../../rule';
import { related, sumOf, t3ColumnLabel, val } from './cells';

/** 表三 per column: 一 + 二 = 三（七）总计 + 四 — the one rule printed on the form. */
const rule: Rule = {
  meta: {
    id: 'table-balance',
    category: 'table',
    defaultSeverity: 'error',
    fixable: false,
    description: { zh: '表三每列：本年新收 + 上年结转 = 办理结果总计 + 结转下年度继续办理', en: 'Table 3, per column: new + carried over = total handled + carried forward' },
  },
  check(ctx) {
    const t3 = ctx.report.table3;
    if (!t3) return;
    const { lhs, rhs } = ctx.template.table3.checks.balance;
    const rows = (keys: string[]) => keys.map((k) => t3.rows.find((r) => r.key === k));
    const L = rows(lhs);
    const R = rows(rhs);
    if ([...L, ...R].some((r) => !r)) return;
    for (let col = 0; col < t3.columns.length; col++) {
      const lv = L.map((r) => val(r!.cells[col]));
      const rv = R.map((r) => val(r!.cells[col]));
      if ([...lv, ...rv].some((v) => v === undefined)) continue;
      const a = sumOf(lv as number[]);
      const b = sumOf(rv as number[]);
      if (a === b) continue;
      const colName = t3ColumnLabel(ctx.template, col);
      const [n, c] = lv as number[];
      const [tot, fwd] = rv as number[];
      ctx.report_({
        range: L[0]!.cells[col]!.range,
        message: {
          zh: `表三“${colName}”列不平衡：本年新收 ${n} + 上年结转 ${c} = ${a}，而办理结果总计 ${tot} + 结转下年度 ${fwd} = ${b}`,
          en: `Table 3, column “${colName}” does not balance: new ${n} + carried over ${c} = ${a}, but total handled ${tot} + carried forward ${fwd} = ${b}`,
        },
        related: [...L, ...R].map((r) => related(r!.cells[col]!.range, `${r!.label.standard} ${val(r!.cells[col])}`)),
      });
    }
  },
};
export default rule;
