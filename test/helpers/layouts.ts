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

/* ------------------------------------------------------------------------------------------------
 * Published forms of a real report (issue 13): the report's own prose around its own tables (the
 * values and labels as the parser read them from the corpus text), written
 *  - `clean`: plain text, tables as tab-separated rows (the reference);
 *  - `word-html`: a web page as Word pasted into a site's editor publishes it (mso styles with `;`,
 *    split runs, `<o:p>`, `&nbsp;` blanks, rowspan/colspan headers, the vertical label one character
 *    a run, hard-wrapped source, entities, navigation and footer chrome, a script);
 *  - `ocr-markdown`: Markdown as PDF/OCR converters write it (one small pipe table per 表三 item with
 *    a `数据1 … 数据7` or a copied header, labels as loose lines beside unlabeled rows, page markers,
 *    a stray page-number line inside a table, `<br>` inside cells).
 * ---------------------------------------------------------------------------------------------- */
import { parseReport, templateFor } from '../../server/src/core';

export type PublishedForm = 'clean' | 'word-html' | 'ocr-markdown';
export const PUBLISHED_FORMS: PublishedForm[] = ['clean', 'word-html', 'ocr-markdown'];

interface PubRow {
  label: string;
  cells: string[];
  /** 表三 group keys of the row (`三`, `三.3`). */
  groups: string[];
  key: string;
}
export interface PubTables {
  t2?: { label: string; columns: string[]; rows: PubRow[] }[];
  t3?: PubRow[];
  t4?: string[];
}

/** The report's text cut at its tables: prose pieces and the tables between them, in order. */
export function publishedParts(text: string): { pieces: string[]; tables: ('t2' | 't3' | 't4')[]; data: PubTables; t: FormatTemplate } {
  const r = parseReport(text);
  const t = templateFor(r.format);
  const cells = (cs: (import('../../server/src/core').Cell | undefined)[]) => cs.map((c) => (c ? c.raw.replace(/\s+/g, '') : ''));
  const data: PubTables = {};
  const regions: { range: { start: number; end: number }; kind: 't2' | 't3' | 't4' }[] = [];
  if (r.table2) {
    data.t2 = r.table2.blocks.map((b) => ({
      label: b.label.text.replace(/\s+/g, ''),
      columns: t.table2.blocks.find((x) => x.key === b.key)!.columns.map((c) => c.label),
      rows: b.rows.map((row) => ({ label: row.label.text.replace(/\s+/g, ''), cells: cells(row.cells), groups: [], key: row.key })),
    }));
    regions.push({ range: r.table2.range, kind: 't2' });
  }
  if (r.table3) {
    data.t3 = r.table3.rows.map((row) => {
      const g = t.table3.rows.find((x) => x.key === row.key)?.group;
      return { label: row.label.text.replace(/\s+/g, ''), cells: cells(row.cells), groups: g ? [...new Set([g.split('.')[0]!, g])] : [], key: row.key };
    });
    regions.push({ range: r.table3.range, kind: 't3' });
  }
  if (r.table4) {
    data.t4 = cells(r.table4.cells);
    regions.push({ range: r.table4.range, kind: 't4' });
  }
  regions.sort((a, b) => a.range.start - b.range.start);
  const pieces: string[] = [];
  let at = 0;
  for (const g of regions) {
    // a table region starts and ends at whole lines
    const s = text.lastIndexOf('\n', g.range.start - 1) + 1;
    const nl = text.indexOf('\n', g.range.end);
    pieces.push(text.slice(at, Math.max(at, s)));
    at = Math.max(at, nl < 0 ? text.length : nl + 1);
  }
  pieces.push(text.slice(at));
  return { pieces, tables: regions.map((g) => g.kind), data, t };
}

/** One real report in a published form; `edit` may change the tables' cells first (the same in every form). */
export function publish(text: string, form: PublishedForm, edit?: (d: PubTables) => void): string {
  const { pieces, tables, data, t } = publishedParts(text);
  edit?.(data);
  const out: string[] = [];
  pieces.forEach((piece, i) => {
    out.push(form === 'word-html' ? wordParagraphs(piece, i) : form === 'ocr-markdown' ? ocrProse(piece, i) : piece);
    const kind = tables[i];
    if (!kind) return;
    if (form === 'word-html') out.push(kind === 't2' ? wordT2(data) : kind === 't3' ? wordT3(data, t) : wordT4(data, t));
    else if (form === 'ocr-markdown') out.push(kind === 't2' ? ocrT2(data) : kind === 't3' ? ocrT3(data, t) : ocrT4(data, t));
    else out.push(kind === 't2' ? cleanT2(data) : kind === 't3' ? cleanT3(data, t) : cleanT4(data, t));
  });
  if (form !== 'word-html') return out.join('');
  return WORD_HEAD + out.join('') + WORD_FOOT;
}

// ---- clean text -------------------------------------------------------------------------------

function cleanT2(d: PubTables): string {
  return d.t2!.map((b) => [b.label, ['信息内容', ...b.columns].join('\t'), ...b.rows.map((r) => [r.label, ...r.cells].join('\t'))].join('\n')).join('\n') + '\n';
}
function cleanT3(d: PubTables, t: FormatTemplate): string {
  const printed = new Set<string>();
  const lines = [`${t.table3.note}\t申请人情况`, '自然人\t法人或其他组织\t总计', t.table3.columns.slice(1, 6).map((c) => c.label).join('\t')];
  for (const r of d.t3!) {
    const label = r.groups.filter((g) => !printed.has(g)).map((g) => t.table3.rowGroups.find((x) => x.key === g)?.label ?? '');
    r.groups.forEach((g) => printed.add(g));
    lines.push([...label, r.label, ...r.cells].join('\t'));
  }
  return lines.join('\n') + '\n';
}
function cleanT4(d: PubTables, t: FormatTemplate): string {
  return [...t4Header(t).map((r) => r.join('\t')), d.t4!.join('\t')].join('\n') + '\n';
}

// ---- Word pasted into a web editor ------------------------------------------------------------

const WORD_HEAD = `<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8" />
<style type="text/css">p.MsoNormal{mso-style-parent:"";margin:0cm;text-align:justify;font-size:10.5pt;font-family:"Times New Roman";}
.nav a{color:#333;}</style>
<script type="text/javascript">var title = "一、总体情况；二、主动公开政府信息情况"; if (a < b && c > d) { document.write("<p>打印</p>"); }</script>
<!--[if gte mso 9]><xml><w:WordDocument><w:View>Normal</w:View><w:Zoom>0</w:Zoom></w:WordDocument></xml><![endif]-->
</head>
<body>
<div class="nav"><ul><li><a href="/">首页</a></li><li><a href="/zwgk/">政务公开</a></li><li><a href="/hdjl/">互动交流</a></li></ul></div>
<div class="position">当前位置：<a href="/">首页</a>&nbsp;&gt;&nbsp;<a href="/zwgk/">政务公开</a>&nbsp;&gt;&nbsp;年度报告</div>
<div class="zoom">字号：<a href="#">大</a> <a href="#">中</a> <a href="#">小</a></div>
<div class="article" id="zoom">
`;
const WORD_FOOT = `</div>
<div class="tool"><a href="javascript:window.print()">【打印本页】</a> <a href="javascript:window.close()">【关闭窗口】</a></div>
<div class="bdsharebuttonbox">分享到：<a class="bds_weixin">微信</a></div>
<footer><p>主办单位：某市人民政府办公室&nbsp;&nbsp;网站标识码：3208000001</p></footer>
</body>
</html>
`;
const MSO_P = `class=MsoNormal style="text-indent:32.0pt;mso-char-indent-count:2.0;line-height:28.0pt;mso-line-height-rule:exactly;"`;
const MSO_SPAN = `style="font-size:16.0pt;font-family:仿宋_GB2312;mso-hansi-font-family:&quot;Times New Roman&quot;;mso-bidi-font-family:宋体;"`;

/** Text as Word writes it in HTML: entities for some characters, runs split every few characters, source lines wrapped inside tags (as Word wraps them). */
function wordRuns(s: string, seed: number): string {
  const esc = (c: string, k: number) =>
    c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '&' ? '&amp;' : c === ' ' ? (k % 2 ? '&nbsp;' : ' ') : c === '“' ? '&ldquo;' : c === '”' ? '&rdquo;' : c === '、' && k % 3 === 0 ? '&#12289;' : c === '—' ? '&#x2014;' : c;
  const chars = [...s];
  let html = '';
  let run = '';
  let n = 0;
  chars.forEach((c, k) => {
    run += esc(c, k + seed);
    // a new run where Word would start one: brackets, a change of script, every few characters
    const next = chars[k + 1];
    if (next !== undefined && (c === '）' || next === '（' || /\d/.test(c) !== /\d/.test(next) || (k + seed) % 7 === 6)) {
      const wrap = n++ % 3 === 2 ? '\n' : ' ';
      html += (k + seed) % 5 === 0 ? `<font${wrap}face="仿宋_GB2312">${run}</font>` : `<span${wrap}lang=EN-US ${MSO_SPAN}>${run}</span>`;
      run = '';
    }
  });
  if (run) html += `<span ${MSO_SPAN}>${run}</span>`;
  return html;
}

function wordParagraphs(piece: string, seed: number): string {
  if (!piece) return '';
  const lines = piece.replace(/\n$/, '').split('\n').map((l) => l.replace(/\r$/, ''));
  const heading = /^(\s*)([一二三四五六七八九十]+、|（[一二三四五六七八九十]+）)(.*)$/;
  const out: string[] = [];
  for (let k = 0; k < lines.length; k++) {
    const s = lines[k]!;
    if (!s.trim()) {
      out.push(`<p ${MSO_P}><span lang=EN-US ${MSO_SPAN}><o:p>&nbsp;</o:p></span></p>`);
      continue;
    }
    // a heading's marker one character a run, bold, as Word splits it
    const m = heading.exec(s);
    if (m) {
      out.push(`<p ${MSO_P}><b><span ${MSO_SPAN}>${[...m[2]!].map((c) => `<span style="font-family:黑体;">${c}</span>`).join('')}</span>${wordRuns(m[3]!, seed + k)}</b><span><o:p></o:p></span></p>`);
      continue;
    }
    // one paragraph: the text's lines up to a blank line or a heading (a PDF's hard breaks stay as the source's line breaks inside it)
    const para = [s];
    while (k + 1 < lines.length && lines[k + 1]!.trim() && !heading.test(lines[k + 1]!)) para.push(lines[++k]!);
    out.push(`<p ${MSO_P}>${para.map((l, j) => wordRuns(l, seed + k + j)).join('\n')}<span lang=EN-US><o:p></o:p></span></p>`);
  }
  return out.join('\n') + '\n';
}

/** A cell as Word writes it: centred paragraph; blank as `&nbsp;` in a paragraph or an `<o:p>`. */
function wordCell(v: string, k: number, attrs = ''): string {
  const width = `width=${60 + (k % 3)} valign=center style="width:45.0pt;border:solid windowtext 1.0pt;border-top:none;mso-border-alt:solid windowtext .5pt;padding:0cm 5.4pt 0cm 5.4pt;"`;
  if (!v) return k % 2 ? `<td ${width}${attrs}><p class=MsoNormal align=center><span lang=EN-US><o:p>&nbsp;</o:p></span></p></td>` : `<td ${width}${attrs}><p>&nbsp;</p></td>`;
  return `<td ${width}${attrs}><p class=MsoNormal align=center style="text-align:center;"><span lang=EN-US ${MSO_SPAN}>${v}</span><span><o:p></o:p></span></p></td>`;
}
const wordLabel = (s: string, attrs = '') => `<td${attrs} style="border:solid windowtext 1.0pt;"><p class=MsoNormal>${wordRuns(s, s.length)}</p></td>`;
/** A vertical label: one character a paragraph, each in its own run. */
const wordVertical = (s: string, attrs: string) => `<td${attrs} style="layout-flow:vertical-ideographic;"><p align=center>${[...s].map((c) => `<span style="font-family:宋体;">${c}</span>`).join('</p>\n<p align=center>')}</p></td>`;
const wordTable = (rows: string[]) => `<table class=MsoNormalTable border=1 cellspacing=0 cellpadding=0 style="border-collapse:collapse;mso-table-layout-alt:fixed;">\n<tbody>\n${rows.map((r) => `<tr style="height:20.0pt;">${r}</tr>`).join('\n')}\n</tbody>\n</table>\n`;

function wordT2(d: PubTables): string {
  const rows: string[] = [];
  for (const b of d.t2!) {
    const wide = b.columns.length === 1 ? ' colspan=3' : '';
    rows.push(wordLabel(b.label, ' colspan=4'));
    rows.push(wordLabel('信息内容') + b.columns.map((c) => wordLabel(c, wide)).join(''));
    for (const r of b.rows) rows.push(wordLabel(r.label) + r.cells.map((v, k) => wordCell(v, k, wide)).join(''));
  }
  return wordTable(rows);
}

function wordT3(d: PubTables, t: FormatTemplate): string {
  const rows: string[] = [
    wordLabel(t.table3.note, ' colspan=3 rowspan=3') + wordLabel('申请人情况', ' colspan=7'),
    wordLabel('自然人', ' rowspan=2') + wordLabel('法人或其他组织', ' colspan=5') + wordLabel('总计', ' rowspan=2'),
    t.table3.columns.slice(1, 6).map((c) => wordLabel(c.label)).join(''),
  ];
  const rowsIn = (g: string) => d.t3!.filter((r) => r.groups.includes(g)).length;
  const printed = new Set<string>();
  for (const r of d.t3!) {
    let lead = '';
    for (const g of r.groups) {
      if (printed.has(g)) continue;
      printed.add(g);
      const label = t.table3.rowGroups.find((x) => x.key === g)?.label ?? '';
      lead += g.includes('.') ? wordLabel(label, ` rowspan=${rowsIn(g)}`) : wordVertical(label, ` rowspan=${rowsIn(g)}`);
    }
    // the label fills the label columns its groups leave
    const span = 3 - r.groups.length;
    rows.push(lead + wordLabel(r.label, span > 1 ? ` colspan=${span}` : '') + r.cells.map((v, k) => wordCell(v, k)).join(''));
  }
  return wordTable(rows);
}

function wordT4(d: PubTables, t: FormatTemplate): string {
  const cols = t.table4.columns.map((c) => c.label);
  return wordTable([
    wordLabel('行政复议', ' colspan=5') + wordLabel('行政诉讼', ' colspan=10'),
    cols.map((c) => wordLabel(c, ' rowspan=2')).join('') + wordLabel('未经复议直接起诉', ' colspan=5') + wordLabel('复议后起诉', ' colspan=5'),
    [...cols, ...cols].map((c) => wordLabel(c)).join(''),
    d.t4!.map((v, k) => wordCell(v, k)).join(''),
  ]);
}

// ---- Markdown from a PDF converter or OCR -----------------------------------------------------

/** Prose as converters write it: headings marked, a page marker every so often. */
function ocrProse(piece: string, seed: number): string {
  if (!piece) return '';
  const lines = piece.replace(/\n$/, '').split('\n');
  const markers = ['— 1 —', '- 2 -', '第 3 页', '—4—'];
  return (
    lines
      .map((line, k) => {
        const s = /^[一二三四五六]、(?:总体情况|主动公开|收到和处理|政府信息公开行政复议|存在的主要问题|其他需要报告)/.test(line.trim()) ? `## ${line.trim()}` : line;
        return k > 0 && k % 9 === 0 ? `${markers[(seed + k) % markers.length]}\n\n${s}` : s;
      })
      .join('\n') + '\n'
  );
}

const pipe = (cells: string[]) => `| ${cells.join(' | ')} |`;
const rule = (n: number) => `|${new Array(n).fill(' --- ').join('|')}|`;

function ocrT2(d: PubTables): string {
  const out: string[] = [];
  for (const b of d.t2!) {
    out.push('', b.label, '', pipe(['信息内容', ...b.columns]), rule(b.columns.length + 1));
    // a long label broken with <br> inside its cell
    for (const r of b.rows) out.push(pipe([r.label.length > 4 ? `${r.label.slice(0, 2)}<br>${r.label.slice(2)}` : r.label, ...r.cells]));
  }
  return out.join('\n') + '\n\n';
}

function ocrT3(d: PubTables, t: FormatTemplate): string {
  const out: string[] = ['', pipe([t.table3.note, '申请人情况']), rule(2), pipe(['', '自然人', '法人或其他组织', '总计']), ''];
  const printed = new Set<string>();
  d.t3!.forEach((r, i) => {
    for (const g of r.groups) {
      if (printed.has(g)) continue;
      printed.add(g);
      out.push(t.table3.rowGroups.find((x) => x.key === g)?.label ?? '');
    }
    // the label as a loose line, then a small table whose only row has no label
    out.push(r.label, '');
    const header = i % 3 === 0 ? r.cells.map((_, k) => `数据${k + 1}`) : i % 3 === 1 ? t.table3.columns.map((c) => c.label) : ['信息内容', '本年制发件数', '本年废止件数', '现行有效件数', '', '', ''];
    out.push(pipe(header), rule(r.cells.length), pipe(r.cells.map((v) => v || ' ')));
    // a page number the converter left inside the table
    if (i === 8) out.push('', '5');
    out.push('');
  });
  return out.join('\n') + '\n';
}

function ocrT4(d: PubTables, t: FormatTemplate): string {
  const cols = t.table4.columns.map((c) => c.label);
  return ['', pipe(['行政复议', '', '', '', '', '行政诉讼']), rule(6), '', pipe([...cols, ...cols, ...cols]), rule(15), pipe(d.t4!.map((v) => v || ' ')), '', ''].join('\n');
}
