// conversion-residue: Word field codes, HTML entities in text, web-page chrome lines; page markers,
// entities inside an HTML page and ordinary words are quiet; the fix round trip.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LAYOUTS } from '../helpers/layouts';
import { assertFixRoundTrip } from '../helpers/fix';
import { PROSE_LAYOUTS, assertFixLocal, diags, doc, found, fullReport } from '../helpers/prose';

const ID = 'conversion-residue';

test('Word field codes and HTML entities in a text file: deleted, or written as the character they stand for', () => {
  const cases: [string, string, string][] = [
    ['[bookmark: _GoBack]我局认真落实条例要求。', '[bookmark: _GoBack]', ''],
    ['我局认真落实条例要求[image: 图片1.png]。', '[image: 图片1.png]', ''],
    ['发布信息&nbsp;120条。', '&nbsp;', ' '],
    ['坚持&ldquo;公开为常态&rdquo;。', '&ldquo;', '“'],
    ['规章&amp;规范性文件。', '&amp;', '&'],
    ['发布信息&#12288;120条。', '&#12288;', '\u3000'],
  ];
  for (const [body, written, replacement] of cases) {
    for (const layout of ['plain', 'markdown'] as const) {
      const text = doc(body, layout);
      const d = diags(text, ID);
      assert.equal(text.slice(d[0]!.range.start, d[0]!.range.end), written, `${body} (${layout})`);
      assertFixLocal(text, d[0]!, replacement);
    }
  }
  const text = doc('坚持&ldquo;公开为常态&rdquo;。');
  assert.ok(assertFixRoundTrip(text, ID).includes('坚持“公开为常态”。'));
  // PDF text (a page saved as PDF): an entity inside a line
  const pdf = doc('我局坚持公开为常态、不公开为例外，发布信息&nbsp;120条。', 'pdf');
  assert.deepEqual(found(pdf, ID), ['&nbsp;']);
});

test('in an HTML page entities are markup, not residue', () => {
  assert.deepEqual(found(doc('坚持&ldquo;公开为常态&rdquo;，发布信息&nbsp;120条。', 'html'), ID), []);
  assert.deepEqual(found(doc('[bookmark: _GoBack]我局认真落实条例要求。', 'html'), ID), ['[bookmark: _GoBack]']);
});

test('web-page chrome lines: the line is deleted in text; a web page’s own chrome is no report text and is dropped', () => {
  for (const line of ['当前位置：首页 > 政务公开 > 年报', '首页 > 政务公开 > 年度报告', '【打印本页】', '【关闭窗口】', '【打印】 【关闭】', '扫一扫在手机打开当前页', '分享到：微信 微博', '【字体：大 中 小】']) {
    // a web page's chrome (its site template's buttons and breadcrumbs) is dropped when the page is read
    assert.deepEqual(found(doc(`我局认真落实条例要求。</p>\n<p>${line}`, 'html'), ID), [], `${line} (html)`);
    for (const layout of ['plain', 'markdown'] as const) {
      const text = doc(`我局认真落实条例要求。\n${line}`, layout);
      const d = diags(text, ID);
      assert.deepEqual(d.map((x) => text.slice(x.range.start, x.range.end)), [line], `${line} (${layout})`);
      assertFixLocal(text, d[0]!, '');
    }
  }
});

test('page markers, ordinary words and similar text are quiet', () => {
  const quiet = [
    '我局认真落实条例要求。\n- 3 -\n主动公开政府信息。',
    '当前位置信息已更新，首页栏目调整，打印本页面的功能完善。',
    '在“首页”设置专栏，[第一部分]为总体情况。',
    '规章和规范性文件，A&B公司。',
  ];
  for (const body of quiet) for (const layout of PROSE_LAYOUTS) assert.deepEqual(found(doc(body, layout), ID), [], `${body} (${layout})`);
});

test('full reports in every table layout: tables (with &nbsp; in HTML cells) are quiet', () => {
  for (const layout of LAYOUTS) {
    assert.deepEqual(found(fullReport('我局认真落实条例要求。', layout), ID), [], layout);
    if (layout !== 'pdf') assert.equal(found(fullReport('[bookmark: _GoBack]我局认真落实条例要求。', layout), ID).length, 1, layout);
  }
});

test('fix round trip: idempotent, only the residue changes', () => {
  const body = '[bookmark: _GoBack]坚持&ldquo;公开为常态&rdquo;，发布信息&nbsp;120条。\n【打印本页】';
  for (const layout of ['plain', 'markdown'] as const) {
    const fixed = assertFixRoundTrip(doc(body, layout), ID);
    assert.ok(fixed.includes('坚持“公开为常态”，发布信息 120条。\n\n'), layout);
  }
});
