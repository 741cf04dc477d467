import type { Rule } from '../../rule';

/** Digits run together that more than one reading makes consistent: listed as information, never an error. */
const rule: Rule = {
  meta: {
    id: 'table-ambiguous',
    category: 'table',
    defaultSeverity: 'info',
    fixable: false,
    description: { zh: '连在一起的数字有多种读法都符合勾稽关系，无法确定（列出各种读法）', en: 'Digits run together can be read in several ways that all satisfy the consistency rules (the readings are listed)' },
  },
  check(ctx) {
    const { report } = ctx;
    for (const [name, t] of [['表二', report.table2], ['表三', report.table3], ['表四', report.table4]] as const) {
      for (const a of t?.ambiguous ?? []) {
        const zh = a.readings.map((r) => r.join(' ')).join('；');
        const en = a.readings.map((r) => r.join(' ')).join('; ');
        ctx.report_({
          range: a.range,
          message: {
            zh: `${name}“${a.where.zh}”的数字连在一起，有 ${a.readings.length} 种读法都符合勾稽关系，无法确定：${zh}`,
            en: `${name.replace('表', 'Table ')}, “${a.where.en}”: the digits run together and ${a.readings.length} readings all satisfy the consistency rules: ${en}`,
          },
        });
      }
    }
  },
};
export default rule;
