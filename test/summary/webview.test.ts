// The summary webview's HTML: strict CSP, nonce'd script, cells that lead back to the report, ✗ on wrong totals.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { consolidate, lint, normalizeReport } from '../../server/src/core';
import { summaryHtml } from '../../client/src/summary/html';
import { EXTERNAL } from '../helpers/cli';
import { HUAIAN_2024, render, withCell } from '../helpers/layouts';

const opts = { nonce: 'n0nce+/=', locale: 'zh-CN' as const, title: '汇总表' };

function htmlFor(text: string, agency?: string) {
  const r = normalizeReport(lint(text));
  if (agency) r.agency = agency;
  return { html: summaryHtml(consolidate([{ file: 'r.txt', report: r }]), opts), report: r };
}

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
  // both checks that fail on it: its row total, and the balance (marked where the lint rule points)
  assert.match(attr('title'), /3001\+53\+61\+4 = 3119 ≠ 3120/);
  assert.match(attr('title'), /；3120\+\d+ = \d+ ≠ \d+ = /);
  assert.doesNotMatch(html, /data-row="四" data-col="6"[^>]*>\d+ <span class="check-fail"/, 'no ✗ on the right 结转 total');
  assert.match(attr('class'), /\bfails\b/);
  assert.match(html, /勾稽关系不符 \d+ 处/);
  // the check list's ✗ row leads to the same cell
  assert.match(html, new RegExp(`<td data-start="${start}" data-end="${end}" class="link check-fail">✗</td>`));
});

test('problems are listed by rule and lead to their place; text from the report is escaped', () => {
  const { html, report } = htmlFor(readFileSync(join(EXTERNAL, 'hongze-district-2023.txt'), 'utf8'), '<img src=x>');
  const typo = report.problems.find((p) => p.ruleId === 'table-label-typo')!.items[0]!;
  assert.match(html, new RegExp(`data-start="${typo.range.start}" data-end="${typo.range.end}"`));
  assert.match(html, /table-row-total/);
  // the 级别 column speaks the sheet's language, like its header
  assert.match(html, /<tr><td>table-label-typo<\/td><td>错误<\/td>/);
  assert.doesNotMatch(html, /<td>(error|warning|info)<\/td>/);
  const consolidated = summaryHtml(consolidate([{ file: '<b>x</b>.txt', report }, { file: 'y.txt', report: normalizeReport(lint(render(HUAIAN_2024, 'tsv'))) }]), opts);
  assert.doesNotMatch(consolidated, /<b>x<\/b>|<img src=x>/);
  assert.match(consolidated, /&lt;b&gt;x&lt;\/b&gt;\.txt/);
});

test('the status line says "all checks hold" only when every check could be made and holds', () => {
  const en = (text: string) => summaryHtml(consolidate([{ file: 'r.txt', report: normalizeReport(lint(text)) }]), { ...opts, locale: 'en' });
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
