import type { Rule } from '../../rule';

/** 一、总体情况 must cover the five topics the 2021 format names. */
const rule: Rule = {
  meta: {
    id: 'overview-topic-missing',
    category: 'structure',
    defaultSeverity: 'warning',
    fixable: false,
    description: { zh: '“一、总体情况”缺少规定的内容（主动公开、依申请公开、政府信息管理、平台建设、监督保障）', en: 'Section 1 lacks a required topic (proactive disclosure, requests, information management, platforms, supervision)' },
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
