/**
 * Helpers shared by the date rules (not a rule): the years a report states about itself (in the
 * title and in the statistics period), the report year they give, and the agency type.
 */
import type { Range, Report } from '../../model';
import type { Msg } from '../../rule';
import type { ResolvedConfig } from '../../config';
import { derived } from '../../derived';

export interface YearSpan {
  value: number;
  /** Where the year's digits are written (empty for a configured year). */
  range: Range;
}

const CN_DIGIT = '〇○零O一二三四五六七八九';

/** A 4-digit year written in ASCII, full-width or Chinese digits; undefined otherwise. */
export function yearValue(s: string): number | undefined {
  if (s.length !== 4) return undefined;
  let v = 0;
  for (const ch of s) {
    const c = ch.charCodeAt(0);
    let d: number;
    if (c >= 0x30 && c <= 0x39) d = c - 0x30;
    else if (c >= 0xff10 && c <= 0xff19) d = c - 0xff10;
    else {
      const i = CN_DIGIT.indexOf(ch);
      if (i < 0) return undefined;
      d = i < 4 ? 0 : i - 3;
    }
    v = v * 10 + d;
  }
  return v >= 1990 && v <= 2100 ? v : undefined;
}

const YEAR_IN = /([0-9０-９]{4}|[〇○零O一二三四五六七八九]{4})\s*年/g;

/** Years (`YYYY年`) written in a source range, in order. */
export function yearsIn(text: string, range: Range): YearSpan[] {
  const s = text.slice(range.start, range.end);
  const out: YearSpan[] = [];
  YEAR_IN.lastIndex = 0;
  for (let m = YEAR_IN.exec(s); m; m = YEAR_IN.exec(s)) {
    const v = yearValue(m[1]!);
    if (v !== undefined) out.push({ value: v, range: { start: range.start + m.index, end: range.start + m.index + 4 } });
  }
  return out;
}

export interface ReportYears {
  /** The year in the title. */
  title?: YearSpan;
  /** The statistics period's first and last year. */
  periodStart?: YearSpan;
  periodEnd?: YearSpan;
  /** The year being reported on, when the report (or the configuration) states it. */
  year?: YearSpan & { source: Msg };
  /** False when the title, the period's two ends (and a configured year) do not all agree. */
  consistent: boolean;
}

/**
 * The report year from the configuration, else the title, else the statistics period. A year
 * the parser only guessed (the most frequent one, when there is no title) is not used.
 */
export function reportYears(report: Report, config: ResolvedConfig): ReportYears {
  return derived(report, `reportYears:${config.reportYear ?? ''}`, () => computeYears(report, config));
}

function computeYears(report: Report, config: ResolvedConfig): ReportYears {
  const out: ReportYears = { consistent: true };
  const text = report.text;
  if (report.title) out.title = yearsIn(text, report.title.range)[0];
  if (report.period) {
    const ys = yearsIn(text, report.period.range);
    if (ys.length >= 2) {
      out.periodStart = ys[0];
      out.periodEnd = ys[ys.length - 1];
    }
  }
  if (config.reportYear !== undefined) out.year = { value: config.reportYear, range: { start: 0, end: 0 }, source: { zh: '配置的报告年度', en: 'the configured report year' } };
  else if (out.title) out.year = { ...out.title, source: { zh: '标题', en: 'the title' } };
  else if (out.periodStart && out.periodEnd && out.periodStart.value === out.periodEnd.value) out.year = { ...out.periodEnd, source: { zh: '统计期限', en: 'the statistics period' } };
  const stated = [out.title, out.periodStart, out.periodEnd, out.year].filter((x) => x).map((x) => x!.value);
  out.consistent = stated.every((v) => v === stated[0]);
  return out;
}

export type AgencyType = 'department' | 'government';

/** Ends of a 县级以上人民政府's own name (本级政府): 省/市/区/县/州/旗 + (人民)政府, or the bare region. */
const GOVERNMENT = /(?:省|市|区|县|州|旗|盟)(?:人民政府|政府)?$/;
/** Ends of a department's (or a township's) name. */
const DEPARTMENT = /(?:局|委|委员会|管委会|办|办公室|办公厅|厅|署|中心|处|科|街道|办事处|镇|乡|镇人民政府|乡人民政府|镇政府|乡政府|院|馆|所|站|队|部|会|公署|集团|公司)$/;

/** The type an agency's name tells; undefined when it tells neither. */
export function agencyTypeOf(name: string): AgencyType | undefined {
  const n = name.replace(/\s+/g, '');
  // 乡镇人民政府 are not 县级以上 (条例 art. 49 sets no 3月31日 for them): they count as departments
  if (/(?:镇|乡)(?:人民)?政府$/.test(n)) return 'department';
  if (DEPARTMENT.test(n)) return 'department';
  if (GOVERNMENT.test(n)) return 'government';
  return undefined;
}

/**
 * The agency type from the configuration, or guessed from the agency's name (the title's, else
 * 发布机构's): a 人民政府 itself (or a bare region, `北京市2024年…`) is a government, a
 * 局/委/办/街道/镇… a department. Without a title the signature can tell only a government: a
 * government's own report is often signed by its office (人民政府办公室), which reads as a department.
 */
export function agencyType(report: Report, config: ResolvedConfig): { type?: AgencyType; from?: 'config' | 'name'; name?: string } {
  if (config.agencyType !== 'auto') return { type: config.agencyType, from: 'config' };
  if (report.agency) {
    const type = agencyTypeOf(report.agency.text);
    return type ? { type, from: 'name', name: report.agency.text } : {};
  }
  const signer = report.dateLine?.signer?.text;
  if (signer && agencyTypeOf(signer) === 'government') return { type: 'government', from: 'name', name: signer };
  return {};
}
