// doc-number-format: every known citation of words/citations.json is quiet when right and fixed
// when its year is wrong; malformed 发文字号 (brackets, 第, leading zeros, 2-digit years); the 条例's
// decree number; PDF line breaks, Markdown and HTML; the fix round trip.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LAYOUTS } from '../helpers/layouts';
import { assertFixRoundTrip } from '../helpers/fix';
import { CITATIONS, type Citation } from '../../server/src/core/words';
import { PROSE_LAYOUTS, assertFixLocal, diags, doc, found, fullReport } from '../helpers/prose';

const ID = 'doc-number-format';
const cite = (c: Citation, number: string) => `根据《${c.title}》（${c.code}${number}）要求${c.context?.[0] ?? ''}，编制本报告。`;

test('every citations.json entry: the right citation is quiet, in every layout and broken across lines', () => {
  for (const c of CITATIONS) {
    const right = `〔${c.year}〕${c.number}号`;
    for (const layout of PROSE_LAYOUTS) assert.deepEqual(found(doc(cite(c, right), layout), ID), [], `${c.code}${right} (${layout})`);
    assert.deepEqual(found(doc(cite(c, `〔${c.year}〕 ${c.number} 号`)), ID), [], 'spaces inside');
    assert.deepEqual(found(doc(cite(c, `〔${c.year}〕\n${c.number}号`)), ID), [], 'a line break inside');
  }
});

test('every citations.json entry: a wrong year is found and fixed to the known one', () => {
  for (const c of CITATIONS) {
    const other = CITATIONS.filter((k) => k.code === c.code && k.number === c.number).map((k) => k.year);
    const wrongYear = [c.year - 1, c.year + 1, c.year + 2].find((y) => !other.includes(y))!;
    for (const layout of ['plain', 'markdown', 'html'] as const) {
      const text = doc(cite(c, `〔${wrongYear}〕${c.number}号`), layout);
      const d = diags(text, ID);
      assert.deepEqual(d.map((x) => text.slice(x.range.start, x.range.end)), [`${c.code}〔${wrongYear}〕${c.number}号`], layout);
      assert.ok(d[0]!.message.zh.includes(String(c.year)) && d[0]!.message.en.includes(String(c.year)));
      assertFixLocal(text, d[0]!, `${c.code}〔${c.year}〕${c.number}号`);
    }
    // broken across lines (PDF): found, and the year fixed in place (the line break stays)
    const broken = doc(cite(c, `〔${wrongYear}〕\n${c.number}号`));
    const d = diags(broken, ID);
    assert.equal(d.length, 1);
    assert.ok(assertFixLocal(broken, d[0]!).includes(`${c.code}〔${c.year}〕\n${c.number}号`));
    // broken, and the right number is shorter (第 to drop): not fixed, the edit would join the lines
    const di = diags(doc(cite(c, `〔${wrongYear}〕\n第${c.number}号`)), ID);
    assert.equal(di.length, 1);
    assert.equal(di[0]!.fix, undefined);
  }
});

test('a citation with a context is checked only where its context is', () => {
  for (const c of CITATIONS.filter((k) => k.context)) {
    const text = doc(`根据${c.code}〔${c.year + 1}〕${c.number}号文件要求开展工作。`);
    assert.deepEqual(found(text, ID), [], c.code);
  }
});

test('malformed 发文字号: brackets, 第, leading zeros, 2-digit years', () => {
  const cases: [string, string][] = [
    ['淮政办发[2023]5号', '〔2023〕5号'],
    ['淮政办发［2023］5号', '〔2023〕5号'],
    ['淮政办发（2023）5号', '〔2023〕5号'],
    ['淮政办发(2023)5号', '〔2023〕5号'],
    ['淮政办发【2023】5号', '〔2023〕5号'],
    ['淮政办发〔2023〕第5号', '〔2023〕5号'],
    ['淮政办发〔2023〕005号', '〔2023〕5号'],
    ['淮政办发〔23〕5号', '〔2023〕5号'],
    ['国办公开办函[2021]30号', '〔2021〕30号'],
  ];
  for (const [written, right] of cases) {
    for (const layout of ['plain', 'markdown', 'html'] as const) {
      const text = doc(`根据《关于做好政务公开工作的通知》（${written}）要求开展工作。`, layout);
      const d = diags(text, ID);
      assert.equal(d.length, 1, `${written} (${layout})`);
      assert.equal(text.slice(d[0]!.range.start, d[0]!.range.end), written);
      assertFixLocal(text, d[0]!, written.replace(/[[［（(【〔].*$/, '') + right);
    }
  }
});

test('well-formed numbers and look-alikes are quiet', () => {
  const quiet = [
    '根据《关于做好政务公开工作的通知》（淮政办发〔2023〕5号）要求开展工作。',
    '根据《中华人民共和国政府信息公开条例》（国务院令第711号）开展工作。',
    '行政诉讼案件（2023）苏0812行初12号已审结。',
    '依据《江苏省政府信息公开办法》（省政府令第127号）和财政部令第98号办理。',
    '本年度共发布公告（第12号）。',
  ];
  for (const body of quiet) for (const layout of PROSE_LAYOUTS) assert.deepEqual(found(doc(body, layout), ID), [], `${body} (${layout})`);
});

test('the 条例 is 国务院令第711号 (or the old 第492号)', () => {
  assert.deepEqual(found(doc('根据《中华人民共和国政府信息公开条例》（国务院令第492号）开展工作。'), ID), []);
  const text = doc('根据《中华人民共和国政府信息公开条例》（国务院令第771号）开展工作。');
  const d = diags(text, ID);
  assert.deepEqual(d.map((x) => text.slice(x.range.start, x.range.end)), ['771']);
  assertFixLocal(text, d[0]!, '711');
});

test('full reports in every table layout', () => {
  for (const layout of LAYOUTS) {
    assert.deepEqual(found(fullReport('根据国办公开办函〔2021〕30号要求编制本报告。', layout), ID), [], layout);
    assert.equal(found(fullReport('根据国办公开办函〔2023〕30号要求编制本报告。', layout), ID).length, 1, layout);
  }
});

test('fix round trip: idempotent, only the numbers change', () => {
  const body = '根据国办公开办函〔2023〕30号、淮政办发[2023]005号和《条例》（国务院令第771号）要求，按照国办函〔2021〕109号收取信息处理费。';
  for (const layout of ['plain', 'markdown', 'html'] as const) {
    const fixed = assertFixRoundTrip(doc(body, layout), ID);
    assert.ok(fixed.includes('根据国办公开办函〔2021〕30号、淮政办发〔2023〕5号和《条例》（国务院令第711号）要求，按照国办函〔2020〕109号收取信息处理费。'), layout);
  }
});
