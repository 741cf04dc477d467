/** Text renderings of a summary: Markdown (for reading and pasting), CSV (Excel/WPS), TSV (clipboard). */
import type { Locale } from '../rule';
import { localize } from '../rule';
import type { Summary } from './consolidate';
import { gridText, summarySheets, type GridCell, type Sheet } from './sheets';

function title(s: Summary, locale: Locale): string {
  const en = locale === 'en';
  if (s.kind === 'report') {
    const r = s.roster.find((x) => x.included);
    return en ? `Summary tables: ${r?.agency ?? r?.file ?? ''} ${s.year ?? ''}` : `年报汇总表：${r?.agency ?? r?.file ?? ''}${s.year ? ` ${s.year} 年度` : ''}`;
  }
  return en
    ? `Consolidated annual reports${s.year ? `, ${s.year}` : ''}: ${s.included.length} summed, ${s.excluded.length} not summed`
    : `政府信息公开工作年度报告汇总${s.year ? `（${s.year} 年度）` : ''}：汇总 ${s.included.length} 份，未汇总 ${s.excluded.length} 份`;
}

function mdCell(c: GridCell | undefined): string {
  if (!c) return '';
  let t = gridText(c.value).replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
  if (c.fail) t += ' ✗';
  return t;
}

/** Header rows flattened to one (Markdown has no merged cells): each column's headers joined by ·. */
function flatHeader(sh: Sheet, width: number): string[] {
  const at = (r: number, c: number): string => {
    const m = sh.merges.find(([r1, c1, r2, c2]) => r >= r1 && r <= r2 && c >= c1 && c <= c2);
    return gridText((m ? sh.rows[m[0]]?.[m[1]] : sh.rows[r]?.[c])?.value ?? null);
  };
  const labelCols = new Set<number>();
  for (const [r1, c1, r2, c2] of sh.merges) if (r1 === 0 && c1 === 0 && c2 > 0 && r2 === sh.headerRows - 1 && r2 > 0) for (let c = 1; c <= c2; c++) labelCols.add(c);
  return Array.from({ length: width }, (_, c) => {
    if (labelCols.has(c)) return '';
    const parts: string[] = [];
    for (let r = 0; r < Math.max(1, sh.headerRows); r++) {
      const t = at(r, c);
      if (t && !parts.includes(t)) parts.push(t);
    }
    return parts.join('·');
  });
}

function mdSheet(sh: Sheet): string {
  const width = Math.max(...sh.rows.map((r) => r.length));
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  const body = sh.id === 't2' ? sh.rows : sh.rows.slice(Math.max(1, sh.headerRows));
  const head = sh.id === 't2' ? Array.from({ length: width }, () => '') : flatHeader(sh, width);
  return [line(head.map((h) => h.replace(/\|/g, '\\|'))), `|${Array.from({ length: width }, () => '---').join('|')}|`, ...body.map((r) => line(Array.from({ length: width }, (_, i) => mdCell(r[i]))))].join('\n');
}

export function toMarkdown(s: Summary, locale: Locale = 'zh-CN'): string {
  const out = [`# ${title(s, locale)}`];
  for (const sh of summarySheets(s, locale)) {
    out.push('', `## ${sh.name}`, '');
    if (sh.rows.length <= 1 && sh.id === 'excluded') {
      out.push(localize(nothingExcluded(s), locale));
      continue;
    }
    out.push(mdSheet(sh));
  }
  out.push('', localize(verdict(s), locale));
  return out.join('\n') + '\n';
}

/** The empty 未汇总 section: only "all summed" when something was, and a lone report that could not be is said to be so. */
function nothingExcluded(s: Summary): { zh: string; en: string } {
  if (s.notSummable) return { zh: '本报告照原样列出，但不能与其他报告一起汇总（原因见说明）。', en: 'The report is shown as it is, but it could not be summed with others (see the notes).' };
  if (!s.included.length) return { zh: '没有报告。', en: 'No reports.' };
  return { zh: '全部报告均已汇总。', en: 'Every report was summed.' };
}

/** The last line: what failed, what could not be checked, and which reports a failure comes from; never "all hold" when nothing was checked. */
function verdict(s: Summary): { zh: string; en: string } {
  if (!s.tables || !s.included.length) return { zh: '没有汇总任何报告，未核对勾稽关系。', en: 'No report was summed; nothing was checked.' };
  const fails = s.tables.checks.filter((c) => c.ok === false).length;
  const unchecked = s.tables.checks.filter((c) => c.ok === null).length;
  const from = s.kind === 'consolidated' ? s.roster.filter((r) => r.included && r.ownChecks.failed > 0).map((r) => r.file) : [];
  const zh = [fails ? `勾稽关系不符 ${fails} 处` : unchecked ? '已核对的勾稽关系全部相符' : '勾稽关系全部相符'];
  const en = [fails ? `${fails} check(s) fail` : unchecked ? 'The checks made all hold' : 'All checks hold'];
  if (from.length) {
    zh.push(`不符来自自身不符的报告：${from.join('、')}（见说明）`);
    en.push(`from the reports whose own checks fail: ${from.join(', ')} (see the notes)`);
  }
  if (unchecked) {
    zh.push(`${unchecked} 项未核对（缺少数字）`);
    en.push(`${unchecked} not checked (numbers missing)`);
  }
  return { zh: zh.join('；') + '。', en: en.join('; ') + '.' };
}

/** A text cell Excel would run as a formula gets a leading apostrophe. */
export function escapeFormula(t: string): string {
  return /^[=+\-@\t\r]/.test(t) ? `'${t}` : t;
}

function csvField(c: GridCell | undefined): string {
  if (!c || c.value === null) return '';
  const t = typeof c.value === 'string' ? escapeFormula(c.value) : c.value.n;
  return /[",\r\n]/.test(t) ? `"${t.replace(/"/g, '""')}"` : t;
}

/** CSV, UTF-8 with a BOM (so Excel reads Chinese); parts one after another under their names. */
export function toCsv(s: Summary, locale: Locale = 'zh-CN'): string {
  const parts: string[] = [];
  for (const sh of summarySheets(s, locale)) {
    const width = Math.max(...sh.rows.map((r) => r.length));
    parts.push([csvField({ value: sh.name }), ...sh.rows.map((r) => Array.from({ length: width }, (_, i) => csvField(r[i])).join(','))].join('\r\n'));
  }
  return '\ufeff' + parts.join('\r\n\r\n') + '\r\n';
}

/** TSV of the sheets (tabs and line breaks inside cells become spaces): pastes into Excel/WPS as a table. */
export function toTsv(s: Summary, locale: Locale = 'zh-CN', only?: Sheet['id'][]): string {
  return summarySheets(s, locale)
    .filter((sh) => !only || only.includes(sh.id))
    .map((sh) => [sh.name, ...sh.rows.map((r) => r.map((c) => (c.value === null ? '' : typeof c.value === 'string' ? escapeFormula(c.value) : c.value.n).replace(/[\t\r\n]+/g, ' ')).join('\t'))].join('\n'))
    .join('\n\n') + '\n';
}

/** JSON: the summary itself, with messages in one language. */
export function toJson(s: Summary, locale: Locale = 'zh-CN'): string {
  return JSON.stringify(s, (_k, v) => (v && typeof v === 'object' && typeof v.zh === 'string' && typeof v.en === 'string' && Object.keys(v).length === 2 ? localize(v, locale) : v), 1) + '\n';
}
