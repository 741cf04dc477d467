import type { Related, Rule } from '../../rule';
import { agencyType, reportYears } from './report-year';

const fmt = (y: number, m: number, d: number) => `${y}年${m}月${d}日`;
/** Reports on this year and before were due under the 2007 条例 (国务院令第492号, art. 31). */
const OLD_REGULATIONS_LAST_YEAR = 2018;

/** The date line is after the legal publication deadline, or before the report year ended. */
const rule: Rule = {
  meta: {
    id: 'deadline',
    category: 'prose',
    defaultSeverity: 'warning',
    fixable: false,
    description: { zh: '落款日期晚于法定公布期限（部门1月31日，县级以上人民政府3月31日）或早于报告年度结束', en: 'The date line is after the legal deadline (31 January for a department, 31 March for a government) or before the report year ended' },
  },
  check(ctx) {
    const { report, config } = ctx;
    const date = report.dateLine;
    const years = reportYears(report, config);
    const Y = years.year;
    if (!date || !Y || !years.consistent) return; // year-mismatch reports a year in doubt
    const written = fmt(date.year, date.month, date.day);
    const key = date.year * 10000 + date.month * 100 + date.day;
    const related: Related[] = Y.range.end > Y.range.start ? [{ range: Y.range, message: { zh: `报告年度（${Y.source.zh}）：${Y.value}年`, en: `Report year (${Y.source.en}): ${Y.value}` } }] : [];
    if (key < Y.value * 10000 + 1231) {
      ctx.report_({
        range: date.range,
        message: {
          zh: `落款日期${written}早于报告年度${Y.value}年结束：${Y.value}年度的报告应在${Y.value + 1}年初公布，请核对年份`,
          en: `The date line ${written} is before the end of the report year ${Y.value}: a report on ${Y.value} is published early in ${Y.value + 1}; check the year`,
        },
        related,
      });
      return;
    }
    if (Y.value <= OLD_REGULATIONS_LAST_YEAR) {
      // reports on 2018 and before: the 2007 条例 (art. 31) gave every agency until 3月31日
      if (key <= (Y.value + 1) * 10000 + 331) return;
      ctx.report_({
        range: date.range,
        message: {
          zh: `落款日期${written}晚于公布期限${fmt(Y.value + 1, 3, 31)}（${Y.value}年度报告适用2019年修订前的《条例》第三十一条：每年3月31日前）`,
          en: `The date line ${written} is after the deadline ${fmt(Y.value + 1, 3, 31)} (a report on ${Y.value} falls under the Regulations before their 2019 revision, art. 31: by 31 March)`,
        },
        related,
      });
      return;
    }
    const { type, from, name } = agencyType(report, config);
    const month = type === 'department' ? 1 : 3;
    if (key <= (Y.value + 1) * 10000 + month * 100 + 31) return;
    const deadline = fmt(Y.value + 1, month, 31);
    const who =
      type === 'department'
        ? { zh: '部门年报', en: 'a department’s report' }
        : type === 'government'
          ? { zh: '人民政府本级年报', en: 'a government’s own report' }
          : { zh: '按较宽的人民政府期限', en: 'the later, government deadline' };
    const why =
      from === 'config'
        ? { zh: '（机关类型由配置 agencyType 指定）', en: ' (agency type from the agencyType setting)' }
        : from === 'name'
          ? { zh: `（按机关名称“${name}”判断；可用配置 agencyType 指定）`, en: ` (told from the agency “${name}”; set agencyType to override)` }
          : { zh: '（未能从标题判断机关类型；可用配置 agencyType 指定）', en: ' (the agency type could not be told from the title; set agencyType)' };
    const named = from === 'name' ? (report.agency ?? report.dateLine?.signer) : undefined;
    if (named) related.push({ range: named.range, message: { zh: `机关：${named.text}`, en: `Agency: ${named.text}` } });
    ctx.report_({
      range: date.range,
      message: {
        zh: `落款日期${written}晚于法定公布期限${deadline}（${who.zh}，《条例》第四十九条）${why.zh}`,
        en: `The date line ${written} is after the legal deadline ${deadline} (${who.en}, Regulations art. 49)${why.en}`,
      },
      related,
    });
  },
};
export default rule;
