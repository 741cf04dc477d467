/**
 * The summary webview's HTML (no vscode import, so it is tested in plain node): the standard
 * tables with ✓/✗ checks and the problems, under a strict Content-Security-Policy (nonces only), themed by
 * VS Code's CSS variables. Cells carry data-row/data-col (and the report range when known);
 * the nonce'd script posts clicks and button presses to the extension.
 */
import { gridText, summarySheets, type GridCell, type Locale, type Sheet, type Summary } from '../../../server/src/core';

export interface HtmlOptions {
  /** For the <style> and the <script>: the page loads nothing else (no webview.cspSource needed). */
  nonce: string;
  locale: Locale;
  title: string;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

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

function table(sh: Sheet): string {
  const covered = new Set<string>();
  const spanAt = new Map<string, { rowspan: number; colspan: number }>();
  for (const [r1, c1, r2, c2] of sh.merges) {
    spanAt.set(`${r1},${c1}`, { rowspan: r2 - r1 + 1, colspan: c2 - c1 + 1 });
    for (let r = r1; r <= r2; r++) for (let c = c1; c <= c2; c++) if (r !== r1 || c !== c1) covered.add(`${r},${c}`);
  }
  const width = Math.max(0, ...sh.rows.map((r) => r.length));
  const rows = sh.rows.map((row, r) => {
    const tag = r < sh.headerRows ? 'th' : 'td';
    const cells: string[] = [];
    for (let c = 0; c < width; c++) {
      if (covered.has(`${r},${c}`)) continue;
      cells.push(td(row[c], tag, spanAt.get(`${r},${c}`) ?? {}));
    }
    return `<tr>${cells.join('')}</tr>`;
  });
  return `<table class="sheet-${sh.id}">${rows.join('\n')}</table>`;
}

const LABELS = {
  copyMd: { zh: '复制为 Markdown', en: 'Copy as Markdown' },
  copyTsv: { zh: '复制为表格（TSV）', en: 'Copy as table (TSV)' },
  saveCsv: { zh: '另存为 CSV', en: 'Save as CSV' },
  saveXlsx: { zh: '另存为 XLSX', en: 'Save as XLSX' },
};

/**
 * The line under the title: failing checks first; checks that could not be evaluated (cells
 * missing) and reports with no tables at all are said as such, never as "all checks hold".
 */
function statusLine(s: Summary, locale: Locale): string {
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

export function summaryHtml(s: Summary, o: HtmlOptions): string {
  const L = (m: { zh: string; en: string }) => (o.locale === 'en' ? m.en : m.zh);
  const sheets = summarySheets(s, o.locale).filter((sh) => sh.id !== 'roster' || s.kind === 'consolidated');
  const status = statusLine(s, o.locale);
  // Nothing is loaded (no remote or local resources, no inline style attributes): the one <style>
  // and the one <script> carry the nonce; VS Code's theme variables are set through the CSSOM,
  // which the policy does not restrict.
  const csp = `default-src 'none'; style-src 'nonce-${o.nonce}'; script-src 'nonce-${o.nonce}'; base-uri 'none'; form-action 'none'`;
  return `<!DOCTYPE html>
<html lang="${o.locale === 'en' ? 'en' : 'zh-CN'}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>${esc(o.title)}</title>
<style nonce="${o.nonce}">
body { color: var(--vscode-editor-foreground); background: var(--vscode-editor-background); font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); }
table { border-collapse: collapse; margin: 0.5em 0 1.5em; }
th, td { border: 1px solid var(--vscode-panel-border, var(--vscode-editorWidget-border)); padding: 2px 6px; }
th { background: var(--vscode-editorWidget-background); font-weight: 600; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
td.link { cursor: pointer; }
td.link:hover { background: var(--vscode-list-hoverBackground); }
td.fails { background: var(--vscode-inputValidation-errorBackground); }
.check-fail { color: var(--vscode-errorForeground); font-weight: 600; }
.check-ok { color: var(--vscode-testing-iconPassed, var(--vscode-terminal-ansiGreen)); }
.check-open { color: var(--vscode-editorWarning-foreground); }
.check-none { color: var(--vscode-descriptionForeground); }
[data-start]:focus-visible { outline: 1px solid var(--vscode-focusBorder); outline-offset: -1px; }
/* long sums (a column's 19 terms) wrap instead of squeezing the check's name to one character a line */
table.sheet-checks td:nth-child(2) { min-width: 12em; }
table.sheet-checks td:nth-child(3), table.sheet-problems td:last-child { overflow-wrap: anywhere; }
button { color: var(--vscode-button-foreground); background: var(--vscode-button-background); border: none; padding: 4px 10px; margin-right: 6px; cursor: pointer; }
button:hover { background: var(--vscode-button-hoverBackground); }
</style>
</head>
<body>
<h1>${esc(o.title)}</h1>
${status}
<div class="actions">
<button data-action="copy" data-format="md">${esc(L(LABELS.copyMd))}</button>
<button data-action="copy" data-format="tsv">${esc(L(LABELS.copyTsv))}</button>
<button data-action="save" data-format="csv">${esc(L(LABELS.saveCsv))}</button>
<button data-action="save" data-format="xlsx">${esc(L(LABELS.saveXlsx))}</button>
</div>
${sheets.map((sh) => `<h2 id="${sh.id}">${esc(sh.name)}</h2>\n${sh.rows.length > 1 || sh.id !== 'excluded' ? table(sh) : ''}`).join('\n')}
<script nonce="${o.nonce}">
const vscode = acquireVsCodeApi();
function reveal(c) {
  vscode.postMessage({ type: 'reveal', start: Number(c.dataset.start), end: Number(c.dataset.end), table: c.dataset.table, row: c.dataset.row, col: c.dataset.col === undefined ? undefined : Number(c.dataset.col) });
}
// cells and problems that lead to the report are reached with Tab and opened with Enter or Space too
for (const c of document.querySelectorAll('[data-start]')) c.tabIndex = 0;
document.addEventListener('click', (e) => {
  const b = e.target.closest('button[data-action]');
  if (b) { vscode.postMessage({ type: b.dataset.action, format: b.dataset.format }); return; }
  const c = e.target.closest('[data-start]');
  if (c) reveal(c);
});
document.addEventListener('keydown', (e) => {
  if ((e.key === 'Enter' || e.key === ' ') && e.target.matches && e.target.matches('[data-start]')) {
    e.preventDefault();
    reveal(e.target);
  }
});
</script>
</body>
</html>`;
}
