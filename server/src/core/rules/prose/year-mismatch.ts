import type { Msg, Related, Rule, RuleContext } from '../../rule';
import { compactProse, srcRange, type Compact } from './text';
import { reportYears, yearValue, type ReportYears, type YearSpan } from './report-year';

/** Who a sentence about the year's work starts with (besides the agency's own name). */
const SUBJECTS = [
  '我局', '我委', '我办', '我厅', '我院', '我中心', '我单位', '本单位', '本机关', '本局', '本部门', '我部门', '我们',
  '我省', '我市', '我区', '我县', '我镇', '我乡', '我街道', '全省', '全市', '全区', '全县', '全镇', '全乡',
  '省政府', '市政府', '区政府', '县政府', '镇政府', '乡政府', '各级',
];

/** What opens an account of the agency's own work when the subject is left out (`2023年，认真贯彻…`). */
const WORK = ['认真贯彻', '深入贯彻', '全面贯彻', '坚决贯彻', '主动公开', '共主动公开', '共受理', '共收到', '累计主动公开', '坚持以', '围绕', '聚焦', '紧扣', '紧紧围绕', '扎实推进', '持续推进', '深入推进', '全面推进', '进一步', '不断', '严格落实', '认真落实', '积极推进'];

const D = '[0-9０-９]';
/** A sentence (or clause after ：) opening with a whole year: `2023年，我局…`, `2023年度本单位…`. */
const OPENING = new RegExp(`(${D}{4})年(?:度)?(?:全年)?[，,]?`, 'g');
/**
 * Sentences that compare years, speak of plans, or of last year's assessment (announced in the
 * report year) are not statements about the report year's work.
 */
const COMPARES = /同比|相比|比较|较上年|较去年|上年|去年|上一年|前年|以来|增长|下降|持平|将|计划|拟|下一步|明年|今后|考核|评估|评议|评为|获评|荣获|获得|表彰|排名|通报|本年/;
const YEAR_WORD = new RegExp(`(${D}{4})年`, 'g');
/** `本年度（2024年）`: this year, named. */
const THIS_YEAR = new RegExp(`(?:本年度?|今年)[（(](${D}{4})年?度?[）)]`, 'g');
/** A next-year plan: `下一步，2024年…`, `明年（2024年）…`. */
const PLAN_MARKER = new RegExp(`(?:下一步|明年|下一年度?|新的一年|来年|今后)(?:工作)?[，,（(]?(${D}{4})年度?(?=[，,）)、]|我|本|将|要|拟|计划|继续|重点|全|各)`, 'g');
/** In section 五, a sentence or clause `2024年，我局将继续…` (将 followed by what only a plan says). */
const WILL = /^(?:[^，。；]{0,12}?)将(?:继续|进一步|持续|着力|重点|切实|从以下|围绕|紧紧|坚持|不断|加大|加强|深入|全面|严格|做好|抓好|聚焦|狠抓|扎实|认真|积极|努力|以)/;
/** Before a plan in the same sentence: it is last year's plan, quoted (`上年度报告中提出，2024年将…`). */
const QUOTED_PLAN = /提出|报告中|上年|去年|上一年|曾|原定|计划中/;
/** In section 五: a `2024年工作计划` heading. */
const PLAN_HEADING = new RegExp(`(${D}{4})年度?(?:工作)?(?:计划|打算|思路|安排|重点工作|工作重点)(?!完成|执行|落实|情况|的|中|要求)`, 'g');

/** Title year, statistics period and the years the prose speaks of disagree. */
const rule: Rule = {
  meta: {
    id: 'year-mismatch',
    category: 'prose',
    defaultSeverity: 'error',
    fixable: false,
    description: { zh: '报告年度前后不一致（标题、统计期限、正文“本年”表述、下一步工作的年份）', en: 'The report year is inconsistent (title, statistics period, the prose about the year, next-year plans)' },
  },
  check(ctx) {
    const years = reportYears(ctx.report, ctx.config);
    const periodOk = checkPeriod(ctx, years);
    const Y = years.year;
    if (!Y || !periodOk) return; // with the year itself in doubt, the prose is not judged against it
    const agency = ctx.report.agency?.text.replace(/\s+/g, '');
    for (const { p, c } of compactProse(ctx.report)) {
      if (p.section !== 5) checkStatements(ctx, c, Y, agency);
      checkThisYear(c, Y, ctx);
      checkPlans(ctx, c, Y, p.section === 5);
    }
  },
};
export default rule;

function yearRelated(y: YearSpan & { source: Msg }): Related[] {
  if (y.range.end <= y.range.start) return [];
  return [{ range: y.range, message: { zh: `报告年度（${y.source.zh}）：${y.value}年`, en: `Report year (${y.source.en}): ${y.value}` } }];
}

/** Title vs statistics period, and the period's own two ends. False when they disagree. */
function checkPeriod(ctx: RuleContext, y: ReportYears): boolean {
  const { title, periodStart: ps, periodEnd: pe } = y;
  if (!ps || !pe) return true;
  if (ps.value !== pe.value) {
    ctx.report_({
      range: { start: ps.range.start, end: pe.range.end },
      message: { zh: `统计期限的起止年份不一致：自${ps.value}年1月1日至${pe.value}年12月31日`, en: `The statistics period runs from 1 January ${ps.value} to 31 December ${pe.value}: the years differ` },
      related: title ? [{ range: title.range, message: { zh: `标题中的年度：${title.value}年`, en: `Year in the title: ${title.value}` } }] : [],
    });
    return false;
  }
  const against = ctx.config.reportYear !== undefined ? y.year : title && { ...title, source: { zh: '标题', en: 'the title' } };
  if (!against || against.value === ps.value) return true;
  const wrong = [ps, pe].filter((x) => x.range.end > x.range.start);
  ctx.report_({
    range: { start: wrong[0]!.range.start, end: wrong[wrong.length - 1]!.range.end },
    message:
      ctx.config.reportYear !== undefined
        ? { zh: `统计期限为${ps.value}年，而配置的报告年度为${against.value}年`, en: `The statistics period is ${ps.value}, but the configured report year is ${against.value}` }
        : { zh: `统计期限为${ps.value}年，而标题中的年度为${against.value}年`, en: `The statistics period is ${ps.value}, but the title says ${against.value}` },
    related: yearRelated(against),
  });
  return false;
}

/** The agency's own name (or its tail, `洪泽区人民政府` for `淮安市洪泽区人民政府`, or its head) at `i`. */
function agencyAt(s: string, i: number, agency: string | undefined): string | undefined {
  if (!agency || agency.length < 3) return undefined;
  for (let k = 0; k + 3 <= agency.length; k++) if (s.startsWith(agency.slice(k), i)) return agency.slice(k);
  return s.startsWith(agency.slice(0, 4), i) ? agency.slice(0, 4) : undefined;
}

/** Sentences are read within this many characters either side (keeps every scan linear). */
const SENTENCE_MAX = 300;

function sentenceEnd(s: string, i: number): number {
  const to = Math.min(s.length, i + SENTENCE_MAX);
  for (let k = i; k < to; k++) if ('。！？!?'.includes(s[k]!)) return k + 1;
  return to;
}

function sentenceBegin(s: string, i: number): number {
  const from = Math.max(0, i - SENTENCE_MAX);
  for (let k = i - 1; k >= from; k--) if ('。！？!?'.includes(s[k]!)) return k + 1;
  return from;
}

function quote(s: string, from: number): string {
  const end = sentenceEnd(s, from);
  const t = s.slice(from, Math.min(end, from + 14));
  return t.length < end - from ? t + '…' : t;
}

const BOUNDARY = '。！？；：:;!?';
/** A sub-heading (`（一）主动公开情况`, `2.`) that ends its line: the next line starts a sentence. */
const SUBHEADING = /^(?:[（(][一二三四五六七八九十\d]{1,3}[）)]|[一二三四五六七八九十]{1,3}[、.．]|\d{1,2}[.．、])[^，。；,;]{0,18}$/;

/** A bare item marker before the sentence on the same line. */
const MARKER = /^(?:[（(][一二三四五六七八九十\d]{1,3}[）)]|[一二三四五六七八九十]{1,3}[、．.]|\d{1,2}[.．、])$/;

/** True when compact index `i` starts a sentence: after 。；： or a sub-heading line. */
function sentenceStart(text: string, c: Compact, i: number, clauses = false): boolean {
  if (i === 0 || BOUNDARY.includes(c.s[i - 1]!) || (clauses && (c.s[i - 1] === '，' || c.s[i - 1] === ','))) return true;
  let k = i - 1;
  while (k >= 0 && i - k <= 24 && !BOUNDARY.includes(c.s[k]!)) k--;
  const run = c.s.slice(k + 1, i);
  if (MARKER.test(run)) return true; // `（一）2023年，…`, `1.2023年…`
  if (!SUBHEADING.test(run)) return false;
  // the sub-heading must end its source line
  return text.slice(c.src(i - 1) + 1, c.src(i)).includes('\n');
}

interface Opening {
  /** Compact index of the year's digits. */
  at: number;
  value: number;
  /** Compact index after `YYYY年，`. */
  after: number;
}

/** Sentences opening with a whole year: `2023年，…`, `2023年度…`, `2023年全年，…`. */
function openings(text: string, c: Compact, clauses = false): Opening[] {
  const out: Opening[] = [];
  OPENING.lastIndex = 0;
  for (let m = OPENING.exec(c.s); m; m = OPENING.exec(c.s)) {
    const v = yearValue(m[1]!);
    if (v === undefined || /[0-9０-９]/.test(c.s[m.index - 1] ?? '') || !sentenceStart(text, c, m.index, clauses)) continue;
    out.push({ at: m.index, value: v, after: m.index + m[0].length });
  }
  return out;
}

/** `2023年，我局主动公开…` in a 2024 report. */
function checkStatements(ctx: RuleContext, c: Compact, Y: YearSpan & { source: Msg }, agency: string | undefined) {
  const s = c.s;
  for (const o of openings(ctx.text, c)) {
    if (Math.abs(o.value - Y.value) !== 1) continue;
    // `2023年，认真贯彻…`: with a comma, the sentence's own verbs of the year's work stand for the subject
    const comma = /[，,]$/.test(s.slice(o.at, o.after));
    const subject = SUBJECTS.find((w) => s.startsWith(w, o.after)) ?? agencyAt(s, o.after, agency) ?? (comma ? WORK.find((w) => s.startsWith(w, o.after)) : undefined);
    if (!subject) continue;
    // without a comma, `2023年我市制定的办法…` is a phrase about something made that year
    if (!/[，,]$/.test(s.slice(o.at, o.after)) && s.slice(o.after + subject.length, o.after + subject.length + 6).includes('的')) continue;
    const sentence = s.slice(o.after, sentenceEnd(s, o.after));
    if (COMPARES.test(sentence) || mentionsYear(sentence, Y.value)) continue;
    const q = quote(s, o.at);
    ctx.report_({
      range: srcRange(c, o.at, o.at + 4),
      message: {
        zh: `正文“${q}”讲述的是${o.value}年，而报告年度为${Y.value}年（见${Y.source.zh}）`,
        en: `The text “${q}” speaks of ${o.value}, but the report year is ${Y.value} (see ${Y.source.en})`,
      },
      related: yearRelated(Y),
    });
  }
}

function mentionsYear(s: string, year: number): boolean {
  YEAR_WORD.lastIndex = 0;
  for (let m = YEAR_WORD.exec(s); m; m = YEAR_WORD.exec(s)) if (yearValue(m[1]!) === year) return true;
  return false;
}

/** `本年度（2023年）` in a 2024 report, anywhere. */
function checkThisYear(c: Compact, Y: YearSpan & { source: Msg }, ctx: RuleContext) {
  THIS_YEAR.lastIndex = 0;
  for (let m = THIS_YEAR.exec(c.s); m; m = THIS_YEAR.exec(c.s)) {
    const v = yearValue(m[1]!);
    if (v === undefined || v === Y.value) continue;
    const at = m.index + m[0].indexOf(m[1]!);
    ctx.report_({
      range: srcRange(c, at, at + 4),
      message: {
        zh: `正文“${m[0]}”把本年写作${v}年，而报告年度为${Y.value}年（见${Y.source.zh}）`,
        en: `The text “${m[0]}” calls ${v} this year, but the report year is ${Y.value} (see ${Y.source.en})`,
      },
      related: yearRelated(Y),
    });
  }
}

/** Next-year plans dated in the report year or earlier. */
function checkPlans(ctx: RuleContext, c: Compact, Y: YearSpan & { source: Msg }, section5: boolean) {
  const s = c.s;
  const done = new Set<number>();
  const report = (at: number, v: number, quoteFrom: number) => {
    if (done.has(at)) return;
    done.add(at);
    const q = quote(s, quoteFrom);
    ctx.report_({
      range: srcRange(c, at, at + 4),
      message: {
        zh: `下一步工作“${q}”写的是${v}年，报告年度为${Y.value}年（见${Y.source.zh}），下一年度应为${Y.value + 1}年`,
        en: `A next-year plan (“${q}”) is dated ${v}, but the report year is ${Y.value} (see ${Y.source.en}): the next year is ${Y.value + 1}`,
      },
      related: yearRelated(Y),
    });
  };
  PLAN_MARKER.lastIndex = 0;
  for (let m = PLAN_MARKER.exec(s); m; m = PLAN_MARKER.exec(s)) {
    const v = yearValue(m[1]!);
    if (v !== undefined && v <= Y.value) report(m.index + m[0].lastIndexOf(m[1]!), v, m.index);
  }
  if (!section5) return;
  for (const o of openings(ctx.text, c, true)) {
    if (o.value > Y.value || !WILL.test(s.slice(o.after, o.after + 24))) continue;
    if (QUOTED_PLAN.test(s.slice(sentenceBegin(s, o.at), o.at))) continue; // last year's plan, quoted
    report(o.at, o.value, o.at);
  }
  PLAN_HEADING.lastIndex = 0;
  for (let m = PLAN_HEADING.exec(s); m; m = PLAN_HEADING.exec(s)) {
    const v = yearValue(m[1]!);
    const at = m.index + m[0].lastIndexOf(m[1]!);
    if (v !== undefined && v <= Y.value && (at === 0 || sentenceStart(ctx.text, c, at) || /[）)]/.test(s[at - 1]!))) report(at, v, at);
  }
}
