import type { Cell, Range, Report } from '../../model';
import type { Msg, Rule, RuleContext } from '../../rule';
import { asciiDigits, chineseNumber, compactProse, srcRange } from './text';

/**
 * Numbers in the prose compared with 表三 / 表四. One pass per paragraph: a single anchor regex
 * finds the key words (受理, 结转, 行政复议, 维持 …); each anchor is then read with a short sticky
 * pattern at that position (or a look-back over a few characters for “103件顺延到下年度”).
 */

/** A table quantity the prose can state, and the cells it comes from. */
interface Quantity {
  value: number;
  /** Other values that count as agreeing (the sum of the parts when the table's own total is off: the table rules report that). */
  accept: number[];
  cells: { cell: Cell; label: Msg }[];
  where: Msg;
}

const value = (c: Cell | undefined): number | undefined => (c && c.kind === 'number' && c.value !== null ? c.value : undefined);

const T3_LABELS: Record<string, string> = {
  一: '一、本年新收政府信息公开申请数量',
  二: '二、上年结转政府信息公开申请数量',
  '三.1': '（一）予以公开',
  '三.2': '（二）部分公开',
  '三.3': '（三）不予公开',
  '三.4': '（四）无法提供',
  '三.5': '（五）不予处理',
  '三.6': '（六）其他处理',
  '三.7': '（七）总计',
  四: '四、结转下年度继续办理',
};

/** 表三 总计 of one row (`一`), or of a group of rows (`三.3` = 三.3.1 … 三.3.8); several keys are added up. */
function t3(r: Report, keys: string[]): Quantity | undefined {
  const t = r.table3;
  if (!t) return undefined;
  let total = 0;
  let parts: number | undefined = 0;
  const cells: Quantity['cells'] = [];
  for (const key of keys) {
    const rows = t.rows.filter((row) => row.key === key || row.key.startsWith(`${key}.`));
    if (!rows.length) return undefined;
    for (const row of rows) {
      const v = value(row.cells[6]);
      if (v === undefined) return undefined;
      total += v;
      const ps = row.cells.slice(0, 6).map(value);
      parts = parts !== undefined && ps.every((x) => x !== undefined) ? parts + ps.reduce((a, b) => a! + b!, 0)! : undefined;
      const label = rows.length > 1 ? `${T3_LABELS[key]} ${row.label.standard}` : T3_LABELS[key]!;
      const total_ = label.endsWith('总计') ? '' : '总计';
      cells.push({ cell: row.cells[6]!, label: { zh: `表三“${label}”${total_}`, en: `table 3 “${label}”${total_ ? ' total' : ''}` } });
    }
  }
  const names = keys.map((k) => `“${T3_LABELS[k]}”`);
  const many = keys.length > 1 || cells.length > 1;
  return {
    value: total,
    accept: parts !== undefined && parts !== total ? [total, parts] : [total],
    cells,
    where: many
      ? { zh: `表三${names.join('与')}${cells.length > keys.length ? '各项' : ''}总计之和`, en: `the sum of table 3 ${names.join(' + ')} totals` }
      : cells[0]!.label,
  };
}

const COL_LABELS = ['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他'];

/** 表三 row `key`, the given applicant columns added up. */
function t3Cols(r: Report, key: string, cols: number[], label: string): Quantity | undefined {
  const row = r.table3?.rows.find((x) => x.key === key);
  if (!row) return undefined;
  let total = 0;
  const cells: Quantity['cells'] = [];
  for (const k of cols) {
    const v = value(row.cells[k]);
    if (v === undefined) return undefined;
    total += v;
    cells.push({ cell: row.cells[k]!, label: { zh: `表三“${T3_LABELS[key]}”${COL_LABELS[k]}`, en: `table 3 “${T3_LABELS[key]}” ${COL_LABELS[k]}` } });
  }
  const where = cols.length > 1 ? { zh: `表三“${T3_LABELS[key]}”${label}各列之和`, en: `table 3 “${T3_LABELS[key]}” ${label} columns` } : cells[0]!.label;
  return { value: total, accept: [total], cells, where };
}

const GROUPS: Msg[] = [
  { zh: '行政复议', en: 'reviews' },
  { zh: '未经复议直接起诉', en: 'lawsuits without review' },
  { zh: '复议后起诉', en: 'lawsuits after review' },
];
const COLS: Msg[] = [
  { zh: '结果维持', en: 'upheld' },
  { zh: '结果纠正', en: 'corrected' },
  { zh: '其他结果', en: 'with other results' },
  { zh: '尚未审结', en: 'pending' },
  { zh: '总计', en: 'total' },
];
/** “行政复议、行政诉讼” for groups [0, 1, 2]. */
const groupNames = (groups: number[]): Msg => {
  const names = groups.includes(1) && groups.includes(2) ? [...(groups.includes(0) ? [GROUPS[0]!] : []), { zh: '行政诉讼', en: 'lawsuits' }] : groups.map((g) => GROUPS[g]!);
  return { zh: names.map((n) => n.zh).join('、'), en: names.map((n) => n.en).join(' and ') };
};
const COL_EN = ['upheld', 'corrected', 'other result', 'pending', 'total'];
const cellName = (g: number, col: number): Msg => ({ zh: `“${GROUPS[g]!.zh}·${COLS[col]!.zh}”`, en: `“${GROUPS[g]!.en} · ${COL_EN[col]}”` });

/** 表四 column `col` (0 维持 … 4 总计) added over `groups` (0 复议, 1 直接起诉, 2 复议后起诉). */
function t4(r: Report, groups: number[], col: number): Quantity | undefined {
  const t = r.table4;
  if (!t) return undefined;
  let total = 0;
  let parts: number | undefined = 0;
  const cells: Quantity['cells'] = [];
  for (const g of groups) {
    const cell = t.cells[g * 5 + col];
    const v = value(cell);
    if (v === undefined) return undefined;
    total += v;
    if (col === 4) {
      const ps = [0, 1, 2, 3].map((k) => value(t.cells[g * 5 + k]));
      parts = parts !== undefined && ps.every((x) => x !== undefined) ? parts + ps.reduce((a, b) => a! + b!, 0)! : undefined;
    }
    const name = cellName(g, col);
    cells.push({ cell: cell!, label: { zh: `表四${name.zh}`, en: `table 4 ${name.en}` } });
  }
  const names = groups.map((g) => cellName(g, col));
  return {
    value: total,
    accept: col === 4 && parts !== undefined && parts !== total ? [total, parts] : [total],
    cells,
    where: groups.length > 1 ? { zh: `表四${names.map((n) => n.zh).join('与')}之和`, en: `table 4 ${names.map((n) => n.en).join(' + ')}` } : { zh: `表四${names[0]!.zh}`, en: `table 4 ${names[0]!.en}` },
  };
}

const N = '(\\d{1,3}(?:,\\d{3})+|\\d+|[〇零一二两三四五六七八九十百千]+)';
const sticky = (src: string) => new RegExp(src, 'y');
/** An approximate count (近100件, 约100件, 超过100件, 100余件): `approx` before the number, `more` after it. */
const COUNT_TAIL = `(?:共|共计|合计|总计|计|为|达)?(?<approx>近|约|超过|逾)?(?<n>${N})(?<more>余|多)?`;

const ANCHOR =
  /未收到|没有收到|未接到|没有接到|未受理|无政府信息公开申请|无依申请公开|均已办结|均已全部办结|已全部办结|全部办结|均办结|无结转|没有结转|无需结转|无上年|无上一年|没有上年|受理|收到|接收|接到|新收|办理|办结|答复|结转|顺延|予以公开|部分公开|不予公开|无法提供|不予处理|其他处理|行政复议|行政诉讼|起诉|维持|纠正|其他结果|审结|自然人|法人或其他组织|法人和其他组织/g;

// (“收到依申请公开件 N 件”: 件 as the noun)
const RECEIVED = sticky(`(?:受理|收到|接收|接到|新收)了?(?:各类|群众|公众|社会公众)?(?:提出|提交)?的?(?:政府信息公开|依申请公开|信息公开)?的?(?:申请件|申请|件)?(?:数量|数)?${COUNT_TAIL}件`);
const HANDLED = sticky(`办理了?(?:各类)?(?:政府信息公开|依申请公开|信息公开)的?(?:申请)?(?:事项)?${COUNT_TAIL}件`);
const DONE = sticky(`(?:办结|答复)了?(?:各类)?(?:政府信息公开|依申请公开|信息公开)?的?(?:申请)?${COUNT_TAIL}件`);
const CARRIED_IN = sticky(`结转的?(?:政府信息公开)?(?:申请)?${COUNT_TAIL}件`);
/** 下年度, or the year after the report's (“结转至2025年”): group 1 is that year. */
const NEXT_YEAR = '(?:下一?年|(\\d{4})年)';
const CARRIED_OUT = sticky(`结转(?:至|到)?${NEXT_YEAR}度?(?:继续)?(?:办理)?的?(?:申请)?${COUNT_TAIL}件`);
const TO_NEXT_YEAR = sticky(`(?:结转|顺延)(?:至|到)?${NEXT_YEAR}`);
const NUM_BEFORE = new RegExp(`${N}件(?:申请)?(?:需|将|已|被|均)?$`);
const CATEGORY = sticky(`(?:予以公开|部分公开|不予公开|无法提供|不予处理|其他处理)(?:的)?(?:申请)?${COUNT_TAIL}件`);
const PUBLIC_BOTH = sticky(`予以公开(?:和|及|与|、)部分公开的?${COUNT_TAIL}件`);
const APPLICANT = sticky(`(?:自然人|法人或其他组织|法人和其他组织)(?:提出|提交)?的?(?:政府信息公开)?(?:申请)?${COUNT_TAIL}件`);
const CATEGORY_KEY: Record<string, string> = { 予以公开: '三.1', 部分公开: '三.2', 不予公开: '三.3', 无法提供: '三.4', 不予处理: '三.5', 其他处理: '三.6' };
/** “无上年结转申请” (表三 二) or “无结转下年度的申请” / “无需结转至下一年度” (表三 四); a bare 无结转 says neither. */
const NO_CARRY = sticky('(?:无|没有|无需)(?:(?<last>上一?年度?)结转(?:的|过来的)?(?:政府信息公开)?申请|(?:需要)?结转(?:至|到)?下一?年度?(?:继续办理)?的?(?:政府信息公开)?(?:申请|事项)?)');
const NONE_APPLICATIONS = sticky('(?:未收到|没有收到|未接到|没有接到|未受理)[^，。；,;]{0,8}?(?:政府信息公开|依申请公开|公开政府信息)的?(?:申请|信息)|无(?:政府信息公开|依申请公开)的?(?:申请|事项)');
const REVIEW_AND_SUIT = sticky(`行政复议(?:案件)?(?:和|、|及|与|或)(?:提起)?行政诉讼(?:案件)?(均为|均|各|都为|都是|均是)?${COUNT_TAIL}(?:件|起|宗)`);
const REVIEW = sticky(`行政复议(?:案件|申请)?${COUNT_TAIL}(?:件|起|宗|次)`);
const SUIT = sticky(`行政诉讼(?:案件)?${COUNT_TAIL}(?:件|起|宗|次)`);
const SUE = sticky(`起诉的?(?:案件)?${COUNT_TAIL}(?:件|起|宗)`);
/** Before 行政复议 / 行政诉讼: a statement that there were none. */
const NONE_BEFORE = /(?:未发生|没有发生|未收到|没有收到|未出现|未产生|未有|没有|无)(?:因|涉及)?(?:政府信息公开|信息公开)?(?:工作)?(?:而|引发的?|引起的?|方面的?|相关的?)?(?:被申请|被提起|被|提起|申请)?(?:行政复议(?:案件)?(?:、|和|及|或|与)(?:提起)?)?$/;
const OUTCOME = sticky(`(?:维持|纠正|其他结果|审结)(?:原行政行为|原具体行政行为|原决定|原复议决定)?的?${COUNT_TAIL}(?:件|起|宗)`);
const OUTCOME_NUM_BEFORE = new RegExp(`${N}(?:件|起|宗)(?:案件)?(?:结果)?(?:为|被|予以|获|已|已被|得到)?$`);
const ALL_UPHELD_BEFORE = /(?:均|全部|都|皆)(?:获|被|予以|得到|已|为|是)?(?:结果)?$/;
const NONE_CORRECTED_BEFORE = /(?:均未|均没有|未|没有|无)被?$/;

/** Words before a number, in its clause, that make it a subset, another body or another year. */
const SUBSET = /其中|通过|网上|网络|当面|信函|传真|邮寄|电子邮件/;
const OTHER = /上年|去年|上一年|同期|同比|较|乡镇|各部门|部门|单位|镇|街道|累计|各县|县区|区县|各区|各地|各级|市级|县级|区级|本级/;
const SELF = /[本我](?:部门|单位)/g;
/** Words before a number that make it a part of the year's count: a time span narrower than the year, 按期/延期 answers. */
const PART_OF = /季度|半年|[上中下]旬|\d{1,2}(?:月?[—–\-~～至到]\d{1,2})?月|[一二三四五六七八九十]{1,3}(?:月?[—–\-~～至到][一二三四五六七八九十]{1,3})?月|按期|按时|如期|延期|逾期|超期/;
/** Dates that do not narrow the year (“1—12月”, “截至12月31日”, “12月底”). */
const WHOLE_YEAR = /(?<![\d一二三四五六七八九十])(?:1|一)月?[—–\-~～至到](?:12|十二)月|(?:12|十二)月(?:\d{1,2}日|[三]?[十]?[一]?日|底|末)/g;
/** “其中涉及政府信息公开的…”, “其中政府信息公开类…”: the information-disclosure subset of a wider count. */
const DISCLOSURE_SUBSET = /其中[，,]?(?:涉及|属于|有关|关于|因|为|是)?(?:政府)?信息公开/;
const CATEGORY_WORDS = /予以公开|部分公开|不予|无法提供|告知|补正/;

/** Nouns after “N件” that make it a count of something other than information requests. */
const OTHER_NOUN = /^的?(?:行政|复议|诉讼|投诉|举报|建议|提案|议案|信访|来信|来电|咨询|留言|工单|诉求|网民|热线|事项|工作)/;

const approxOf = (m: RegExpExecArray): Claim['approx'] => (m.groups?.approx || m.groups?.more ? { before: m.groups.approx, after: m.groups.more } : undefined);

/**
 * Whether table value `v` fits an approximate count: 100余件 is 100 up to the next step of its
 * last non-zero digit (200; 35余件: up to 45), 近100 is at most 100 and more than half of it, 约100
 * within half of it either way, 超过/逾100 more than 100. Generous: only a clear contradiction is one.
 */
function fitsApprox(n: number, a: NonNullable<Claim['approx']>, v: number): boolean {
  const step = 10 ** Math.max(1, /0*$/.exec(String(n))![0].length);
  if (a.after) return v >= n && v <= n + step;
  if (a.before === '近') return v <= n && v > n / 2;
  if (a.before === '约') return v >= n / 2 && v <= n * 1.5;
  return v >= n; // 超过, 逾
}

const toNumber = (s: string): number | undefined => (/^[\d,]+$/.test(s) ? Number(s.replace(/,/g, '')) : chineseNumber(s));

/** Clause start (after ，。；：) before index i, not before `floor`. */
function clauseStart(s: string, i: number, floor: number): number {
  for (let k = i - 1; k >= floor && k > i - 60; k--) if ('，。；：,;:（）()'.includes(s[k]!)) return k + 1;
  return Math.max(floor, i - 60);
}

/** Groups of 表四 a sentence is talking about at `i`: the last mention of 复议 or 诉讼/起诉 before it (all mentions when `all`). */
function subject(s: string, from: number, i: number, all: boolean): number[] | undefined {
  const text = s.slice(from, i);
  let review = -1;
  for (let k = text.indexOf('复议'); k >= 0; k = text.indexOf('复议', k + 2)) if (text[k + 2] !== '后') review = k;
  const suit = Math.max(text.lastIndexOf('诉讼'), text.lastIndexOf('起诉'));
  if (review < 0 && suit < 0) return undefined;
  const before = suit >= 0 ? text.slice(Math.max(0, suit - 5), suit) : '';
  const suits = /复议后/.test(before) ? [2] : /直接/.test(before) ? [1] : [1, 2];
  if (all) return [...(review >= 0 ? [0] : []), ...(suit >= 0 ? suits : [])];
  return suit > review ? suits : [0];
}

/**
 * Whether an outcome at `i` (尚未审结4件) is clearly about the last group named before it: named in
 * its own clause, or a 其中 follows that mention, or the sentence names one group only. In
 * “行政诉讼9件，其中直接起诉6件，经复议后起诉3件，尚未审结4件” it may be about all lawsuits.
 */
function clearSubject(s: string, from: number, i: number): boolean {
  if (/复议|诉讼|起诉/.test(s.slice(clauseStart(s, i, from), i))) return true;
  const text = s.slice(from, i);
  const kinds = new Set<string>();
  let last = -1;
  for (const m of text.matchAll(/(?:未经|不经)?复议直接起诉|直接(?:提起)?(?:起诉|行政诉讼)|复议后(?:提起)?(?:起诉|行政诉讼)|复议|诉讼|起诉/g)) {
    kinds.add(/直接/.test(m[0]) ? 'direct' : /后/.test(m[0]) ? 'after' : m[0] === '复议' ? 'review' : 'suit');
    last = m.index + m[0].length;
  }
  return kinds.size <= 1 || text.slice(last).includes('其中');
}

interface Claim {
  /** Compact index range to report. */
  i: number;
  j: number;
  /** Where the claim's words begin (for the qualifier check). */
  from: number;
  /** The stated count, or undefined for “none” / “all upheld”. */
  stated?: number;
  unit?: string;
  what: Msg;
  q: Quantity | undefined;
  /** Further values that agree. */
  accept?: number[];
  kind: 'count' | 'none' | 'upheld' | 'uncorrected';
  /** Qualifiers to ignore: subsets (其中 …) are fine for breakdowns. */
  subsetOk?: boolean;
  /** The second half of “行政复议和行政诉讼均为0件”: reported even on the same number. */
  pair?: boolean;
  /** An approximate count: 近, 约, 超过/逾 before the number, or 余/多 after it. */
  approx?: { before?: string; after?: string };
  /** Compact index after the whole claim (the anchor scan resumes there). */
  end: number;
}

/** Numbers in the prose that contradict 表三 / 表四. */
const rule: Rule = {
  meta: {
    id: 'narrative-table-mismatch',
    category: 'prose',
    defaultSeverity: 'error',
    fixable: false,
    description: { zh: '正文数字与表格不一致（如正文称受理申请17件，表三本年新收总计95件）', en: 'A number in the prose contradicts a table (e.g. 17 applications in the text, 95 in table 3)' },
  },
  check(ctx) {
    const { report } = ctx;
    if (!report.table3 && !report.table4) return;
    const cache = new Map<string, Quantity | undefined>();
    const q = (key: string, make: () => Quantity | undefined) => {
      if (!cache.has(key)) cache.set(key, make());
      return cache.get(key);
    };
    const year = report.year?.value;
    for (const { p, c } of compactProse(report)) {
      const section = p.section;
      const s = asciiDigits(c);
      if (!hasAnchorChar(s)) continue;
      const taken: Range[] = [];
      // the sentence around the anchor, found lazily (anchors come in order: linear overall)
      let sent: Range = { start: 0, end: 0 };
      let nextJian = -1;
      ANCHOR.lastIndex = 0;
      for (let m = ANCHOR.exec(s); m; m = ANCHOR.exec(s)) {
        if (m.index >= sent.end) {
          let start = m.index;
          while (start > sent.end && !isStop(s.charCodeAt(start - 1))) start--;
          let end = m.index;
          while (end < s.length && !isStop(s.charCodeAt(end))) end++;
          sent = { start, end: Math.min(s.length, end + 1) };
        }
        if (COUNT_ONLY.has(m[0])) {
          // these anchors only start “… N件”: skip them unless a 件 follows closely (a monotone pointer: linear)
          if (nextJian < m.index) nextJian = s.indexOf('件', m.index) >>> 0;
          if (nextJian - m.index > 40) continue;
        }
        const claims = read(s, m.index, m[0], sent, report, q);
        for (const claim of claims) {
          if (claim.end > ANCHOR.lastIndex) ANCHOR.lastIndex = claim.end;
          if (!claim.q) continue;
          // the sentence must be about information requests: a government's report also counts all its
          // 行政复议 cases, 12345 hotline tickets … (section 四 is about them by definition)
          // (the sentence, and the one before it, up to 60 characters back)
          // — not past a sub-heading （五）监督保障情况)
          let about = s.slice(Math.max(0, Math.min(sent.start, claim.from - 60)), Math.min(sent.end, claim.end + 12));
          const sub = about.search(/[（(][一二三四五六七八九十][）)][^（(]*$/);
          if (sub > 0) about = about.slice(sub);
          if (T4_WORDS.has(m[0]) ? section !== 4 && !/信息公开|依申请/.test(about) : GENERIC_WORDS.has(m[0]) && !/申请|信息公开/.test(about)) continue;
          // (本单位, 我部门 are the agency itself)
          const lead = s.slice(clauseStart(s, claim.from, sent.start), claim.from).replace(SELF, '');
          // (“其中涉及政府信息公开的行政复议14件” is 表四's own count)
          const subsetOk = claim.subsetOk || (T4_WORDS.has(m[0]) && DISCLOSURE_SUBSET.test(lead));
          if (OTHER.test(lead) || (!subsetOk && SUBSET.test(lead)) || PART_OF.test(lead.replace(WHOLE_YEAR, ''))) continue;
          const yearBefore = lastYear(s.slice(sent.start, claim.from));
          if (year !== undefined && yearBefore !== undefined && yearBefore !== year) continue;
          // “共收到行政复议 200 件，其中涉及政府信息公开的 3 件”: the first number is not ours
          if (claim.kind === 'count' && /^[^。；]{0,6}其中[^。；]{0,12}(?:政府信息公开|信息公开)/.test(s.slice(claim.end, sent.end))) continue;
          // … nor when the subset comes later in the sentence (“复议案件共86件，诉讼案件共42件；其中涉及政府信息公开的…”)
          if (claim.kind === 'count' && DISCLOSURE_SUBSET.test(s.slice(claim.end, sent.end))) continue;
          // “市政府本级…812件，全市…3119件”: a sentence with the agency's own figure and a wider one;
          // the 本级 figure is not compared, and the other agrees when the table has the 本级 one
          if (claim.kind === 'count' && s.slice(sent.start, sent.end).includes('本级') && new RegExp(`(?<!\\d)${claim.q.value}件`).test(s.slice(sent.start, sent.end))) continue;
          const range = srcRange(c, claim.i, claim.j);
          if (!claim.pair && taken.some((r) => r.start < range.end && range.start < r.end)) continue;
          if (report_(ctx, claim, range)) taken.push(range);
        }
      }
    }
  },
};

/** Anchors that only begin a forward count (“受理…N件”). */
const COUNT_ONLY = new Set(['受理', '收到', '接收', '接到', '新收', '办理', '办结', '答复', '予以公开', '部分公开', '不予公开', '无法提供', '不予处理', '其他处理', '自然人', '法人或其他组织', '法人和其他组织']);

/** Anchors whose claims are about 表四. */
const T4_WORDS = new Set(['行政复议', '行政诉讼', '起诉', '维持', '纠正', '其他结果', '审结']);

/** Anchors that also count other things (hotline tickets, letters): the sentence must name requests. */
const GENERIC_WORDS = new Set(['受理', '收到', '接收', '接到', '新收', '办结', '答复', '均已办结', '均已全部办结', '已全部办结', '全部办结', '均办结', '无结转', '没有结转', '无需结转']);

/** 。！？ */
const isStop = (ch: number) => ch === 0x3002 || ch === 0xff01 || ch === 0xff1f;

/** Cheap test before the anchor regex: paragraphs without these characters say nothing we check. */
function hasAnchorChar(s: string): boolean {
  return /[理收结复诉持正转延公提处]/.test(s);
}

function lastYear(s: string): number | undefined {
  let y: number | undefined;
  for (let k = s.indexOf('年'); k >= 0; k = s.indexOf('年', k + 1)) {
    if (k >= 4 && /^(?:19|20)\d\d$/.test(s.slice(k - 4, k)) && !/\d/.test(s[k - 5] ?? '')) y = Number(s.slice(k - 4, k));
  }
  return y;
}

type Q = (key: string, make: () => Quantity | undefined) => Quantity | undefined;

/** A count read with the sticky pattern `re` at `from` (the anchor at `at`). */
function count(s: string, at: number, re: RegExp, from: number, what: Msg, quantity: Quantity | undefined, extra?: Partial<Claim>): Claim[] {
  re.lastIndex = from;
  const m = re.exec(s);
  if (!m) return NONE;
  const raw = m.groups?.n ?? m[m.length - 1]!;
  const stated = toNumber(raw);
  if (stated === undefined) return NONE;
  const end = m.index + m[0].length;
  // “收到2件行政复议申请”, “答复500件网民留言”: the count is of something else
  if (OTHER_NOUN.test(s.slice(end, end + 4))) return NONE;
  const i = m.index + m[0].lastIndexOf(raw);
  const claim: Claim = { i, j: i + raw.length, from: at, stated, unit: s[end - 1], what, q: quantity, kind: 'count', end, approx: approxOf(m) };
  return [extra ? Object.assign(claim, extra) : claim];
}

const NONE: Claim[] = [];

/** Up to 12 characters before k, within the sentence. */
const before = (s: string, sent: Range, k: number) => s.slice(Math.max(sent.start, k - 12), k);

/** The claims an anchor starts (usually none or one). */
function read(s: string, at: number, word: string, sent: Range, r: Report, q: Q): Claim[] {
  switch (word) {
    case '受理':
    case '收到':
    case '接收':
    case '接到':
    case '新收': {
      if (/不予$|未$/.test(s.slice(at - 2, at))) return [];
      const new_ = q('一', () => t3(r, ['一']));
      const sentence = s.slice(sent.start, sent.end);
      const withCarried = /结转|上年/.test(sentence) ? q('一+二', () => t3(r, ['一', '二'])) : undefined;
      return count(s, at, RECEIVED, at, { zh: '受理（收到）申请', en: 'applications received' }, new_, { accept: withCarried ? [withCarried.value] : [] });
    }
    case '办理': {
      const all = [q('一+二', () => t3(r, ['一', '二'])), q('三.7', () => t3(r, ['三.7']))].filter((x) => x).map((x) => x!.value);
      return count(s, at, HANDLED, at, { zh: '办理申请', en: 'applications handled' }, q('一', () => t3(r, ['一'])), { accept: all });
    }
    case '办结':
    case '答复': {
      if (CATEGORY_WORDS.test(s.slice(clauseStart(s, at, sent.start), at))) return [];
      const received = word === '答复' ? q('一', () => t3(r, ['一'])) : undefined;
      return count(s, at, DONE, at, word === '办结' ? { zh: '办结申请', en: 'applications completed' } : { zh: '答复申请', en: 'applications answered' }, q('三.7', () => t3(r, ['三.7'])), { accept: received ? [received.value] : [] });
    }
    case '结转':
    case '顺延': {
      if (word === '结转' && /(?:上年度?|上一年度?|去年)$/.test(s.slice(Math.max(0, at - 4), at))) {
        const from = at - (s.slice(at - 3, at) === '上年度' ? 3 : s.slice(at - 4, at) === '上一年度' ? 4 : 2);
        return count(s, at, CARRIED_IN, at, { zh: '上年结转申请', en: 'applications carried over from last year' }, q('二', () => t3(r, ['二'])), { from });
      }
      const what = { zh: '结转下年度申请', en: 'applications carried over to next year' };
      const out = q('四', () => t3(r, ['四']));
      // a year written out must be the one after the report's
      const nextYear = (y: string | undefined) => y === undefined || (r.year !== undefined && Number(y) === r.year.value + 1);
      if (word === '结转') {
        CARRIED_OUT.lastIndex = at;
        const forward = nextYear(CARRIED_OUT.exec(s)?.[1]) ? count(s, at, CARRIED_OUT, at, what, out) : NONE;
        if (forward.length) return forward;
      }
      TO_NEXT_YEAR.lastIndex = at;
      const m = TO_NEXT_YEAR.exec(s);
      if (!m || !nextYear(m[1])) return [];
      const b = before(s, sent, at);
      const n = NUM_BEFORE.exec(b);
      if (!n) return [];
      const stated = toNumber(n[1]!);
      if (stated === undefined) return [];
      const i = at - b.length + n.index;
      return [{ i, j: i + n[1]!.length, from: i, stated, unit: '件', what, q: out, kind: 'count', end: at + m[0].length }];
    }
    case '自然人':
    case '法人或其他组织':
    case '法人和其他组织': {
      // “其中自然人申请90件，法人或其他组织申请5件”: the applicants of 本年新收
      const natural = word === '自然人';
      const key = natural ? '一/自然人' : '一/法人';
      const label = natural ? '自然人' : '法人或其他组织';
      return count(s, at, APPLICANT, at, natural ? { zh: '自然人申请', en: 'applications from natural persons' } : { zh: '法人或其他组织申请', en: 'applications from organisations' }, q(key, () => t3Cols(r, '一', natural ? [0] : [1, 2, 3, 4, 5], label)), { subsetOk: true });
    }
    case '予以公开':
    case '部分公开':
    case '不予公开':
    case '无法提供':
    case '不予处理':
    case '其他处理': {
      if (word === '予以公开') {
        const both = count(s, at, PUBLIC_BOTH, at, { zh: '予以公开和部分公开', en: 'disclosed in full or in part' }, q('三.1+三.2', () => t3(r, ['三.1', '三.2'])), { subsetOk: true });
        if (both.length) return both;
        if (s[at - 1] === '不') return [];
      }
      // “予以公开、部分公开 N 件”: a joint count
      if (/(?:公开|提供|处理)[和及与、]$/.test(s.slice(Math.max(0, at - 3), at)) && !/\d件[和及与、]$/.test(s.slice(Math.max(0, at - 3), at))) return [];
      const key = CATEGORY_KEY[word]!;
      return count(s, at, CATEGORY, at, { zh: word, en: `“${word}”` }, q(key, () => t3(r, [key])), { subsetOk: true });
    }
    case '未收到':
    case '没有收到':
    case '未接到':
    case '没有接到':
    case '未受理':
    case '无政府信息公开申请':
    case '无依申请公开': {
      NONE_APPLICATIONS.lastIndex = at;
      const m = NONE_APPLICATIONS.exec(s);
      if (!m) {
        // 未收到行政复议 …: read by the 行政复议 anchor
        return [];
      }
      const new_ = q('一', () => t3(r, ['一']));
      return [{ i: at, j: at + m[0].length, from: at, what: { zh: '未收到政府信息公开申请', en: 'no applications were received' }, q: new_, kind: 'none', end: at + m[0].length }];
    }
    case '均已办结':
    case '均已全部办结':
    case '已全部办结':
    case '全部办结':
    case '均办结': {
      // “除3件结转下年度外，其余均已办结”: the rest, not all
      if (/其余|其他|剩余|除|外/.test(s.slice(clauseStart(s, at, sent.start), at))) return [];
      // its own sentence names the requests (工单、建议提案 are also 办结) and no carried-over ones
      const sentence = s.slice(sent.start, sent.end);
      if (!/申请/.test(sentence) || /结转|顺延|下年/.test(sentence)) return [];
      const end = at + word.length;
      return [{ i: at, j: end, from: at, what: { zh: '申请均已办结', en: 'all applications were completed' }, q: q('四', () => t3(r, ['四'])), kind: 'none', end }];
    }
    case '无结转':
    case '没有结转':
    case '无需结转':
    case '无上年':
    case '无上一年':
    case '没有上年': {
      NO_CARRY.lastIndex = at;
      const m = NO_CARRY.exec(s);
      if (!m) return [];
      const lastYear = !!m.groups!.last;
      const end = at + m[0].length;
      return [
        lastYear
          ? { i: at, j: end, from: at, what: { zh: '无上年结转申请', en: 'no applications were carried over from last year' }, q: q('二', () => t3(r, ['二'])), kind: 'none', end }
          : { i: at, j: end, from: at, what: { zh: '无结转下年度的申请', en: 'no applications are carried over to next year' }, q: q('四', () => t3(r, ['四'])), kind: 'none', end },
      ];
    }
    case '行政复议': {
      const what = { zh: '行政复议', en: 'reviews' };
      const suitWhat = { zh: '行政诉讼', en: 'lawsuits' };
      REVIEW_AND_SUIT.lastIndex = at;
      const both = REVIEW_AND_SUIT.exec(s);
      if (both) {
        const raw = both.groups!.n!;
        const stated = toNumber(raw);
        if (stated === undefined) return [];
        const end = both.index + both[0].length;
        const j = end - 1;
        const i = both.index + both[0].lastIndexOf(raw);
        const base = { i, j: i + raw.length, from: at, stated, unit: s[j], kind: 'count' as const, end, approx: approxOf(both) };
        if (both[1] || stated === 0) return [{ ...base, what, q: q('r', () => t4(r, [0], 4)) }, { ...base, what: suitWhat, q: q('s', () => t4(r, [1, 2], 4)), pair: true }];
        return [{ ...base, what: { zh: '行政复议和行政诉讼', en: 'reviews and lawsuits' }, q: q('rs', () => t4(r, [0, 1, 2], 4)) }];
      }
      const none = noneBefore(s, at, sent, '行政复议', what, q('r', () => t4(r, [0], 4)));
      if (none) return none;
      if (s[at - 1] === '后') return [];
      return count(s, at, REVIEW, at, what, q('r', () => t4(r, [0], 4)));
    }
    case '行政诉讼': {
      const b = s.slice(Math.max(sent.start, at - 5), at);
      const groups = /复议后(?:提起)?$/.test(b) ? [2] : /直接(?:提起)?$/.test(b) ? [1] : [1, 2];
      const what = groups.length === 2 ? { zh: '行政诉讼', en: 'lawsuits' } : GROUPS[groups[0]!]!;
      const quantity = q(`s${groups.join('')}`, () => t4(r, groups, 4));
      const none = noneBefore(s, at, sent, '行政诉讼', what, quantity);
      if (none) return none;
      return count(s, at, SUIT, at, what, quantity);
    }
    case '起诉': {
      const b = s.slice(Math.max(sent.start, at - 4), at);
      const g = /复议后$/.test(b) ? 2 : /直接$/.test(b) ? 1 : -1;
      if (g < 0) return [];
      return count(s, at, SUE, at, GROUPS[g]!, q(`s${g}`, () => t4(r, [g], 4)));
    }
    case '维持':
    case '纠正':
    case '其他结果':
    case '审结': {
      let from = at;
      if (word === '审结') {
        if (s.slice(at - 2, at) === '尚未') from = at - 2;
        else if (s[at - 1] === '未') from = at - 1;
        else return [];
      }
      const col = word === '维持' ? 0 : word === '纠正' ? 1 : word === '其他结果' ? 2 : 3;
      const b = before(s, sent, from);
      if (col === 0 && ALL_UPHELD_BEFORE.test(b)) {
        const groups = subject(s, sent.start, from, true);
        if (!groups) return [];
        const k = from - (ALL_UPHELD_BEFORE.exec(b)![0].length);
        const bad = groups.flatMap((g) => [1, 3].map((c) => ({ g, c, v: value(r.table4?.cells[g * 5 + c]) }))).filter((x) => x.v);
        const cells = bad.map((x) => ({ cell: r.table4!.cells[x.g * 5 + x.c]!, label: { zh: `表四${cellName(x.g, x.c).zh}`, en: `table 4 ${cellName(x.g, x.c).en}` } }));
        const quantity: Quantity | undefined = r.table4 ? { value: 0, accept: [], cells, where: { zh: '表四', en: 'table 4' } } : undefined;
        return [{ i: k, j: at + 2, from: k, what: groupNames(groups), q: quantity, kind: 'upheld', end: at + 2 }];
      }
      if (col === 1 && NONE_CORRECTED_BEFORE.test(b)) {
        const groups = subject(s, sent.start, from, true);
        if (!groups) return [];
        const k = from - NONE_CORRECTED_BEFORE.exec(b)![0].length;
        const bad = groups.filter((g) => value(r.table4?.cells[g * 5 + 1]));
        const cells = bad.map((g) => ({ cell: r.table4!.cells[g * 5 + 1]!, label: { zh: `表四${cellName(g, 1).zh}`, en: `table 4 ${cellName(g, 1).en}` } }));
        const quantity: Quantity | undefined = r.table4 ? { value: 0, accept: [], cells, where: { zh: '表四', en: 'table 4' } } : undefined;
        return [{ i: k, j: at + 2, from: k, what: groupNames(groups), q: quantity, kind: 'uncorrected', end: at + 2 }];
      }
      const groups = subject(s, sent.start, from, false);
      if (!groups || !clearSubject(s, sent.start, from)) return [];
      const what = { zh: `${groups.length === 2 ? '行政诉讼' : GROUPS[groups[0]!]!.zh}${COLS[col]!.zh}`, en: `${groups.length === 2 ? 'lawsuits' : GROUPS[groups[0]!]!.en} ${COLS[col]!.en}` };
      const quantity = q(`o${groups.join('')}${col}`, () => t4(r, groups, col));
      const forward = count(s, at, OUTCOME, at, what, quantity, { from, subsetOk: true });
      if (forward.length || col === 3) return forward;
      const n = OUTCOME_NUM_BEFORE.exec(b);
      if (!n) return [];
      const stated = toNumber(n[1]!);
      if (stated === undefined) return [];
      const i = from - b.length + n.index;
      return [{ i, j: i + n[1]!.length, from: i, stated, unit: s[i + n[1]!.length], what, q: quantity, kind: 'count', subsetOk: true, end: at + word.length }];
    }
  }
  return [];
}

/** “未发生行政复议” / “无因政府信息公开被申请行政复议、提起行政诉讼的情况”. */
function noneBefore(s: string, at: number, sent: Range, word: string, what: Msg, quantity: Quantity | undefined): Claim[] | undefined {
  const b = s.slice(Math.max(sent.start, at - 30), at);
  const m = NONE_BEFORE.exec(b);
  if (!m) return undefined;
  const end = at + word.length;
  // 未发生行政复议纠错 / 被纠正的情况: a statement about outcomes, not about cases
  if (/^[^，。；]{0,10}?(?:纠错|纠正|败诉|撤销|确认违法)/.test(s.slice(end, sent.end))) return [];
  // “未发生行政复议、行政诉讼”: the lawsuit half is reported at its own words
  const i = m[0].includes('行政复议') ? at : at - b.length + m.index;
  const from = at - b.length + m.index;
  return [{ i, j: end, from, what: { zh: `未发生${what.zh}`, en: `there were no ${what.en}` }, q: quantity, kind: 'none', end }];
}

function report_(ctx: RuleContext, claim: Claim, range: Range): boolean {
  const t = claim.q!;
  const related = t.cells.map(({ cell, label }) => ({ range: cell.range, message: { zh: `${label.zh}：${cell.raw}`, en: `${label.en}: ${cell.raw}` } }));
  const shown = t.cells.length > 1 && claim.kind === 'count' ? `${t.value}（${t.cells.map((x) => x.cell.raw).join(' + ')}）` : `${t.value}`;
  const shownEn = t.cells.length > 1 && claim.kind === 'count' ? `${t.value} (${t.cells.map((x) => x.cell.raw).join(' + ')})` : `${t.value}`;
  switch (claim.kind) {
    case 'count': {
      const stated = claim.stated!;
      const agrees = (v: number) => (claim.approx ? fitsApprox(stated, claim.approx, v) : v === stated);
      if (agrees(t.value) || t.accept.some(agrees) || claim.accept?.some(agrees)) return false;
      const unit = claim.unit ?? '件';
      const written = `${claim.approx?.before ?? ''}${stated}${claim.approx?.after ?? ''}`;
      ctx.report_({
        range,
        message: {
          zh: `正文称${claim.what.zh} ${written} ${unit}，与${t.where.zh} ${shown} 不一致`,
          en: `The text says ${written} ${claim.what.en}, but ${t.where.en} is ${shownEn}`,
        },
        related,
      });
      return true;
    }
    case 'none': {
      if (t.value === 0 || t.accept.includes(0)) return false;
      ctx.report_({
        range,
        message: { zh: `正文称${claim.what.zh}，但${t.where.zh}为 ${shown}`, en: `The text says ${claim.what.en}, but ${t.where.en} is ${shownEn}` },
        related,
      });
      return true;
    }
    case 'upheld':
    case 'uncorrected': {
      if (!t.cells.length) return false;
      const list = t.cells.map((x) => `${x.label.zh} ${x.cell.raw}`).join('，');
      const listEn = t.cells.map((x) => `${x.label.en} ${x.cell.raw}`).join(', ');
      ctx.report_({
        range,
        message:
          claim.kind === 'upheld'
            ? { zh: `正文称${claim.what.zh}均获维持，但${list}`, en: `The text says all ${claim.what.en} were upheld, but ${listEn}` }
            : { zh: `正文称${claim.what.zh}未被纠正，但${list}`, en: `The text says none of the ${claim.what.en} were corrected, but ${listEn}` },
        related,
      });
      return true;
    }
  }
}

export default rule;
