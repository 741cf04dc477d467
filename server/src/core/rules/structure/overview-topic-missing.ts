import type { Rule } from '../../rule';

/** 一、总体情况 must cover the five topics the 2021 format names. */
const rule: Rule = {
  meta: {
    id: 'overview-topic-missing',
    category: 'structure',
    defaultSeverity: 'warning',
    fixable: false,
    description: { zh: '“一、总体情况”缺少规定的内容（主动公开、依申请公开、政府信息管理、平台建设、监督保障）', en: 'Section 1 lacks a required topic (proactive disclosure, requests, information management, platforms, supervision)' },
    docs: {
      zh: '2021 年格式规定总体情况“主要包括主动公开、依申请公开、政府信息管理、政府信息公开平台建设、监督保障”。本规则在第一部分中查找这五个方面（容忍“监督和保障”“平台建设”等常见写法），缺哪一项报哪一项。',
      en: 'The 2021 format says the overview covers proactive disclosure, requests, information management, disclosure platforms and supervision. Each topic not found in section 1 (common variants accepted) is reported.',
    },
  },
  check(ctx) {
    const { report, template: t } = ctx;
    if (report.format !== '2021') return;
    const s1 = report.sections.find((s) => s.number === 1);
    if (!s1) return;
    const body = ctx.text.slice(s1.heading.range.start, s1.body.end).replace(/\s+/g, '');
    for (const topic of t.overviewTopics) {
      if (topic.patterns.some((p) => body.includes(p))) continue;
      ctx.report_({
        range: s1.heading.range,
        message: { zh: `“一、总体情况”中没有写到“${topic.name}”`, en: `Section 1 does not cover “${topic.name}”` },
      });
    }
  },
};
export default rule;
