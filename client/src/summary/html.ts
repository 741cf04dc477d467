/**
 * The summary webview's HTML, drawn from what the server answered to `nianbao/summary` (sheets and
 * problems by place; no vscode import and no core code, so it is tested in plain node): the
 * standard tables first, the checks with their ✓/✗ and equations, then the problems by report and
 * line, under a strict Content-Security-Policy (nonces only), themed by VS Code's CSS variables.
 * Cells carry data-row/data-col (and the report range when known); the nonce'd script posts
 * clicks and button presses to the extension.
 */
import type { GridCell, GridValue, Sheet, Summary } from '../../../server/src/core/summary/index';
import type { PlaceRange, ProblemPlace, SummaryResult } from '../../../server/src/lsp/protocol';
import type { UiLocale } from '../l10n';

export interface HtmlOptions {
  /** For the <style> and the <script>: the page loads nothing else (no webview.cspSource needed). */
  nonce: string;
  title: string;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

export function gridText(v: GridValue): string {
  return v === null ? '' : typeof v === 'string' ? v : v.n;
}

type Words = Record<keyof typeof WORDS, string>;
const WORDS = {
  copyTsv: { zh: '复制表格', en: 'Copy table' },
  copyMd: { zh: '复制为 Markdown', en: 'Copy as Markdown' },
  saveXlsx: { zh: '导出 XLSX', en: 'Export XLSX' },
  saveCsv: { zh: '导出 CSV', en: 'Export CSV' },
  saveMd: { zh: '导出 Markdown', en: 'Export Markdown' },
  problems: { zh: '问题', en: 'Problems' },
  noProblems: { zh: '没有发现问题。', en: 'No problems found.' },
  line: { zh: '行', en: 'Line' },
  severity: { zh: '级别', en: 'Severity' },
  rule: { zh: '规则', en: 'Rule' },
  message: { zh: '说明', en: 'Message' },
  error: { zh: '错误', en: 'error' },
  warning: { zh: '警告', en: 'warning' },
  info: { zh: '提示', en: 'info' },
  contents: { zh: '目录', en: 'Contents' },
};

function td(c: GridCell | undefined, tag: 'td' | 'th', span: { rowspan?: number; colspan?: number }): string {
  const attrs: string[] = [];
  if (span.rowspan && span.rowspan > 1) attrs.push(`rowspan="${span.rowspan}"`);
  if (span.colspan && span.colspan > 1) attrs.push(`colspan="${span.colspan}"`);
  const cls: string[] = [];
  if (c?.ref) attrs.push(`data-table="${c.ref.table}"`, `data-row="${esc(c.ref.row)}"`, `data-col="${c.ref.col}"`);
  if (c?.range) {
    attrs.push(`data-start="${c.range.start}"`, `data-end="${c.range.end}"`);
    cls.push('link');
  }
  if (c?.value && typeof c.value === 'object') cls.push('num');
  let text = esc(gridText(c?.value ?? null));
  if (text === '✓') cls.push('check-ok');
  if (text === '✗') cls.push('check-fail');
  if (text === '—') cls.push('check-open');
  if (c?.fail) {
    cls.push('fails');
    attrs.push(`title="${esc(c.fail)}"`);
    text += ` <span class="check-fail" title="${esc(c.fail)}">✗</span>`;
  }
  if (cls.length) attrs.push(`class="${cls.join(' ')}"`);
  return `<${tag}${attrs.length ? ' ' + attrs.join(' ') : ''}>${text}</${tag}>`;
}

/** A sheet as a table; `order` may put its body rows in another order (the checks: failing first). */
function table(sh: Sheet, order?: (rows: GridCell[][]) => GridCell[][]): string {
  const covered = new Set<string>();
  const spanAt = new Map<string, { rowspan: number; colspan: number }>();
  for (const [r1, c1, r2, c2] of sh.merges) {
    spanAt.set(`${r1},${c1}`, { rowspan: r2 - r1 + 1, colspan: c2 - c1 + 1 });
    for (let r = r1; r <= r2; r++) for (let c = c1; c <= c2; c++) if (r !== r1 || c !== c1) covered.add(`${r},${c}`);
  }
  const width = Math.max(0, ...sh.rows.map((r) => r.length));
  const draw = (row: GridCell[], r: number, tag: 'td' | 'th') => {
    const cells: string[] = [];
    for (let c = 0; c < width; c++) {
      if (covered.has(`${r},${c}`)) continue;
      cells.push(td(row[c], tag, spanAt.get(`${r},${c}`) ?? {}));
    }
    return `<tr>${cells.join('')}</tr>`;
  };
  const head = sh.rows.slice(0, sh.headerRows).map((row, r) => draw(row, r, 'th'));
  // merges reach into the body only in the tables' label columns, whose order is kept
  const body = sh.rows.slice(sh.headerRows).map((row, i) => ({ row, r: i + sh.headerRows }));
  const rows = order ? order(body.map((b) => b.row)).map((row) => body.find((b) => b.row === row)!) : body;
  return `<div class="scroll"><table class="sheet-${sh.id}">\n<thead>${head.join('\n')}</thead>\n<tbody>${rows.map((b) => draw(b.row, b.r, 'td')).join('\n')}</tbody></table></div>`;
}

/** Failing checks first, then those that could not be made, then those that hold. */
function checksFirst(rows: GridCell[][]): GridCell[][] {
  const rank = (row: GridCell[]) => ({ '✗': 0, '—': 1 })[gridText(row[0]?.value ?? null)] ?? 2;
  return [...rows].sort((a, b) => rank(a) - rank(b));
}

/**
 * The line under the title: failing checks first; checks that could not be evaluated (cells
 * missing) and reports with no tables at all are said as such, never as "all checks hold".
 */
function statusLine(s: Summary, locale: UiLocale): string {
  const en = locale === 'en';
  const p = (cls: string, text: string) => `<p class="status ${cls}">${esc(text)}</p>`;
  if (!s.tables) {
    const why = [...new Set(s.excluded.map((e) => (en ? e.detail.en : e.detail.zh)).filter(Boolean))].join(en ? '; ' : '；');
    return p('check-none', en ? `No tables to check${why ? `: ${why}` : ''}` : `没有可核对的表格${why ? `：${why}` : ''}`);
  }
  const fails = s.tables.checks.filter((c) => c.ok === false).length;
  const open = s.tables.checks.filter((c) => c.ok === null).length;
  const openText = en ? `${open} cannot be checked (cells missing)` : `${open} 处无法核对（缺少数据）`;
  if (fails) return p('check-fail', en ? `${fails} check(s) fail${open ? `; ${openText}` : ''}` : `勾稽关系不符 ${fails} 处${open ? `；另有 ${openText}` : ''}`);
  if (open) return p('check-open', en ? `No check fails; ${openText}` : `勾稽关系无不符；${openText}`);
  return p('check-ok', en ? 'All checks hold' : '勾稽关系全部相符');
}

const pos = (r: PlaceRange) => `${r.start.line},${r.start.character},${r.end.line},${r.end.character}`;

/** Where a problem leads: the open report by offsets (found again after edits), any file by its URI and position. */
function placeAttrs(uri: string, range: PlaceRange, offsets: { start: number; end: number } | undefined): string {
  const at = `data-uri="${esc(uri)}" data-pos="${pos(range)}"`;
  return offsets ? `${at} data-start="${offsets.start}" data-end="${offsets.end}"` : at;
}

/** Problems by report, then by line: the line cell and each message lead to the place. */
function places(list: ProblemPlace[], kind: Summary['kind'], w: Words): string {
  const total = list.reduce((n, p) => n + p.lines.reduce((m, l) => m + l.items.length, 0), 0);
  const head = `<h2 id="problems">${esc(w.problems)}（${total}）</h2>`;
  if (!total) return `<section class="problems">${head}\n<p class="check-none">${esc(w.noProblems)}</p></section>`;
  // one report: its offsets (the panel follows edits); several: URIs and positions
  const own = kind === 'report';
  const blocks = list
    .filter((p) => p.lines.length)
    .map((p) => {
      const rows = p.lines.flatMap((l) =>
        l.items.map((i, k) => {
          const lineCell = k === 0 ? `<td class="line num link"${l.items.length > 1 ? ` rowspan="${l.items.length}"` : ''} ${placeAttrs(p.uri, l.range, own ? l.offsets : undefined)}>${l.line}</td>` : '';
          return `<tr class="sev-${i.severity}">${lineCell}<td class="sev">${esc(w[i.severity])}</td><td class="rule">${esc(i.ruleId)}</td><td class="msg link" ${placeAttrs(p.uri, i.range, own ? i.offsets : undefined)}>${esc(i.message)}</td></tr>`;
        }),
      );
      // a single report's name is the page's title already: no second heading with it
      const title = own ? '' : `<h3>${esc(p.file)}</h3>\n`;
      return `${title}<div class="scroll"><table class="places"><thead><tr><th>${esc(w.line)}</th><th>${esc(w.severity)}</th><th>${esc(w.rule)}</th><th>${esc(w.message)}</th></tr></thead>\n<tbody>${rows.join('\n')}</tbody></table></div>`;
    });
  return `<section class="problems">${head}\n${blocks.join('\n')}</section>`;
}

export function summaryHtml(r: SummaryResult, o: HtmlOptions): string {
  const en = r.locale === 'en';
  const w = Object.fromEntries(Object.entries(WORDS).map(([k, v]) => [k, en ? v.en : v.zh])) as Words;
  const s = r.summary;
  const byId = new Map(r.sheets.map((sh) => [sh.id, sh]));
  // table-first: the roster of a consolidation, the three tables, the checks; then the problems;
  // what was not summed and the notes only when there are some (no empty headings)
  const sections: { id: string; name: string; html: string }[] = [];
  const add = (id: Sheet['id'], keep: (sh: Sheet) => boolean = () => true, order?: (rows: GridCell[][]) => GridCell[][]) => {
    const sh = byId.get(id);
    if (sh && keep(sh)) sections.push({ id, name: sh.name, html: `<section><h2 id="${id}">${esc(sh.name)}</h2>\n${table(sh, order)}</section>` });
  };
  if (s.kind === 'consolidated') add('roster');
  add('t2');
  add('t3');
  add('t4');
  add('checks', (sh) => sh.rows.length > 1, checksFirst);
  add('crossYear');
  const problemCount = r.places.reduce((n, p) => n + p.lines.reduce((m, l) => m + l.items.length, 0), 0);
  sections.push({ id: 'problems', name: `${w.problems}（${problemCount}）`, html: places(r.places, s.kind, w) });
  add('excluded', (sh) => sh.rows.length > 1);
  add('notes', (sh) => sh.rows.length > 1);
  const nav = sections.map((x) => `<a href="#${x.id}">${esc(x.name)}</a>`).join('');
  // Nothing is loaded (no remote or local resources, no inline style attributes): the one <style>
  // and the one <script> carry the nonce; VS Code's theme variables are set through the CSSOM,
  // which the policy does not restrict.
  const csp = `default-src 'none'; style-src 'nonce-${o.nonce}'; script-src 'nonce-${o.nonce}'; base-uri 'none'; form-action 'none'`;
  return `<!DOCTYPE html>
<html lang="${en ? 'en' : 'zh-CN'}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>${esc(o.title)}</title>
<style nonce="${o.nonce}">
body { color: var(--vscode-editor-foreground); background: var(--vscode-editor-background); font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); margin: 0; padding: 0 16px 24px; line-height: 1.45; }
header { position: sticky; top: 0; z-index: 1; background: var(--vscode-editor-background); border-bottom: 1px solid var(--vscode-panel-border, var(--vscode-editorWidget-border)); padding: 8px 0 6px; }
h1 { font-size: 1.25em; margin: 0 0 2px; font-weight: 600; }
h2 { font-size: 1.1em; margin: 18px 0 6px; font-weight: 600; scroll-margin-top: 110px; }
h3 { font-size: 1em; margin: 12px 0 4px; font-weight: 600; color: var(--vscode-descriptionForeground); }
p.status { margin: 2px 0 6px; font-weight: 600; }
nav { display: flex; flex-wrap: wrap; gap: 4px 14px; margin-top: 4px; }
nav a { color: var(--vscode-textLink-foreground); text-decoration: none; }
nav a:hover { text-decoration: underline; }
.actions { display: flex; flex-wrap: wrap; gap: 6px; }
.scroll { overflow-x: auto; max-width: 100%; }
table { border-collapse: collapse; margin: 0 0 8px; }
th, td { border: 1px solid var(--vscode-panel-border, var(--vscode-editorWidget-border)); padding: 3px 8px; vertical-align: top; }
th { background: var(--vscode-editorWidget-background); font-weight: 600; text-align: left; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.link { cursor: pointer; }
td.link:hover { background: var(--vscode-list-hoverBackground); }
td.fails { background: var(--vscode-inputValidation-errorBackground); }
.check-fail { color: var(--vscode-errorForeground); font-weight: 600; }
.check-ok { color: var(--vscode-testing-iconPassed, var(--vscode-terminal-ansiGreen)); }
.check-open { color: var(--vscode-editorWarning-foreground); }
.check-none { color: var(--vscode-descriptionForeground); }
tr.sev-error td.sev { color: var(--vscode-errorForeground); }
tr.sev-warning td.sev { color: var(--vscode-editorWarning-foreground); }
tr.sev-info td.sev { color: var(--vscode-editorInfo-foreground); }
td.sev, td.rule { white-space: nowrap; }
td.rule { font-family: var(--vscode-editor-font-family); font-size: 0.9em; }
[data-start]:focus-visible, [data-pos]:focus-visible { outline: 1px solid var(--vscode-focusBorder); outline-offset: -1px; }
/* long sums (a column's 19 terms) wrap instead of squeezing the check's name to one character a line */
table.sheet-checks td:nth-child(2) { min-width: 14em; }
table.sheet-checks td:nth-child(3), table.places td.msg { overflow-wrap: anywhere; }
table.sheet-checks td:nth-child(3) { font-variant-numeric: tabular-nums; }
table.sheet-t3 td:not(.num), table.sheet-t2 td:not(.num) { min-width: 4em; }
button { color: var(--vscode-button-secondaryForeground, var(--vscode-button-foreground)); background: var(--vscode-button-secondaryBackground, var(--vscode-button-background)); border: none; border-radius: 2px; padding: 4px 10px; cursor: pointer; font: inherit; }
button.primary { color: var(--vscode-button-foreground); background: var(--vscode-button-background); }
button:hover { background: var(--vscode-button-secondaryHoverBackground, var(--vscode-button-hoverBackground)); }
button.primary:hover { background: var(--vscode-button-hoverBackground); }
button:focus-visible { outline: 1px solid var(--vscode-focusBorder); outline-offset: 1px; }
</style>
</head>
<body>
<header>
<h1>${esc(o.title)}</h1>
${statusLine(s, r.locale)}
<div class="actions">
<button class="primary" data-action="copy" data-format="tsv">${esc(w.copyTsv)}</button>
<button data-action="copy" data-format="md">${esc(w.copyMd)}</button>
<button data-action="save" data-format="xlsx">${esc(w.saveXlsx)}</button>
<button data-action="save" data-format="csv">${esc(w.saveCsv)}</button>
<button data-action="save" data-format="md">${esc(w.saveMd)}</button>
</div>
<nav aria-label="${esc(w.contents)}">${nav}</nav>
</header>
<main>
${sections.map((x) => x.html).join('\n')}
</main>
<script nonce="${o.nonce}">
const vscode = acquireVsCodeApi();
function go(c) {
  if (c.dataset.start !== undefined) {
    vscode.postMessage({ type: 'reveal', start: Number(c.dataset.start), end: Number(c.dataset.end), table: c.dataset.table, row: c.dataset.row, col: c.dataset.col === undefined ? undefined : Number(c.dataset.col) });
  } else {
    vscode.postMessage({ type: 'open', uri: c.dataset.uri, range: c.dataset.pos.split(',').map(Number) });
  }
}
// cells and problems that lead to a report are reached with Tab and opened with Enter or Space too
for (const c of document.querySelectorAll('[data-start], [data-pos]')) c.tabIndex = 0;
document.addEventListener('click', (e) => {
  const b = e.target.closest('button[data-action]');
  if (b) { vscode.postMessage({ type: b.dataset.action, format: b.dataset.format }); return; }
  const c = e.target.closest('[data-start], [data-pos]');
  if (c) go(c);
});
document.addEventListener('keydown', (e) => {
  if ((e.key === 'Enter' || e.key === ' ') && e.target.matches && e.target.matches('[data-start], [data-pos]')) {
    e.preventDefault();
    go(e.target);
  }
});
</script>
</body>
</html>`;
}
