import type { Rule } from '../../rule';
import type { Report } from '../../model';
import { prose } from './text';

/**
 * Copy-paste residue of another agency's report: the prose speaks as another level of
 * government (我区 in a 市人民政府's report) or another kind of agency (我委 in a 局's report), or
 * the signature (落款) names another place than the title. Drafters start from last year's or a
 * neighbour's report, and these words are the ones left unchanged.
 */

/**
 * Administrative units, longest first, with the self-reference word each uses (自治区 → 我区)
 * and their rank (1 province … 4 township): a report may speak of a higher level as its own
 * (a district's 我市 can be its city), never of another one of its rank or below.
 */
const UNITS: [unit: string, level: string, rank: number][] = [
  ['特别行政区', '区', 1],
  ['自治区', '区', 1],
  ['自治州', '州', 2],
  ['自治县', '县', 3],
  ['街道', '街道', 4],
  ['省', '省', 1],
  ['市', '市', 2],
  ['州', '州', 2],
  ['区', '区', 3],
  ['县', '县', 3],
  ['镇', '镇', 4],
  ['乡', '乡', 4],
];
const RANK = new Map(UNITS.map(([, level, rank]) => [level, rank]));
/** Names that end in a unit character without being a place: 住房和城乡, 社区, 景区, 城区, 辖区. */
const NOT_A_PLACE = /[和与及的局委办厅院所站队处科]|政府|人民|^城$|城$|社$|景$|辖$|片$|校$|矿$|市$/;
const MAX_NAME = 10;

export interface Place {
  /** The place with its unit: 杭州市. */
  name: string;
  /** The name without its unit: 杭州. */
  base: string;
  level: string;
  rank: number;
}

/** The places an agency's name starts with, outermost first: 淮安市洪泽区人民政府 → 淮安市, 洪泽区. */
export function placesOf(agency: string): Place[] {
  const out: Place[] = [];
  let rest = agency;
  for (;;) {
    let found: (Place & { length: number }) | undefined;
    // the shortest name before a unit (淮安市洪泽区 is two places), but a unit character followed
    // by another unit is part of the name: 杭州市, 萍乡市, 贵州省 are not 杭州, 萍乡, 贵州
    for (let end = 1; end <= Math.min(MAX_NAME, rest.length - 1) && !found; end++) {
      for (const [unit, level, rank] of UNITS) {
        if (!rest.startsWith(unit, end)) continue;
        const name = rest.slice(0, end);
        if (!/^[\u4e00-\u9fff]+$/.test(name) || NOT_A_PLACE.test(name) || (unit === '乡' && name.endsWith('城'))) continue;
        if (UNITS.some(([u]) => rest.startsWith(u, end + unit.length) && u.length === 1 && unit.length === 1)) continue;
        found = { name: name + unit, base: name, level, rank, length: end + unit.length };
        break;
      }
    }
    if (!found) return out;
    out.push({ name: found.name, base: found.base, level: found.level, rank: found.rank });
    rest = rest.slice(found.length);
  }
}

/** Two names of one place, full or short: 凉山彝族自治州 / 凉山州, 淮安经济技术开发区 / 淮安经开区, 两江新区 / 重庆两江新区. */
function samePlace(a: Place, b: Place): boolean {
  return a.base.includes(b.base.slice(0, 2)) || b.base.includes(a.base.slice(0, 2));
}

/** The kind of agency by the end of its name, for the kinds that speak of themselves as 我局, 我委, 我办, 我厅. */
function kindOf(agency: string): string | undefined {
  if (/局$/.test(agency)) return '局';
  if (/(?:委员会|委)$/.test(agency)) return '委';
  if (/(?:办公室|办)$/.test(agency) && !/政府办(?:公室)?$/.test(agency)) return '办';
  if (/厅$/.test(agency)) return '厅';
  return undefined;
}

/**
 * 我 + a level or kind. The character after it must not make another word: 我委托 (entrust),
 * 我办理 (handle), 我区域, 我市场.
 */
const SELF = /我(街道|省|市|区|县|州|镇|乡|局|委|办|厅)(?![托理事结公法域场民级份面部势])/g;
const LEVELS = new Set(['街道', '省', '市', '区', '县', '州', '镇', '乡']);

/**
 * The level a report of this agency speaks as (淮安市人民政府 → 市). Unknown for a branch named
 * after a lower place than its name's (淮安市公安局洪泽分局 speaks as 我区).
 */
function ownLevel(report: Report): string | undefined {
  const agency = report.agency?.text ?? '';
  if (/分局|分院|分中心|分所|分队|派出/.test(agency)) return undefined;
  const places = placesOf(agency);
  return places[places.length - 1]?.level;
}

const rule: Rule = {
  meta: {
    id: 'agency-mismatch',
    category: 'prose',
    defaultSeverity: 'warning',
    fixable: true,
    description: {
      zh: '正文的自称或落款单位与报告机关不符（如市政府的报告中写“我区”，局的报告中写“我委”），多为复制其他单位报告后未改',
      en: 'The prose speaks as another agency (我区 in a city government’s report, 我委 in a bureau’s) or the signature names another place: usually left from another agency’s report',
    },
  },
  check(ctx) {
    const { report } = ctx;
    if (!report.agency) return;
    const agency = report.agency.text;
    // the agency's level and kind are read at the first self-reference (most paragraphs have none)
    let own: { level?: string; kind?: string } | undefined;
    for (const p of prose(report)) {
      if (p.text.indexOf('我') < 0) continue;
      for (const m of p.text.matchAll(SELF)) {
        own ??= { level: ownLevel(report), kind: kindOf(agency) };
        const word = m[1]!;
        const isLevel = LEVELS.has(word);
        const expected = isLevel ? own.level : own.kind;
        if (!expected || expected === word) continue;
        // a higher level can be the agency's own city or province (a district's 我市); a city
        // named X州 is also 我市
        if (isLevel && (RANK.get(word)! < RANK.get(expected)! || (expected === '州' && word === '市'))) continue;
        const start = p.range.start + m.index!;
        ctx.report_({
          range: { start, end: start + m[0].length },
          message: {
            zh: `“${m[0]}”与报告机关“${agency}”不符（应为“我${expected}”），可能是从其他单位的报告复制后未改`,
            en: `“${m[0]}” does not fit the reporting agency “${agency}” (expected “我${expected}”): probably left from another agency’s report`,
          },
          fix: { title: { zh: `改为“我${expected}”`, en: `Write “我${expected}”` }, edits: [{ range: { start: start + 1, end: start + m[0].length }, newText: expected }], safe: false },
          related: [{ range: report.agency.range, message: { zh: `报告机关：${agency}`, en: `reporting agency: ${agency}` } }],
        });
      }
    }
    const signer = report.dateLine?.signer;
    if (!signer) return;
    const places = placesOf(agency);
    const clash = placesOf(signer.text).find((s) => places.some((o) => o.level === s.level && !samePlace(o, s)));
    if (!clash) return;
    ctx.report_({
      range: signer.range,
      message: {
        zh: `落款单位“${signer.text}”与报告机关“${agency}”的地名不符（“${clash.name}”），可能是从其他单位的报告复制后未改`,
        en: `The signature “${signer.text}” names another place (“${clash.name}”) than the reporting agency “${agency}”: probably left from another agency’s report`,
      },
      related: [{ range: report.agency.range, message: { zh: `报告机关：${agency}`, en: `reporting agency: ${agency}` } }],
    });
  },
};
export default rule;
