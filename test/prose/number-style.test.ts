// number-style: counts in Chinese numerals, zero-padded dates, 2-digit years; in every layout
// (full-width digits too), PDF-broken, with the fix round trip.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { applyEdits } from '../../server/src/core';
import { LAYOUTS } from '../helpers/layouts';
import { SEEDS } from '../helpers/cli';
import { assertFixRoundTrip } from '../helpers/fix';
import { ascii, at, lineOf, pdfLines, reportWith, diags } from '../helpers/prose';

const RULE = 'number-style';
const withOther = (layout: (typeof LAYOUTS)[number], other: string) => reportWith(layout, { other });

const LOUD: [string, string[], string][] = [
  // [section 六 text, the places reported (digits as ASCII), the text after the fixes]
  ['全年发布政策解读5条，解读信息、回应关切发布六条。', ['六条'], '全年发布政策解读5条，解读信息、回应关切发布6条。'],
  ['共受理申请3件，答复两件，办理二十三件。', ['两件', '二十三件'], '共受理申请3件，答复2件，办理23件。'],
  ['全年发布信息5条，其中制发文件一百零五份。', ['一百零五份'], '全年发布信息5条，其中制发文件105份。'],
  ['本年报于2024年01月08日印发。', ['01月', '08日'], '本年报于2024年1月8日印发。'],
  ['23年度工作要点已全部落实。', ['23年度'], '2023年度工作要点已全部落实。'],
];

for (const layout of LAYOUTS) {
  test(`${layout}: each number-style problem is found and fixed`, () => {
    for (const [other, found, after] of LOUD) {
      const text = withOther(layout, other);
      const d = diags(text, RULE);
      assert.deepEqual(d.map((x) => ascii(at(text, x.range))), found, `${layout}: ${other}`);
      for (const x of d) assert.ok(x.message.zh.includes('应为') && x.message.en.includes('→'));
      const fixed = assertFixRoundTrip(text, RULE);
      assert.ok(ascii(fixed).includes(after), `${layout}: ${ascii(fixed).slice(-200)}`);
      // the fix keeps the digits' width: nothing but full-width digits in the full-width layout
      if (layout === 'crlf-bom-fullwidth') assert.ok(!/\d{4}年/.test(fixed.replace(/[\s\S]*六、其他需要报告的事项/, '').replace(/\d+[条件份]/g, '')), fixed.slice(-80));
    }
  });

  test(`${layout}: standard numbers are quiet`, () => {
    const quiet = [
      '全年发布信息六条。', // no Arabic counts in the paragraph: a writing style, left alone
      '全年发布信息5条，办理一件。',
      '全年发布信息5条，公开两条咨询渠道，答复两件事。', // descriptions, not counts
      '本年报于2024年1月8日印发，2023年度工作要点已全部落实。',
      '近三年来共发布信息5条。',
      '统计期限为2024年1月1日至2024年12月31日，共10月份数据。',
    ];
    for (const other of quiet) assert.deepEqual(diags(withOther(layout, other), RULE).map((d) => d.message.zh), [], `${layout}: ${other}`);
  });
}

test('PDF-broken: a zero-padded date across a line break is fixed by deleting the zero', () => {
  const text = withOther('pdf', pdfLines('本年报于2024年0\n1月08日印发，共发布信息5条，答复两\n件。', 200));
  const d = diags(text, RULE);
  assert.deepEqual(d.map((x) => at(text, x.range)), ['01月', '08日', '两件']);
  assert.ok(d[0]!.fix && d[1]!.fix, 'the zero is one character: fixable even when the date is broken');
  assert.equal(d[2]!.fix, undefined, 'a count broken across lines is only reported');
  const fixed = applyEdits(text, [...d[0]!.fix!.edits, ...d[1]!.fix!.edits]).text;
  assert.ok(fixed.includes('2024年\n1月8日'));
});

test('real report: seed 004 “发布六条” at line 7, fixed to 6条', () => {
  const seed = readFileSync(`${SEEDS}/004_eac7cee84a78218c.txt`, 'utf8');
  const d = diags(seed, RULE);
  assert.deepEqual(d.map((x) => [lineOf(seed, x), at(seed, x.range)]), [[7, '六条']]);
  const fixed = assertFixRoundTrip(seed, RULE);
  assert.ok(fixed.includes('发布6条'));
});
