// Issue 13: every real report of the corpus as a web page pasted from Word (also GBK-encoded) and as
// Markdown from a PDF/OCR converter gives the clean text's findings, with every range on rendered
// text, never in a tag; one changed digit gives exactly that cell's sum errors, on the cell's text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { findRule, lint, type Diagnostic } from '../../server/src/core';
import { EXTERNAL, SEEDS, checkJson } from '../helpers/cli';
import { publish } from '../helpers/layouts';
import { tempDir } from '../helpers/tmp';

const REPORTS = [SEEDS, EXTERNAL].flatMap((d) => readdirSync(d).filter((f) => f.endsWith('.txt')).map((f) => ({ name: f, text: readFileSync(join(d, f), 'utf8') })));

/**
 * A finding as a reader sees it. The document-level punctuation count differs by design: a web
 * page's runs split a mark from the Chinese beside it, and such marks are not counted.
 */
const key = (d: { ruleId: string; message: { zh: string } }) => `${d.ruleId}: ${d.message.zh.replace(/全文使用半角标点（\d+ 处，全角仅 \d+ 处）/, '全文使用半角标点')}`;
const tableOrStructure = (id: string) => ['table', 'structure'].includes(findRule(id)?.meta.category ?? '');
const sorted = (ds: Diagnostic[]) => ds.map(key).sort();

/** Tag spans of an HTML source: [start, end) of every `<…>` and comment. */
function tagSpans(html: string): [number, number][] {
  const out: [number, number][] = [];
  for (const m of html.matchAll(/<!--[\s\S]*?-->|<[^>]*>/g)) out.push([m.index!, m.index! + m[0].length]);
  return out;
}
function insideTag(spans: [number, number][], at: number): boolean {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [s, e] = spans[mid]!;
    if (at <= s) hi = mid - 1;
    else if (at >= e) lo = mid + 1;
    else return true;
  }
  return false;
}

/** Every diagnostic on rendered text: neither end strictly inside a tag, no tag quoted. */
function assertOnRenderedText(html: string, ds: Diagnostic[], what: string) {
  const spans = tagSpans(html);
  for (const d of ds) {
    assert.ok(!insideTag(spans, d.range.start) && !insideTag(spans, d.range.end), `${what}: ${d.ruleId} ${d.message.zh} at ${JSON.stringify(html.slice(d.range.start, d.range.end + 20))}`);
    assert.doesNotMatch(d.message.zh + d.message.en, /<\/?[a-z][^>]*>|&[a-z]+;|mso-|font-family/i, `${what}: ${d.ruleId} quotes markup`);
  }
}

/** The findings of `form` against the clean text: the same table and section findings, nothing the clean text lacks. */
function assertSameFindings(clean: Diagnostic[], form: Diagnostic[], what: string) {
  assert.deepEqual(sorted(form.filter((d) => tableOrStructure(d.ruleId))), sorted(clean.filter((d) => tableOrStructure(d.ruleId))), `${what}: table and section findings`);
  const left = sorted(clean);
  const extra = sorted(form).filter((k) => {
    const i = left.indexOf(k);
    if (i < 0) return true;
    left.splice(i, 1);
    return false;
  });
  assert.deepEqual(extra, [], `${what}: findings the clean text does not have`);
}

for (const { name, text } of REPORTS) {
  test(`${name}: as a Word-pasted web page and as OCR Markdown, the clean text's findings and nothing more, ranges on rendered text`, () => {
    const clean = lint(publish(text, 'clean')).diagnostics;
    const html = publish(text, 'word-html');
    const htmlDiags = lint(html).diagnostics;
    assertSameFindings(clean, htmlDiags, `${name} (HTML)`);
    assertOnRenderedText(html, htmlDiags, name);
    assertSameFindings(clean, lint(publish(text, 'ocr-markdown')).diagnostics, `${name} (Markdown)`);
  });
}

test('the forms are what they claim: markup and converter faults are really there', () => {
  const html = publish(REPORTS[0]!.text, 'word-html');
  for (const x of ['<o:p>&nbsp;</o:p>', 'rowspan=', 'colspan=', 'mso-', 'font-family:', '当前位置', '【打印本页】', '<script', '&ldquo;', '&#12289;', 'layout-flow:vertical-ideographic']) assert.ok(html.includes(x), x);
  // the vertical label one character a run
  assert.match(html, /<span[^>]*>三<\/span><\/p>\n<p align=center><span[^>]*>、<\/span>/);
  const md = publish(REPORTS[0]!.text, 'ocr-markdown');
  for (const x of ['| 数据1 | 数据2 |', '— 1 —', '<br>', '\n\n5\n']) assert.ok(md.includes(x), x);
});

test('GBK-encoded web pages (charset=gb2312) through the CLI: the same table and section findings as the clean text', () => {
  const dir = tempDir('published-gbk');
  for (const { name, text } of REPORTS) {
    const html = publish(text, 'word-html').replace('charset=utf-8', 'charset=gb2312');
    writeFileSync(join(dir, `${name}.html`), iconv.encode(html, 'gbk'));
    writeFileSync(join(dir, `${name}.clean.txt`), publish(text, 'clean'));
  }
  const { results } = checkJson([dir]);
  const by = new Map(results.map((r) => [r.filePath.replace(/^.*\//, ''), r.messages.filter((m) => tableOrStructure(m.ruleId)).map((m) => `${m.ruleId}: ${m.message}`).sort()]));
  for (const { name } of REPORTS) {
    assert.ok(by.has(`${name}.html`), name);
    assert.deepEqual(by.get(`${name}.html`), by.get(`${name}.clean.txt`), name);
  }
});

test('one digit changed in one cell: exactly that cell’s sum errors, in the web page on the cell’s text', () => {
  const text = REPORTS.find((r) => r.name === 'huaian-city-2024.txt')!.text;
  const cases: [string, (d: import('../helpers/layouts').PubTables) => void][] = [
    ['表三（一）予以公开 自然人', (d) => void (d.t3!.find((r) => r.key === '三.1')!.cells[0] = '1298')],
    ['表四 行政复议 结果维持', (d) => void (d.t4![0] = '73')],
    ['表三 一、本年新收 法律服务机构', (d) => void (d.t3!.find((r) => r.key === '一')!.cells[4] = '71')],
  ];
  assert.deepEqual(lint(publish(text, 'word-html')).diagnostics.filter((d) => findRule(d.ruleId)?.meta.category === 'table'), [], 'the page as published has no table finding');
  for (const [what, edit] of cases) {
    const clean = lint(publish(text, 'clean', edit)).diagnostics.filter((d) => findRule(d.ruleId)?.meta.category === 'table');
    assert.ok(clean.length > 0, `${what}: the clean text has sum errors`);
    const html = publish(text, 'word-html', edit);
    const found = lint(html).diagnostics.filter((d) => findRule(d.ruleId)?.meta.category === 'table');
    assert.deepEqual(sorted(found), sorted(clean), what);
    // each on a number as written in its cell (no markup in the range)
    for (const d of found) assert.match(html.slice(d.range.start, d.range.end), /^\d+$/, `${what}: ${d.message.zh}`);
    assertOnRenderedText(html, found, what);
    assert.deepEqual(sorted(lint(publish(text, 'ocr-markdown', edit)).diagnostics.filter((d) => findRule(d.ruleId)?.meta.category === 'table')), sorted(clean), `${what} (Markdown)`);
  }
});

test('blank cells (<p>&nbsp;</p>, <o:p>&nbsp;</o:p>) are blanks at their column, reported as the clean text reports them, never a guess', () => {
  const text = REPORTS.find((r) => r.name === 'huaian-city-2024.txt')!.text;
  // two blanks side by side (both Word spellings), one in 表四
  const edit = (d: import('../helpers/layouts').PubTables) => {
    const row = d.t3!.find((r) => r.key === '三.3.1')!;
    row.cells[2] = '';
    row.cells[3] = '';
    d.t4![7] = '';
  };
  const html = publish(text, 'word-html', edit);
  assert.ok(html.includes('<p>&nbsp;</p>') && html.includes('<o:p>&nbsp;</o:p></span></p></td>'));
  const clean = lint(publish(text, 'clean', edit)).diagnostics.filter((d) => findRule(d.ruleId)?.meta.category === 'table');
  assert.equal(clean.filter((d) => d.ruleId === 'table-cell-invalid').length, 3);
  const found = lint(html).diagnostics.filter((d) => findRule(d.ruleId)?.meta.category === 'table');
  assert.deepEqual(sorted(found), sorted(clean));
  assertOnRenderedText(html, found, 'blank cells');
});
