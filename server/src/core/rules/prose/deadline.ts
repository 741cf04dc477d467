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
    docs: {
      zh: '《条例》第四十九条：县级以上人民政府部门应当在每年1月31日前公布本机关上一年度的年度报告；县级以上地方人民政府的年度报告（本级政府）在每年3月31日前公布。本规则读取报告末尾的落款日期（如“2025年1月20日”“二〇二五年一月二十日”，可在落款单位之后），晚于期限或早于报告年度的最后一天时提示。机关类型由配置 `agencyType`（`department` 部门、`government` 人民政府）决定；为 `auto`（默认）时按标题中的机关名称（没有标题时为“发布机构”）判断：以“××市/区/县人民政府”结尾或只写地名（“北京市2024年……”）的是人民政府本级，“局、委、办、街道、镇”等是部门（乡镇人民政府按部门对待）；判断不出时按较宽的3月31日检查。没有标题时落款单位只用来认出人民政府本级（人民政府的年报常由其办公室落款）。报告年度取自标题（或统计期限、配置的 reportYear）；2018年度及以前的报告适用修订前《条例》第三十一条，一律为次年3月31日。没有落款日期，或标题与统计期限的年份不一致（由 year-mismatch 报告）时不检查。',
      en: 'Regulations art. 49: departments of governments at county level and above publish the previous year’s report by 31 January; a local government’s own report is due by 31 March. This rule reads the date line at the end (“2025年1月20日”, “二〇二五年一月二十日”, possibly after the signing agency) and warns when it is after the deadline or before the last day of the report year. The agency type comes from the `agencyType` setting (`department`, `government`); with `auto` (the default) it is told from the agency in the title (else 发布机构): a name ending in 市/区/县人民政府, or a bare region (“北京市2024年……”), is a government’s own report, a 局, 委, 办, 街道, 镇 … a department (township governments count as departments); when the name tells neither, the later 31 March deadline is used. Without a title the signature is used only to recognise a government (whose report is often signed by its office). The report year comes from the title (or the statistics period, or the configured reportYear); reports on 2018 and earlier fall under the pre-2019 Regulations (art. 31: 31 March for all); nothing is checked without a date line or when the title and the period disagree on the year (year-mismatch reports that).',
    },
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
