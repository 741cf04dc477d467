// The summary webview's HTML, drawn from the server's nianbao/summary answer (made here with the
// server's own functions): strict CSP, nonce'd script, tables first, cells that lead back to the
// report, ✗ on wrong totals with the diagnostics' equation, problems by place, no empty or doubled headings.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { consolidate, lint, normalizeReport, summarySheets, type Locale, type NormalizedReport } from '../../server/src/core';
import { problemPlace, reportSummary } from '../../server/src/lsp/summary';
import { summaryHtml } from '../../client/src/summary/html';
import { EXTERNAL } from '../helpers/cli';
import { HUAIAN_2024, render, withCell } from '../helpers/layouts';

const opts = { nonce: 'n0nce+/=', title: '汇总表' };

function htmlFor(text: string, agency?: string, locale: Locale = 'zh-CN') {
  const r = normalizeReport(lint(text));
  if (agency) r.agency = agency;
  return { html: summaryHtml(reportSummary('r.txt', 'untitled:r.txt', text, r, locale, 1), opts), report: r };
}

function consolidatedHtml(files: { file: string; text: string; report: NormalizedReport }[]) {
  const summary = consolidate(files.map(({ file, report }) => ({ file, report })));
  const places = files.map((f) => problemPlace(f.file, `file:///ws/${encodeURIComponent(f.file)}`, f.report, f.text, 'zh-CN'));
  return summaryHtml({ kind: summary.kind, locale: 'zh-CN', summary, sheets: summarySheets(summary, 'zh-CN'), places }, opts);
}

const headings = (html: string) => [...html.matchAll(/<h([123])[^>]*>([^<]*)<\/h\1>/g)].map((m) => ({ level: Number(m[1]), text: m[2]! }));

test('strict CSP: nothing loaded, only the nonce’d style and script, theme from VS Code variables', () => {
  const { html } = htmlFor(render(HUAIAN_2024, 'tsv'));
  const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)![1];
  assert.equal(csp, `default-src 'none'; style-src 'nonce-n0nce+/='; script-src 'nonce-n0nce+/='; base-uri 'none'; form-action 'none'`);
  const scripts = [...html.matchAll(/<script([^>]*)>/g)].map((m) => m[1]);
  assert.deepEqual(scripts, [' nonce="n0nce+/="']);
  const styles = [...html.matchAll(/<style([^>]*)>/g)].map((m) => m[1]);
  assert.deepEqual(styles, [' nonce="n0nce+/="']);
  assert.doesNotMatch(html, /\sstyle=/); // no inline style attributes (the CSP would block them)
  assert.doesNotMatch(html, /https?:\/\//);
  assert.doesNotMatch(html, /\son\w+=/); // no inline handlers (the CSP would block them)
  assert.match(html, /var\(--vscode-editor-foreground\)/);
  assert.doesNotMatch(html, /check-fail">✗/);
});

test('a wrong total is marked ✗ with its equation, and its cell points at the report text', () => {
  const bad = withCell(HUAIAN_2024, 't3', '一', 6, 3120);
  const text = render(bad, 'tsv');
  const { html } = htmlFor(text);
  const tag = /<td data-table="t3" data-row="一" data-col="6"[^>]*>3120 <span class="check-fail"[^>]*>✗/.exec(html);
  assert.ok(tag, 'the 一/总计 cell carries a ✗');
  const attr = (name: string) => new RegExp(`${name}="([^"]*)"`).exec(tag[0])![1]!;
  const [start, end] = [attr('data-start'), attr('data-end')];
  assert.equal(text.slice(Number(start), Number(end)), '3120');
  // both checks that fail on it: its row total (in the diagnostic's notation), and the balance (marked where the lint rule points)
  const rowTotal = lint(text).diagnostics.find((d) => d.ruleId === 'table-row-total')!.message.zh;
  const equation = /总计 (3120 ≠ [\d+]+ = 3119)$/.exec(rowTotal)?.[1];
  assert.ok(equation, rowTotal);
  assert.ok(attr('title').startsWith(equation), `${attr('title')} starts with ${equation}`);
  assert.match(attr('title'), /；3120\+\d+ = \d+ ≠ [\d+]+ = \d+/);
  assert.doesNotMatch(html, /data-row="四" data-col="6"[^>]*>\d+ <span class="check-fail"/, 'no ✗ on the right 结转 total');
  assert.match(attr('class'), /\bfails\b/);
  assert.match(html, /勾稽关系不符 \d+ 处/);
  // the check list's ✗ row leads to the same cell, and the failing checks come first
  assert.match(html, new RegExp(`<td data-start="${start}" data-end="${end}" class="link check-fail">✗</td>`));
  const checks = /<table class="sheet-checks">[\s\S]*?<\/table>/.exec(html)![0];
  const marks = [...checks.matchAll(/<tr><td[^>]*>(✓|✗|—)<\/td>/g)].map((m) => m[1]);
  assert.ok(marks.length > 10);
  assert.deepEqual(marks, [...marks].sort((a, b) => '✗—✓'.indexOf(a!) - '✗—✓'.indexOf(b!)), 'failing checks first');
  // tables first: 表二, 表三, 表四, the checks, then the problems
  assert.deepEqual(headings(html).filter((h) => h.level === 2).map((h) => h.text.replace(/（\d+）$/, '')), ['表二', '表三', '表四', '勾稽关系', '问题']);
});

test('problems are listed by place (line by line, each leading to its range); text from the report is escaped', () => {
  const text = readFileSync(join(EXTERNAL, 'hongze-district-2023.txt'), 'utf8');
  const { html, report } = htmlFor(text, '<img src=x>');
  const typo = report.problems.find((p) => p.ruleId === 'table-label-typo')!.items[0]!;
  assert.match(html, new RegExp(`data-start="${typo.range.start}" data-end="${typo.range.end}"`));
  const rows = [...html.matchAll(/<tr class="sev-(\w+)">(?:<td class="line num link"[^>]*>(\d+)<\/td>)?<td class="sev">([^<]*)<\/td><td class="rule">([^<]*)<\/td>/g)];
  const all = report.problems.flatMap((p) => p.items.map((i) => ({ ...i, ruleId: p.ruleId })));
  assert.equal(rows.length, all.length, 'one row per problem');
  const lines = rows.filter((r) => r[2]).map((r) => Number(r[2]));
  assert.deepEqual(lines, [...new Set(all.map((i) => i.line))].sort((a, b) => a - b), 'each line once, in order');
  // the 级别 column speaks the page's language, like its header
  assert.ok(rows.every((r) => ['错误', '警告', '提示'].includes(r[3]!)), rows.map((r) => r[3]).join());
  assert.ok(rows.some((r) => r[4] === 'table-row-total'));
  const consolidated = consolidatedHtml([
    { file: '<b>x</b>.txt', text, report },
    { file: 'y.txt', text: render(HUAIAN_2024, 'tsv'), report: normalizeReport(lint(render(HUAIAN_2024, 'tsv'))) },
  ]);
  assert.doesNotMatch(consolidated, /<b>x<\/b>|<img src=x>/);
  assert.match(consolidated, /<h3>&lt;b&gt;x&lt;\/b&gt;\.txt<\/h3>/, 'a consolidation names each report over its problems');
  // a consolidation's problems open their file at their line (no offsets: the file may not be open)
  assert.match(consolidated, /data-uri="file:\/\/\/ws\/%3Cb%3Ex%3C%2Fb%3E\.txt" data-pos="\d+,\d+,\d+,\d+">/);
  assert.doesNotMatch(consolidated.slice(consolidated.indexOf('id="problems"')), /data-start=/);
  assert.deepEqual(headings(consolidated).filter((h) => h.level === 2).map((h) => h.text.replace(/（\d+）$/, '')).slice(0, 5), ['名册', '表二', '表三', '表四', '勾稽关系']);
});

test('no empty or doubled headings: one title, each section once, sections without rows left out', () => {
  for (const text of [render(HUAIAN_2024, 'tsv'), readFileSync(join(EXTERNAL, 'hongze-district-2023.txt'), 'utf8'), '会议纪要：本年度止件数待核。\n']) {
    const { html } = htmlFor(text);
    const hs = headings(html);
    assert.equal(hs.filter((h) => h.level === 1).length, 1);
    assert.ok(hs.every((h) => h.text.trim()), JSON.stringify(hs));
    const h2 = hs.filter((h) => h.level === 2).map((h) => h.text);
    assert.deepEqual(h2, [...new Set(h2)], 'no heading twice');
    assert.ok(!hs.some((h) => h.level === 3), 'one report: its name is the title, not a heading again');
    // every section heading is followed by content
    for (const m of html.matchAll(/<\/h2>\n(<[a-z]+)/g)) assert.match(m[1]!, /<(div|p|h3)/);
  }
  const clean = htmlFor(render(HUAIAN_2024, 'tsv')).html;
  assert.doesNotMatch(clean, /id="excluded"|id="notes"/, 'nothing excluded, no notes: no such headings');
});

test('the status line says "all checks hold" only when every check could be made and holds', () => {
  const en = (text: string) => htmlFor(text, undefined, 'en').html;
  const status = (html: string) => /<p class="status ([\w-]+)">([^<]*)<\/p>/.exec(html)!.slice(1);
  // not a report: no tables at all, and why
  const notes = '会议纪要：本年度止件数待核。\n';
  assert.deepEqual(status(htmlFor(notes).html), ['check-none', '没有可核对的表格：不像是政府信息公开工作年度报告']);
  assert.deepEqual(status(en(notes)), ['check-none', 'No tables to check: does not read as an annual report']);
  // 表三 stops half-way: the checks on the missing rows cannot be made
  const half = readFileSync(join(import.meta.dirname, '../fixtures/summary/set/f-tongguan-2023.txt'), 'utf8');
  const open = consolidate([{ file: 'r.txt', report: normalizeReport(lint(half)) }]).tables!.checks.filter((c) => c.ok === null).length;
  assert.ok(open > 0);
  assert.deepEqual(status(htmlFor(half).html), ['check-open', `勾稽关系无不符；${open} 处无法核对（缺少数据）`]);
  assert.match(htmlFor(half).html, /<td class="check-open">—<\/td>/);
  // and with a wrong total as well: both are said
  const total = lint(half).report.table3!.rows.find((r) => r.key === '一')!.cells[6]!.range;
  const halfWrong = half.slice(0, total.start) + String(Number(half.slice(total.start, total.end)) + 1) + half.slice(total.end);
  const [cls, text] = status(htmlFor(halfWrong).html);
  assert.equal(cls, 'check-fail');
  assert.match(text, /^勾稽关系不符 \d+ 处；另有 \d+ 处无法核对（缺少数据）$/);
  // every check made and holding
  assert.deepEqual(status(htmlFor(render(HUAIAN_2024, 'tsv')).html), ['check-ok', '勾稽关系全部相符']);
  assert.deepEqual(status(en(render(HUAIAN_2024, 'tsv'))), ['check-ok', 'All checks hold']);
});
