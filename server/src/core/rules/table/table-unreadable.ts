import type { Rule } from '../../rule';

/** Numbers the parser could not assign to cells unambiguously: said once, never guessed at. */
const rule: Rule = {
  meta: {
    id: 'table-unreadable',
    category: 'table',
    defaultSeverity: 'warning',
    fixable: false,
    description: { zh: '表格中的数字无法可靠地对应到单元格（例如数字连在一起）', en: 'Table numbers cannot be assigned to cells unambiguously (e.g. digits run together)' },
  },
  check(ctx) {
    const { report } = ctx;
    for (const [name, t] of [['表二', report.table2], ['表三', report.table3], ['表四', report.table4]] as const) {
      for (const u of t?.unreadable ?? []) {
        ctx.report_({ range: u.range, message: { zh: `${name}：${u.reason.zh}`, en: `${name.replace('表', 'Table ')}: ${u.reason.en}` } });
      }
    }
  },
};
export default rule;
