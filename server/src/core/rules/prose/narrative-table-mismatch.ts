import type { Cell, Range, Report } from '../../model';
import type { Msg, Rule } from '../../rule';
import { compactProse, srcRange } from './text';

interface Claim {
  /** Pattern on whitespace-free text; group 1 is the number (absent for a “none” statement). */
  re: RegExp;
  what: Msg;
  /** The table value and where it is. */
  table: (r: Report) => { value: number; cells: Cell[]; where: Msg } | undefined;
}

const t3 = (key: string, where: Msg) => (r: Report) => {
  const cell = r.table3?.rows.find((row) => row.key === key)?.cells[6];
  return cell && cell.kind === 'number' && cell.value !== null ? { value: cell.value, cells: [cell], where } : undefined;
};

const t4 = (indexes: number[], where: Msg) => (r: Report) => {
  const cells = indexes.map((i) => r.table4?.cells[i]);
  if (cells.some((c) => !c || c.kind !== 'number' || c.value === null)) return undefined;
  const ok = cells as Cell[];
  return { value: ok.reduce((a, c) => a + c.value!, 0), cells: ok, where };
};

const NEW = { zh: '表三“一、本年新收政府信息公开申请数量”总计', en: 'table 3 “一、本年新收” total' };
/** Words before the claim in its clause that make the number a subset or another year. */
const QUALIFIED = /其中|通过|网上|网络|当面|信函|传真|邮寄|电子邮件|上年|去年|上一年|同期|同比|较|乡镇|各部门|部门|单位|镇|街道/;

const CLAIMS: Claim[] = [
  {
    re: /(?:收到|受理|新收|接收)(?:各类|群众)?(?:政府信息公开|依申请公开|信息公开)?(?:申请)?(?:共|共计|合计|总计|计)?(\d+)件/g,
    what: { zh: '受理（收到）申请', en: 'applications received' },
    table: t3('一', NEW),
  },
  {
    re: /上年(?:度)?结转(?:的)?(?:政府信息公开)?(?:申请)?(?:共|计)?(\d+)件/g,
    what: { zh: '上年结转申请', en: 'applications carried over from last year' },
    table: t3('二', { zh: '表三“二、上年结转政府信息公开申请数量”总计', en: 'table 3 “二、上年结转” total' }),
  },
  {
    re: /结转(?:至|到)?下(?:一)?年度?(?:继续办理)?(?:的)?(?:申请)?(?:共|计)?(\d+)件/g,
    what: { zh: '结转下年度申请', en: 'applications carried over to next year' },
    table: t3('四', { zh: '表三“四、结转下年度继续办理”总计', en: 'table 3 “四、结转下年度继续办理” total' }),
  },
  {
    re: /(?<!后)(?:政府信息公开)?行政复议(?:案件|申请)?(?:共|共计|合计|计)?(\d+)(?:件|起|宗)/g,
    what: { zh: '行政复议', en: 'administrative reviews' },
    table: t4([4], { zh: '表四“行政复议·总计”', en: 'table 4 review total' }),
  },
  {
    re: /(?:政府信息公开)?行政诉讼(?:案件)?(?:共|共计|合计|计)?(\d+)(?:件|起|宗)/g,
    what: { zh: '行政诉讼', en: 'lawsuits' },
    table: t4([9, 14], { zh: '表四“未经复议直接起诉·总计”与“复议后起诉·总计”之和', en: 'table 4 lawsuit totals (direct + after review)' }),
  },
  {
    re: /(?:未收到|没有收到|未受理|无)(?:[^，。；]{0,8}?)(?:政府信息公开|依申请公开|公开政府信息)(?:的)?申请/g,
    what: { zh: '未收到申请', en: 'no applications received' },
    table: t3('一', NEW),
  },
];

/** Clause start (after ，。；：) before index i in s. */
function clauseStart(s: string, i: number): number {
  for (let k = i - 1; k >= 0 && k > i - 60; k--) if ('，。；：,;:'.includes(s[k]!)) return k + 1;
  return Math.max(0, i - 60);
}

/** Numbers in the prose that contradict 表三 / 表四. */
const rule: Rule = {
  meta: {
    id: 'narrative-table-mismatch',
    category: 'prose',
    defaultSeverity: 'error',
    fixable: false,
    description: { zh: '正文数字与表格不一致（如正文称受理申请17件，表三本年新收总计95件）', en: 'A number in the prose contradicts a table (e.g. 17 applications in the text, 95 in table 3)' },
    docs: {
      zh: '正文中的受理（收到）申请数、上年结转数、结转下年度数与表三对应行的“总计”比较，行政复议、行政诉讼件数与表四比较；“未收到申请”而表三本年新收大于0也报告。每处都报告，并指出表格单元格。匹配忽略换行（PDF 文本在句中断行）；带“其中、通过网上、上年、各部门”等限定的数字不比较。',
      en: 'Applications received, carried over from last year and carried to next year in the prose are compared with the 总计 of the matching 表三 row; review and lawsuit counts with 表四; “未收到申请” while 表三 shows new applications is reported too. Every occurrence is reported, pointing at the table cell. Line breaks are ignored (PDF text breaks lines inside sentences); numbers qualified by 其中, 通过网上, 上年, 各部门 … are not compared.',
    },
  },
  check(ctx) {
    const { report } = ctx;
    if (!report.table3 && !report.table4) return;
    const claims = CLAIMS.map((c) => ({ c, t: c.table(report) })).filter((x) => x.t);
    if (!claims.length) return;
    for (const { p, c: cp } of compactProse(report)) {
      const s = cp.s;
      const taken: Range[] = [];
      for (const { c, t } of claims) {
        c.re.lastIndex = 0;
        for (let m = c.re.exec(s); m; m = c.re.exec(s)) {
          const cs = clauseStart(s, m.index);
          const lead = s.slice(cs, m.index);
          if (QUALIFIED.test(lead) || /不予$/.test(lead)) continue;
          const stated = m[1] === undefined ? 0 : Number(m[1]);
          if (stated === t!.value) continue;
          if (m[1] === undefined && t!.value === 0) continue;
          const i = m[1] === undefined ? m.index : m.index + m[0].lastIndexOf(m[1]);
          const j = m[1] === undefined ? m.index + m[0].length : i + m[1].length;
          const range = srcRange(cp, i, j);
          if (taken.some((r) => r.start < range.end && range.start < r.end)) continue;
          taken.push(range);
          const said = m[1] === undefined ? c.what.zh : `${c.what.zh} ${stated} 件`;
          const saidEn = m[1] === undefined ? c.what.en : `${stated} ${c.what.en}`;
          ctx.report_({
            range,
            message: {
              zh: `正文称${said}，与${t!.where.zh} ${t!.value} 不一致`,
              en: `The text says ${saidEn}, but ${t!.where.en} is ${t!.value}`,
            },
            related: t!.cells.map((cell) => ({ range: cell.range, message: { zh: `${t!.where.zh}：${cell.raw}`, en: `${t!.where.en}: ${cell.raw}` } })),
          });
        }
      }
    }
  },
};
export default rule;
