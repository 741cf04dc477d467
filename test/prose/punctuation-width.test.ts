// punctuation-width: half-width , ; : ? ! ( ) in Chinese text, one diagnostic on each mark (a
// normalised document too: its message says so, fix-all converts it); URLs, times, numbers, English, Markdown links and a lone
// heading marker are quiet; PDF line breaks, Markdown and HTML; the fix round trip.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LAYOUTS } from '../helpers/layouts';
import { assertFixRoundTrip } from '../helpers/fix';
import { applyEdits, fixAllEdits } from '../../server/src/core';
import { PROSE_LAYOUTS, assertFixLocal, diags, doc, found, fullReport } from '../helpers/prose';

const ID = 'punctuation-width';

test('half-width marks beside Chinese are reported and made full-width', () => {
  const cases: [string, string[], string][] = [
    ['我局依法公开,主动接受监督。', [','], '我局依法公开，主动接受监督。'],
    ['主要做法如下:一是加强领导。', [':'], '主要做法如下：一是加强领导。'],
    ['是否依法公开?答案是肯定的。', ['?'], '是否依法公开？答案是肯定的。'],
    ['共受理申请52,其中网上申请30件。', [','], '共受理申请52，其中网上申请30件。'],
    ['受理申请17件(含网上申请5件)。', ['(', ')'], '受理申请17件（含网上申请5件）。'],
    ['加强培训;完善制度。', [';'], '加强培训；完善制度。'],
    ['成效显著!群众满意。', ['!'], '成效显著！群众满意。'],
  ];
  for (const [body, marks, fixed] of cases) {
    for (const layout of ['plain', 'markdown', 'html'] as const) {
      const text = doc(body, layout);
      const d = diags(text, ID);
      assert.deepEqual(d.map((x) => text.slice(x.range.start, x.range.end)), marks, `${body} (${layout})`);
      let out = text;
      for (const x of d) out = assertFixLocal(out, x);
      assert.ok(out.includes(fixed), out);
    }
  }
});

test('URLs, times, numbers, English, Markdown links and a lone heading marker are quiet', () => {
  const quiet = [
    '网址：http://www.gov.cn/a?b=1,2，时间12:30，共1,000件，比例1:500。',
    '发布“Open Government Information (OGI), see below.”栏目。',
    '(一)主动公开情况',
    '详见[政府信息公开年报](年报.pdf)，链接[网站](http://www.gov.cn/?a=1)。',
    '办理时间为9:00—17:00，电话0517-12345。',
  ];
  for (const body of quiet) for (const layout of PROSE_LAYOUTS) assert.deepEqual(found(doc(body, layout), ID), [], `${body} (${layout})`);
});

test('PDF text: a parenthesis broken across lines is one pair, each mark its own diagnostic pointing at its partner', () => {
  const text = doc('受理申请17件(含网上\n申请5件),均按时答复。');
  const d = diags(text, ID);
  assert.deepEqual(d.map((x) => text.slice(x.range.start, x.range.end)), ['(', ')', ',']);
  assert.equal(d[0]!.fix!.edits.length, 1);
  assert.deepEqual(d[0]!.related?.[0]?.range, d[1]!.range, 'the ( points at its )');
  assert.deepEqual(d[1]!.related?.[0]?.range, d[0]!.range, 'the ) points at its (');
  const fixed = assertFixRoundTrip(text, ID);
  assert.ok(fixed.includes('受理申请17件（含网上\n申请5件），均按时答复。'));
  const pdf = doc('我局依法受理申请17件(含网上申请5件),均按时答复,无逾期情况。', 'pdf');
  assert.equal(diags(pdf, ID).length, 4);
  assertFixRoundTrip(pdf, ID);
});

test('a normalised document (all half-width): a diagnostic on each mark, saying so; fixing all converts it', () => {
  const body = '一是加强领导,完善制度;二是规范流程,(一)主动公开:发布信息120条,政策解读10条;(二)依申请公开:受理申请17件,均按时答复;三是强化监督,接受评议。';
  for (const layout of ['plain', 'markdown', 'html'] as const) {
    const text = doc(body, layout);
    const d = diags(text, ID);
    assert.equal(d.length, 14, layout);
    for (const x of d) {
      assert.equal(x.range.end - x.range.start, 1, 'the range is the mark');
      assert.match(text.slice(x.range.start, x.range.end), /^[,;:()]$/);
      assert.match(x.message.zh, /全文使用半角标点，“修复全部 punctuation-width 问题”一次改正/);
    }
    const fixed = applyEdits(text, fixAllEdits(d)).text;
    assert.equal(fixed.length, text.length, 'one character for one character');
    assert.ok(fixed.includes('（一）主动公开：发布信息120条，'));
    assertFixRoundTrip(text, ID);
  }
});

test('full reports in every table layout: the tables are not prose', () => {
  for (const layout of LAYOUTS) {
    assert.deepEqual(found(fullReport('我局认真落实条例要求，主动公开政府信息。', layout), ID), [], layout);
    assert.equal(found(fullReport('我局认真落实条例要求,主动公开政府信息。', layout), ID).length, 1, layout);
  }
});

test('fix round trip: idempotent, only the marks change', () => {
  const body = '我局依法公开,主动接受监督;受理申请17件(含网上申请5件)。主要做法如下:加强培训。';
  for (const layout of ['plain', 'markdown', 'html'] as const) {
    const text = doc(body, layout);
    const fixed = assertFixRoundTrip(text, ID);
    assert.equal(fixed.length, text.length);
    assert.ok(fixed.includes('我局依法公开，主动接受监督；受理申请17件（含网上申请5件）。主要做法如下：加强培训。'), layout);
  }
});

test('a parenthesis half fixed (or typed mixed) is still reported, and fixing one mark never breaks the other', () => {
  for (const [body, marks, fixed] of [
    ['受理申请(5)。', ['(', ')'], '受理申请（5）。'],
    ['受理申请（5)。', [')'], '受理申请（5）。'],
    ['受理申请(5）。', ['('], '受理申请（5）。'],
  ] as const) {
    const text = doc(body);
    const d = diags(text, ID);
    assert.deepEqual(d.map((x) => text.slice(x.range.start, x.range.end)), marks, body);
    // fix the first mark alone, then what is left is still found, until none is
    let out = assertFixLocal(text, d[0]!);
    for (let i = 0; i < 3; i++) {
      const left = diags(out, ID);
      if (!left.length) break;
      out = assertFixLocal(out, left[0]!);
    }
    assert.ok(out.includes(fixed), out);
    assert.deepEqual(diags(out, ID), []);
  }
});
