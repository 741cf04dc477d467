// The HTML reader (parse/html.ts, htmlparser2): rendered text only, each feature of Word-pasted pages.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lint, parseReport } from '../../server/src/core';
import { normalize, toSource } from '../../server/src/core/parse/normalize';
import { HUAIAN_2024, render, tableValues } from '../helpers/layouts';

const page = (body: string) => `<html><head><meta charset="utf-8"><title>页面</title></head><body>\n${body}\n</body></html>\n`;
const lines = (html: string) => normalize(html).text.split('\n').map((l) => l.trim()).filter(Boolean);

test('a heading or label split over runs is one: （+一+）+予以公开, <font> runs, a vertical label one character a paragraph', () => {
  assert.ok(lines(page('<p><b><span>（</span><span lang=EN-US>一</span><span>）</span></b><font face="宋体">予以</font>公开</p>')).includes('（一）予以公开'));
  const nz = normalize(page('<table><tr><td><p>三</p><p>、</p><p>本</p><p>年</p></td><td>1</td></tr></table>'));
  assert.match(nz.text, /\t三、本年\t1/);
});

test('entities decoded, numeric ones too; the map of each character points at its entity', () => {
  const html = page('<p>坚持&ldquo;公开为常态&rdquo;&#12289;&#x516C;开&nbsp;A&amp;B&mdash;</p>');
  const nz = normalize(html);
  assert.ok(nz.text.includes('坚持“公开为常态”、公开 A&B—'));
  const at = nz.text.indexOf('“');
  const r = toSource(nz, at, at + 1);
  assert.equal(html.slice(r.start, r.end), '&ldquo;');
});

test('scripts, styles, navigation, footer, hidden elements and page chrome give no text', () => {
  const html = page(
    '<script>var a = "一、总体情况";</script><style>p{font-family:"微软雅黑";}</style><nav>首页 政务公开</nav><div class="breadcrumb">网站首页</div>' +
      '<div>当前位置：首页 &gt; 政务公开 &gt; 年报</div><p>【打印本页】【关闭窗口】</p><p>字号：大 中 小</p><p>分享到：微信</p><div style="display:none">隐藏文字</div>' +
      '<p>正文内容。</p><footer>版权所有</footer>',
  );
  assert.deepEqual(lines(html), ['页面', '正文内容。']);
});

test('punctuation rules never fire on attribute text (style="font-family: 微软雅黑;"); no message quotes markup', () => {
  const runs = '<span style="font-size:16.0pt;font-family: 微软雅黑;mso-bidi-font-family:宋体;">我局认真</span><span lang=EN-US style="font-family: 仿宋;">落实条例。</span>';
  const html = page(`<h1>XX市XX局2024年政府信息公开工作年度报告</h1><h2>一、总体情况</h2>${`<p class=MsoNormal style="text-indent:2em;line-height:28pt;">${runs}</p>\n`.repeat(60)}`);
  const r = lint(html);
  assert.deepEqual(r.diagnostics.filter((d) => d.ruleId.startsWith('punctuation')), []);
  for (const d of r.diagnostics) assert.doesNotMatch(d.message.zh, /<|style|font/);
  // the rules read the page with its markup masked: same length, no tag left
  assert.equal(r.report.text.length, html.length);
  assert.doesNotMatch(r.report.text, /[<>]/);
});

test('rowspan and colspan expand into a grid: a spanned position is an empty field, each cell at its column', () => {
  const nz = normalize(page('<table><tr><td rowspan=2>A</td><td colspan=2>B</td></tr><tr><td>1</td><td>2</td></tr><tr><td>x</td><td colspan=2>3</td></tr></table>'));
  const rows = nz.text.split('\n').filter((l) => l.includes('\t'));
  assert.deepEqual(rows.map((r) => r.split('\t').map((c) => c.trim())), [['', 'A', 'B', ''], ['', '', '1', '2'], ['', 'x', '3', '']]);
});

test('empty cells (<p>&nbsp;</p>, <o:p> </o:p>, <p></p>) are blank fields; a pretty-printed cell stays on its row', () => {
  const nz = normalize(page('<table><tr><td>标签</td><td><p>&nbsp;</p></td><td><p class=MsoNormal><o:p> </o:p></p></td><td><p></p></td><td>\n  <p>\n    7\n  </p>\n</td></tr></table>'));
  const row = nz.text.split('\n').find((l) => l.includes('标签'))!;
  assert.deepEqual(row.split('\t').map((c) => c.trim()), ['', '标签', '', '', '', '7']);
});

test('nested tables: a layout table around the report is read as blocks, the tables in it as tables', () => {
  const inner = render(HUAIAN_2024, 'html').replace(/^<html><body>\n|<\/body><\/html>\n$/g, '');
  const html = page(`<table width="100%"><tr><td class="left">栏目</td><td>${inner}</td></tr></table>`);
  const r = parseReport(html);
  assert.deepEqual(tableValues(r), tableValues(parseReport(render(HUAIAN_2024, 'tsv'))));
});

test('a Markdown file with <br> in its cells is Markdown, not a web page', () => {
  const md = '# XX局2024年政府信息公开工作年度报告\n\n| 行政<br>规范性文件 | 8 | 26 | 66 |\n';
  const nz = normalize(md);
  assert.equal(nz.start, undefined, 'the plain-text path');
  assert.match(nz.text, /\t 行政 {4}规范性文件 \t 8 \t 26 \t 66 \t/);
});

test('Markdown from converters: a 数据1… header and a copied header over an unlabeled row are blanked; a stray page number after a row is no cell', () => {
  const md = ['一、本年新收政府信息公开申请数量', '', '| 数据1 | 数据2 |', '| --- | --- |', '| 3 | 4 |', '', '5', '', '二、上年结转', '', '| 自然人 | 总计 |', '| --- | --- |', '| 1 | 1 |', ''].join('\n');
  const text = normalize(md).text;
  assert.doesNotMatch(text, /数据|自然人/);
  assert.doesNotMatch(text.split('\n')[6]!, /5/);
  // a table whose header row labels its rows' columns above labeled rows keeps its header
  const kept = normalize('| 信息内容 | 本年制发件数 |\n| --- | --- |\n| 规章 | 1 |\n').text;
  assert.match(kept, /信息内容/);
});

test('hostile HTML never crashes and keeps every range inside the text', () => {
  for (const html of ['<table><tr><td rowspan=99999 colspan=-3>1', '<p>'.repeat(5000) + '一、总体情况', '<td>&#99999999;&#xD800;&bogus;&', '<!-- unterminated', '<script>']) {
    const r = lint(page(html), undefined, undefined, { assumeReport: true });
    for (const d of r.diagnostics) assert.ok(d.range.start >= 0 && d.range.end <= page(html).length);
  }
});
