import type { Rule } from '../../rule';

/** A 2021+ report in the 2019 layout, or a 2019–2020 report in the 2021 layout. */
const rule: Rule = {
  meta: {
    id: 'format-version',
    category: 'structure',
    defaultSeverity: 'error',
    fixable: false,
    description: { zh: '报告年度与所用格式版本不符（2021 年起应使用国办公开办函〔2021〕30号格式）', en: 'The report year and the format version disagree (the 2021 format applies from 2021)' },
  },
  check(ctx) {
    const { report } = ctx;
    const y = report.year?.value;
    if (!y || (report.format !== '2019' && report.format !== '2021')) return;
    const expected = y >= 2021 ? '2021' : y >= 2019 ? '2019' : undefined;
    if (!expected || expected === report.format || report.formatEvidence.every((e) => e.startsWith('year'))) return;
    const at = report.table2?.range ?? report.year!.range;
    ctx.report_({
      range: at,
      message:
        expected === '2021'
          ? { zh: `${y} 年度报告使用了 2019 年试行格式（${report.formatEvidence.slice(0, 3).join('、')}），应使用国办公开办函〔2021〕30号格式`, en: `A ${y} report in the 2019 trial format (${report.formatEvidence.slice(0, 3).join(', ')}); the 2021 format applies` }
          : { zh: `${y} 年度报告使用了 2021 年格式，该年度应使用 2019 年试行格式（国办公开办函〔2019〕60号）`, en: `A ${y} report in the 2021 format; that year uses the 2019 trial format` },
    });
  },
};
export default rule;
