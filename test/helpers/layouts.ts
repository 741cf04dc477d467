/**
 * Test-data maker: renders one report (prose + the three tables with real numbers) in each
 * table layout seen in real reports, so the parser can be held to "same result whatever the
 * layout". Labels and order come from the format template, numbers from the caller.
 */
import { FORMAT_2021, type FormatTemplate, type Report } from '../../server/src/core';

export interface ReportData {
  agency: string;
  year: number;
  /** 表二 values by `block/row` key, in column order. */
  t2: Record<string, number[]>;
  /** 表三 values by row key, 7 columns. */
  t3: Record<string, number[]>;
  /** 表四: 15 values. */
  t4: number[];
  prose?: { overview?: string; problems?: string; other?: string };
}

export type Layout = 'tsv' | 'cell-per-line-pipe' | 'cell-per-line-blank' | 'markdown' | 'html' | 'pdf' | 'crlf-bom-fullwidth' | 'space-separated';

export const LAYOUTS: Layout[] = ['tsv', 'cell-per-line-pipe', 'cell-per-line-blank', 'markdown', 'html', 'pdf', 'crlf-bom-fullwidth', 'space-separated'];

/** Real numbers: 淮安市人民政府 2024 (every 勾稽关系 holds). */
export const HUAIAN_2024: ReportData = {
  agency: '淮安市人民政府',
  year: 2024,
  t2: { '20.1/regulations': [1, 0, 11], '20.1/normative': [8, 26, 66], '20.5/licensing': [447228], '20.6/penalty': [3985758], '20.6/coercion': [88283], '20.8/fees': [96171.6] },
  t3: {
    '一': [3001, 53, 0, 0, 61, 4, 3119], '二': [34, 0, 0, 0, 0, 0, 34], '三.1': [1288, 21, 0, 0, 50, 3, 1362], '三.2': [447, 7, 0, 0, 0, 0, 454],
    '三.3.1': [2, 0, 0, 0, 0, 0, 2], '三.3.2': [30, 1, 0, 0, 0, 0, 31], '三.3.3': [5, 0, 0, 0, 0, 0, 5], '三.3.4': [6, 0, 0, 0, 0, 0, 6], '三.3.5': [7, 1, 0, 0, 0, 0, 8],
    '三.3.6': [12, 0, 0, 0, 0, 0, 12], '三.3.7': [9, 0, 0, 0, 0, 0, 9], '三.3.8': [105, 0, 0, 0, 0, 0, 105], '三.4.1': [746, 12, 0, 0, 10, 1, 769], '三.4.2': [11, 0, 0, 0, 0, 0, 11],
    '三.4.3': [1, 0, 0, 0, 0, 0, 1], '三.5.1': [56, 6, 0, 0, 0, 0, 62], '三.5.2': [25, 0, 0, 0, 0, 0, 25], '三.5.3': [0, 0, 0, 0, 0, 0, 0], '三.5.4': [0, 0, 0, 0, 0, 0, 0],
    '三.5.5': [1, 0, 0, 0, 0, 0, 1], '三.6.1': [67, 3, 0, 0, 1, 0, 71], '三.6.2': [6, 0, 0, 0, 0, 0, 6], '三.6.3': [108, 2, 0, 0, 0, 0, 110], '三.7': [2932, 53, 0, 0, 61, 4, 3050], '四': [103, 0, 0, 0, 0, 0, 103],
  },
  t4: [72, 64, 178, 37, 351, 13, 4, 8, 1, 26, 12, 1, 1, 6, 20],
};

/** The values a report's tables were read with, keyed as ReportData is (null: no value). */
export function tableValues(r: Report) {
  const t2: Record<string, (number | null)[]> = {};
  for (const b of r.table2?.blocks ?? []) for (const row of b.rows) t2[row.key] = row.cells.map((c) => c?.value ?? null);
  const t3: Record<string, (number | null)[]> = {};
  for (const row of r.table3?.rows ?? []) t3[row.key] = row.cells.map((c) => c?.value ?? null);
  return { t2, t3, t4: r.table4?.cells.map((c) => c?.value ?? null) ?? [] };
}

export function withCell(d: ReportData, table: 't3' | 't4', key: string, col: number, value: number): ReportData {
  const copy: ReportData = JSON.parse(JSON.stringify(d));
  if (table === 't4') copy.t4[col] = value;
  else copy.t3[key]![col] = value;
  return copy;
}

interface Row {
  label: string[];
  cells: string[];
}

function t3Rows(t: FormatTemplate, d: ReportData): { header: string[][]; rows: Row[] } {
  const header = [[t.table3.note, '申请人情况'], ['自然人', '法人或其他组织', '总计'], t.table3.columns.slice(1, 6).map((c) => c.label)];
  const rows: Row[] = [];
  const printed = new Set<string>();
  for (const r of t.table3.rows) {
    const label: string[] = [];
    const chain = r.group ? [...new Set([r.group.split('.')[0]!, r.group])] : [];
    for (const k of chain) {
      if (!printed.has(k)) {
        label.push(t.table3.rowGroups.find((g) => g.key === k)!.label);
        printed.add(k);
      }
    }
    label.push(r.label);
    rows.push({ label, cells: d.t3[r.key]!.map(String) });
  }
  return { header, rows };
}

function t2Rows(t: FormatTemplate, d: ReportData): { block: string; header: string[]; rows: Row[] }[] {
  return t.table2.blocks.map((b) => ({
    block: b.label,
    header: ['信息内容', ...b.columns.map((c) => c.label)],
    rows: b.rows.map((r) => ({ label: [r.label], cells: d.t2[`${b.key}/${r.key}`]!.map(String) })),
  }));
}

function t4Header(t: FormatTemplate): string[][] {
  return [
    ['行政复议', '行政诉讼'],
    [...t.table4.columns.map((c) => c.label), '未经复议直接起诉', '复议后起诉'],
    [...t.table4.columns.map((c) => c.label), ...t.table4.columns.map((c) => c.label)],
  ];
}

/** Break a label PDF-style: hard line breaks every few characters, the vertical label one char a line. */
function pdfBreak(s: string, every: number): string {
  if (s.length <= every) return s;
  const parts: string[] = [];
  for (let i = 0; i < s.length; i += every) parts.push(s.slice(i, i + every));
  return parts.join('\n');
}

export function render(d: ReportData, layout: Layout, t: FormatTemplate = FORMAT_2021): string {
  const eol = layout === 'crlf-bom-fullwidth' ? '\r\n' : '\n';
  const s = t.sections.map((x) => x.title);
  const md = layout === 'markdown';
  const h = (x: string) => (md ? `## ${x}` : layout === 'html' ? `<h2>${x}</h2>` : x);
  const p = (x: string) => (layout === 'html' ? `<p>${x}</p>` : x);
  const out: string[] = [];
  out.push(layout === 'html' ? `<h1>${d.agency}${d.year}年政府信息公开工作年度报告</h1>` : (md ? '# ' : '') + `${d.agency}${d.year}年政府信息公开工作年度报告`);
  out.push(p(`本报告根据《中华人民共和国政府信息公开条例》编制。报告所列统计期限自${d.year}年1月1日至${d.year}年12月31日。`));
  out.push(h(s[0]!));
  out.push(p(d.prose?.overview ?? `${d.year}年，我单位认真落实条例要求。（一）主动公开情况。依法主动公开政府信息。（二）依申请公开情况。依法办理申请。（三）政府信息管理情况。加强信息管理。（四）政府信息公开平台建设情况。完善平台。（五）监督保障情况。加强监督保障。`));
  out.push(h(s[1]!));
  out.push(table2(d, layout, t));
  out.push(h(s[2]!));
  out.push(table3(d, layout, t));
  out.push(h(s[3]!));
  out.push(table4(d, layout, t));
  out.push(h(s[4]!));
  out.push(p(d.prose?.problems ?? '存在的主要问题是政策解读质量仍需提升。下一步将加强培训。'));
  out.push(h(s[5]!));
  out.push(p(d.prose?.other ?? `${d.year}年，本单位未收取信息处理费。`));
  let text = out.join(eol) + eol;
  if (layout === 'html') text = `<html><body>${eol}${text}</body></html>${eol}`;
  if (layout === 'crlf-bom-fullwidth') text = '\ufeff' + text.replace(/[0-9]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 48 + 0xff10)).replace(/\t/g, '\t\u3000');
  return text;
}

function grid(rows: string[][], layout: Layout, eol = '\n'): string {
  switch (layout) {
    case 'tsv':
    case 'crlf-bom-fullwidth':
      return rows.map((r) => r.join('\t')).join(eol);
    case 'space-separated':
    case 'pdf':
      return rows.map((r) => r.join(' ')).join(eol);
    case 'cell-per-line-pipe':
      return rows.map((r) => r.map((c) => `${c} |`).join(eol) + eol + '||').join(eol);
    case 'cell-per-line-blank':
      return rows.map((r) => r.map((c) => `\t${c.replace(/^0$/, '\u00a00')}`).join(eol)).join(eol + eol);
    case 'markdown': {
      const w = Math.max(...rows.map((r) => r.length));
      const line = (r: string[]) => `| ${[...r, ...new Array(w - r.length).fill('')].join(' | ')} |`;
      return [line(rows[0]!), `|${new Array(w).fill('---').join('|')}|`, ...rows.slice(1).map(line)].join(eol);
    }
    case 'html':
      return `<table>${rows.map((r) => `<tr>${r.map((c) => `<td>${c.replace(/ /g, '&nbsp;')}</td>`).join('')}</tr>`).join('\n')}</table>`;
  }
}

function table2(d: ReportData, layout: Layout, t: FormatTemplate): string {
  const rows: string[][] = [];
  for (const b of t2Rows(t, d)) {
    rows.push([b.block]);
    rows.push(b.header);
    for (const r of b.rows) rows.push([...r.label, ...r.cells]);
  }
  return grid(rows, layout, layout === 'crlf-bom-fullwidth' ? '\r\n' : '\n');
}

function table3(d: ReportData, layout: Layout, t: FormatTemplate): string {
  const { header, rows } = t3Rows(t, d);
  if (layout === 'pdf') {
    // PDF text: header words broken, the vertical group label one char per line, long labels broken
    const out: string[] = [pdfBreak(header[0]![0]!, 20), '申请人情况', '自然人', '法人或其他组织', '总计商 业 企', '业', '科研机', '构', '社会公益', '组织', '法律服务', '机构', '其他'];
    for (const r of rows) {
      const labels = r.label.map((l) => (l === '三、本年度办理结果' ? l.split('').join('\n') : pdfBreak(l, 14)));
      out.push(`${labels.join('\n')} ${r.cells.join(' ')}`);
    }
    return out.join('\n');
  }
  return grid([...header, ...rows.map((r) => [...r.label, ...r.cells])], layout, layout === 'crlf-bom-fullwidth' ? '\r\n' : '\n');
}

function table4(d: ReportData, layout: Layout, t: FormatTemplate): string {
  if (layout === 'pdf') return ['行政复议 行政诉讼', ...t4Header(t)[2]!.map((x) => pdfBreak(x, 2)), '未经复议直接起诉 复议后起诉', d.t4.join(' ')].join('\n');
  return grid([...t4Header(t), d.t4.map(String)], layout, layout === 'crlf-bom-fullwidth' ? '\r\n' : '\n');
}
