import type { Rule } from '../../rule';
import { asciiDigits, compactProse, contiguous, srcRange, type Compact } from './text';
import { BREAKDOWN_KINDS } from '../../words';

const UNIT = '条|件|篇|个|次|项|份|期|场|家|人次';
/** A stated total: 共(计)…N条. */
const TOTAL = new RegExp(`共计?[^\\d，。；,;：:、]{0,14}?(\\d+)(${UNIT})(?![\\d%％])`, 'g');
/** A part with its share: 38条，占总数的19.3%; 1362件，占答复总数的44.7% names its base (group 3). */
const SHARE = new RegExp(`(\\d+)(${UNIT})[，,]?(?:约占|占)(?:(答复|受理|办结|收到|办理|申请)(?:总数|总量|数)|总数|总量|全部|比|比例|比重)?的?(?:比例|比重)?(?:为|达)?(\\d+(?:\\.\\d+)?)[%％]`, 'g');
const PART = new RegExp(`(\\d+)(${UNIT})(?![\\d%％])`, 'g');
/** Words before a number that make it a change or comparison, not a part. */
const NOT_PART = /(?:增长|增加|减少|下降|同比|较上年|比上年|上升|多|少|超过|近|约|环比)$/;

/** What separates the parts of a breakdown. */
const PART_SEPARATORS = '、，,；;：:';

/** The kind of count (applicants, channels, results …) the words before a part's number name; undefined when none or several. */
function kindOf(lead: string): string | undefined {
  let found: string | undefined;
  for (const k of BREAKDOWN_KINDS) {
    if (!k.words.some((w) => lead.includes(w))) continue;
    if (found) return undefined;
    found = k.kind;
  }
  return found;
}

interface Total {
  value: number;
  unit: string;
  /** compact index just after the total's unit */
  end: number;
}

/** “(共)N条，其中a条、b条…” (or a later “主要类别为：…”) whose parts exceed N (or miss it when they claim to be complete), and percentages that do not match part/total. */
const rule: Rule = {
  meta: {
    id: 'narrative-sum',
    category: 'prose',
    defaultSeverity: 'error',
    fixable: true,
    description: { zh: '正文中的合计、分项与百分比不一致', en: 'A total, its parts or a percentage in the prose do not agree' },
  },
  check(ctx) {
    for (const { c } of compactProse(ctx.report)) {
      // full-width digits read as ASCII (same length: compact indexes still map to the source)
      const s = asciiDigits(c);
      if (!s.includes('共') && !s.includes('占') && !s.includes('其中') && !s.includes('类别')) continue;
      const totals: Total[] = [];
      TOTAL.lastIndex = 0;
      for (let m = TOTAL.exec(s); m; m = TOTAL.exec(s)) totals.push({ value: Number(m[1]), unit: m[2]!, end: m.index + m[0].length });
      for (const t of totals) checkParts(ctx, c, s, t);
      // a total without 共: the count a 其中 list belongs to (发布政务信息120条，其中…)
      for (let q = s.indexOf('其中'); q >= 0; q = s.indexOf('其中', q + 2)) {
        const owner = countBefore(s, s[q - 1] === '（' || s[q - 1] === '(' ? q - 1 : q);
        if (owner && !totals.some((t) => t.end === owner.end)) checkParts(ctx, c, s, owner);
      }
      checkCategories(ctx, c, s);
      SHARE.lastIndex = 0;
      for (let m = SHARE.exec(s); m; m = SHARE.exec(s)) {
        const part = Number(m[1]);
        // a named base (占答复总数) is the last count of that word; otherwise the count the 其中 list belongs to
        const b = m[3] ? { base: namedBase(s, m[3], m[2]!, m.index), others: [], certain: false } : shareBase(s, totals, m[2]!, m.index, part);
        const t = b.base;
        // a total far back (PDF paragraphs can be whole sections) is about something else
        if (!t || t.value <= 0 || m.index - t.end > 150) continue;
        if (part > t.value) continue;
        const stated = m[4]!;
        const decimals = stated.includes('.') ? stated.length - stated.indexOf('.') - 1 : 0;
        const actual = (part / t.value) * 100;
        const fits = (base: number) => Math.abs(Number(stated) - (part / base) * 100) < 10 ** -decimals - 1e-9;
        // when the base is not certain, the percentage is wrong only if it fits none of the plausible bases
        if (fits(t.value) || b.others.some(fits)) continue;
        const right = actual.toFixed(decimals);
        // the fix keeps the width of the digits as written (Word text often has full-width digits)
        const newText = c.s.charCodeAt(m.index + m[0].length - 2) >= 0xff10 ? right.replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) - 48 + 0xff10)) : right;
        const numStart = m.index + m[0].length - 1 - stated.length;
        const range = srcRange(c, numStart, numStart + stated.length + 1);
        const numRange = srcRange(c, numStart, numStart + stated.length);
        ctx.report_({
          range,
          message: {
            zh: `百分比有误：${part}${m[2]} ÷ ${t.value}${t.unit} = ${right}%，文中写作 ${stated}%`,
            en: `Wrong percentage: ${part} / ${t.value} = ${right}%, the text says ${stated}%`,
          },
          fix: contiguous(c, numStart, numStart + stated.length)
            ? { title: { zh: `改为 ${right}%`, en: `Change to ${right}%` }, edits: [{ range: numRange, newText }], safe: b.certain } // a base found by its word, or one of several counts, may be the wrong one: offered only
            : undefined,
        });
      }
    }
  },
};

const COUNT_BEFORE = new RegExp(`(\\d+)(${UNIT})$`);
const COUNT_IN = new RegExp(`(?<![\\d.])(\\d+)(${UNIT})(?![\\d%％])`, 'g');

/**
 * The base of “a件，占P%” at `at`. Inside a 其中 list it is the count the 其中 belongs to
 * (“已办结125件，其中予以公开5件，占4.0%”), certain when written just before it. Otherwise the
 * nearest 共 total of the sentence (a 。 ends its reach, so does a ； outside a 其中 list), with the
 * sentence's other counts as further plausible bases (“共收到260件，办结257件，予以公开106件，占41.2%”).
 */
function shareBase(s: string, totals: Total[], unit: string, at: number, part: number): { base: Total | undefined; others: number[]; certain: boolean } {
  const sentStart = s.lastIndexOf('。', at - 1) + 1;
  const q = s.lastIndexOf('其中', at);
  if (q >= sentStart) {
    const owner = countBefore(s, q);
    if (owner && owner.unit === unit) {
      const others = countsIn(s, q, at, unit, part);
      return { base: owner, others, certain: !others.length };
    }
  }
  let base: Total | undefined;
  for (const t of totals) {
    if (t.end > at) break;
    if (t.end < sentStart || t.unit !== unit) continue;
    const semi = s.slice(t.end, at).search(/[；;]/);
    if (semi >= 0 && !s.slice(t.end, t.end + semi).includes('其中')) continue;
    base = t;
  }
  if (!base) return { base, others: [], certain: false };
  return { base, others: countsIn(s, sentStart, at, unit, part).filter((v) => v !== base.value), certain: false };
}

/** The count written just before `at` (“125件，”, “194条。”, “129件（含网上申请53件），”). */
function countBefore(s: string, at: number): Total | undefined {
  let k = at;
  while (k > 0 && '，,。：:'.includes(s[k - 1]!)) k--;
  if (s[k - 1] === '）' || s[k - 1] === ')') {
    for (let depth = 0; k > 0 && k > at - 60; ) {
      const ch = s[--k];
      if (ch === '）' || ch === ')') depth++;
      else if ((ch === '（' || ch === '(') && --depth === 0) break;
    }
  }
  const m = COUNT_BEFORE.exec(s.slice(Math.max(0, k - 12), k));
  if (!m) return undefined;
  // “较上年增加20条，其中…”: a change is not what the list breaks down
  const start = k - m[0].length;
  if (NOT_PART.test(s.slice(Math.max(0, start - 4), start))) return undefined;
  return { value: Number(m[1]), unit: m[2]!, end: k };
}

/** Counts of `unit` in [from, to) larger than the part and not themselves parts with a share: other plausible bases. */
function countsIn(s: string, from: number, to: number, unit: string, part: number): number[] {
  const text = s.slice(from, to);
  const out: number[] = [];
  COUNT_IN.lastIndex = 0;
  for (let m = COUNT_IN.exec(text); m; m = COUNT_IN.exec(text)) {
    const end = m.index + m[0].length;
    if (m[2] === unit && Number(m[1]) > part && !/^[，,]?(?:约占|占)/.test(text.slice(end, end + 3))) out.push(Number(m[1]));
  }
  return out;
}

/** “答复3050件” before a share of “答复总数”: the last count of `word` in the 150 characters before `at`. */
function namedBase(s: string, word: string, unit: string, at: number): Total | undefined {
  const from = Math.max(0, at - 150);
  const re = new RegExp(`${word}[^\\d，。；,;（）()]{0,12}?(\\d+)${unit}(?![\\d%％])`, 'g');
  const before = s.slice(from, at);
  let found: Total | undefined;
  for (let m = re.exec(before); m; m = re.exec(before)) found = { value: Number(m[1]), unit, end: from + m.index + m[0].length };
  return found;
}

/** Words that open a breakdown of a total stated in the sentence before (主动公开信息90条。主要类别为：…). */
const CATEGORIES = /(?:主要类别为|按类别分|分类情况为|类别为|分类为)[：:]?/g;

/**
 * A total ending one sentence broken down by category in a later one (“主动公开信息90条。……主要类别为：
 * A10条、B25条、C70条”): the only count of the list's unit in the three sentences before the list,
 * ending its sentence. Sentences, not paragraphs, bound the search: a report flattened onto one
 * line reads the same.
 */
function checkCategories(ctx: Parameters<Rule['check']>[0], c: Compact, s: string) {
  CATEGORIES.lastIndex = 0;
  for (let m = CATEGORIES.exec(s); m; m = CATEGORIES.exec(s)) {
    const listFrom = m.index + m[0].length;
    const first = new RegExp(PART.source).exec(s.slice(listFrom, listFrom + 40));
    if (!first) continue;
    const unit = first[2]!;
    let from = m.index;
    for (let k = 0; k < 4 && from > 0; k++) from = s.lastIndexOf('。', from - 2) + 1;
    const counts = [...s.slice(from, m.index).matchAll(COUNT_IN)].filter((x) => x[2] === unit);
    if (counts.length !== 1) continue;
    const at = from + counts[0]!.index;
    const end = at + counts[0]![0].length;
    if (s[end] !== '。' || NOT_PART.test(s.slice(Math.max(0, at - 4), at))) continue;
    checkParts(ctx, c, s, { value: Number(counts[0]![1]), unit, end }, listFrom, false);
  }
}

/**
 * The parts of the list after a total: from `listFrom` when given (a breakdown in a later
 * sentence), else from the 其中 right after the total. `complete`: a list with 其他/其余 claims to
 * be all of the total (only for a 其中 right after it).
 */
function checkParts(ctx: Parameters<Rule['check']>[0], c: Compact, s: string, t: Total, listFrom?: number, complete = true) {
  let i = t.end;
  if (s[i] === '，' || s[i] === '。' || s[i] === ',' || s[i] === '（' || s[i] === '(') i++;
  if (listFrom === undefined && !s.startsWith('其中', i)) return;
  const from = listFrom ?? i + 2;
  let to = s.indexOf('。', from);
  if (to < 0) to = s.length;
  for (const stop of ['其中', '共']) {
    const k = s.indexOf(stop, from);
    if (k >= 0 && k < to) to = k;
  }
  // “N件（其中a件、b件），答复M件”: the breakdown ends with its parenthesis
  if (s[t.end] === '（' || s[t.end] === '(') {
    for (let k = from, depth = 0; k < to; k++) {
      if (s[k] === '（' || s[k] === '(') depth++;
      else if ((s[k] === '）' || s[k] === ')') && depth-- === 0) {
        to = k;
        break;
      }
    }
  }
  // a parenthesis inside the breakdown is a sub-breakdown (“600条（含图片新闻100条）”), not a part
  const body = s.slice(from, to).replace(/（[^（）]*）|\([^()]*\)/g, '；');
  PART.lastIndex = 0;
  const parts: number[] = [];
  let sum = 0;
  let kind: string | undefined;
  let prevEnd = 0;
  for (let m = PART.exec(body); m; m = PART.exec(body)) {
    if (m[2] !== t.unit) continue;
    if (NOT_PART.test(body.slice(Math.max(0, m.index - 4), m.index))) return; // a comparison: not a breakdown
    // the part's own words: back to the separator before it
    let k = m.index;
    while (k > prevEnd && !PART_SEPARATORS.includes(body[k - 1]!)) k--;
    prevEnd = m.index + m[0].length;
    const partKind = kindOf(body.slice(k, m.index));
    if (!parts.length) kind = partKind;
    // “其中自然人申请3001件，答复3050件”: a count of another kind is a new statement, not a part
    else if (kind && partKind && partKind !== kind) break;
    parts.push(Number(m[1]));
    sum += Number(m[1]);
    if (sum === t.value) return; // the breakdown adds up (anything after is another breakdown)
  }
  if (parts.length < 2) return;
  if (sum < t.value && !(complete && /其他|其余|剩余/.test(body))) return;
  const range = srcRange(c, t.end - String(t.value).length - t.unit.length, to);
  ctx.report_({
    range,
    message: {
      zh: `分项之和 ${parts.join('+')} = ${sum}${t.unit}，与总数 ${t.value}${t.unit} 不符`,
      en: `The parts ${parts.join('+')} = ${sum} do not add up to the total ${t.value}`,
    },
  });
}
export default rule;
