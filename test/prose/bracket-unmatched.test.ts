// bracket-unmatched: a lone （ ） 《 》 “ ” 〔 〕 【 】 is reported at the lone mark; paragraphs broken
// across lines and pages (PDF text), headings, list markers and straight quotes are fine.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LAYOUTS } from '../helpers/layouts';
import { PROSE_LAYOUTS, diags, doc, found, fullReport } from '../helpers/prose';

const ID = 'bracket-unmatched';

test('a lone opening or closing mark is reported where it is, in every layout', () => {
  const cases: [string, string[]][] = [
    ['根据《中华人民共和国政府信息公开条例，我局认真开展工作。', ['《']],
    ['坚持公开为常态、不公开为例外”原则。', ['”']],
    ['坚持“公开为常态、不公开为例外原则。', ['“']],
    ['（一）主动公开情况）。', ['）']],
    ['依据国办公开办函〔2021 30号要求编制。', ['〔']],
    ['详见【政务公开专栏。', ['【']],
    ['条例》第二十条规定的信息。', ['》']],
    ['信息处理费（按件计收。按量计收）标准）。', ['）']],
  ];
  for (const [body, expected] of cases) {
    for (const layout of PROSE_LAYOUTS) {
      const text = doc(body, layout);
      const d = diags(text, ID);
      assert.deepEqual(d.map((x) => text.slice(x.range.start, x.range.end)), expected, `${layout}: ${body}`);
      assert.equal(d[0]!.range.end - d[0]!.range.start, 1);
      assert.equal(d[0]!.fix, undefined);
      assert.ok(d[0]!.message.zh.includes(expected[0]!) && d[0]!.message.en.includes(expected[0]!));
    }
  }
});

test('balanced and nested marks, headings, citations are quiet', () => {
  const quiet = [
    '（一）主动公开情况。（二）依申请公开情况。',
    '根据《国务院办公厅政府信息与政务公开办公室关于印发〈中华人民共和国政府信息公开工作年度报告格式〉的通知》（国办公开办函〔2021〕30号）要求编制。',
    '坚持“公开为常态、不公开为例外”，落实“谁公开谁审查、谁审查谁负责”和“先审查、后公开”制度。',
    '【打印本页】【关闭窗口】',
    '受理申请17件（其中网上申请5件（含平台转办2件）），均按时答复。',
    '本报告中所列数据的统计期限自2024年1月1日起至2024年12月31日止。',
  ];
  for (const body of quiet) for (const layout of PROSE_LAYOUTS) assert.deepEqual(found(doc(body, layout), ID), [], `${body} (${layout})`);
});

test('list markers with only a closing bracket, straight quotes and mixed widths are not reported', () => {
  const quiet = [
    '1）网上申请；2）当面申请；3）信函申请。',
    '主要措施：一）加强培训；二）完善制度。',
    'a) 主动公开；b) 依申请公开。',
    '公开"政策解读"栏目，"公开',
    '受理申请（含网上申请)52件。',
    '详见[政府信息公开年报](年报.pdf)。',
  ];
  for (const body of quiet) for (const layout of PROSE_LAYOUTS) assert.deepEqual(found(doc(body, layout), ID), [], `${body} (${layout})`);
});

test('PDF text: a title or a quotation broken across lines or across a page break is one paragraph', () => {
  assert.deepEqual(found(doc('根据《中华人民共和国政府信息\n公开条例》，坚持“公开为常态、\n不公开为例外”。'), ID), []);
  assert.deepEqual(found(doc('根据《中华人民共和国政府信息\n\n- 3 -\n\n公开条例》要求，我局依法公开。'), ID), []);
  assert.deepEqual(found(doc('根据《中华人民共和国政府信息公开条例》（以下简称《条例》）要求，坚持“公开为常态、不公开为例外”。', 'pdf'), ID), []);
  // but an unclosed mark is still found in PDF text
  assert.deepEqual(found(doc('根据《中华人民共和国政府信息公开条例要求，坚持公开为常态、不公开为例外。我局依法公开。', 'pdf'), ID), ['《']);
});

test('a quotation over several paragraphs opens each with “ and closes only the last', () => {
  assert.deepEqual(found(doc('有关负责人表示：“第一段内容。\n\n“第二段内容。\n\n“第三段内容。”'), ID), []);
  assert.deepEqual(found(doc('有关负责人表示：“第一段内容。\n\n第二段内容。'), ID), ['“']);
  // HTML: one <p> per paragraph
  assert.deepEqual(found(doc('有关负责人表示：“第一段内容。</p>\n<p>“第二段内容。”', 'html'), ID), []);
});

test('a mark is not paired across a section heading or a table', () => {
  const text = `XX局2024年政府信息公开工作年度报告\n一、总体情况\n根据《条例\n二、主动公开政府信息情况\n主动公开》信息。\n`;
  assert.deepEqual(found(text, ID), ['《', '》']);
});

test('the full sample report is quiet in every table layout', () => {
  for (const layout of LAYOUTS) assert.deepEqual(found(fullReport('根据《中华人民共和国政府信息公开条例》（以下简称《条例》）要求，我局认真开展工作。', layout), ID), [], layout);
  for (const layout of LAYOUTS) assert.deepEqual(found(fullReport('根据《中华人民共和国政府信息公开条例，我局认真开展工作。', layout), ID), ['《'], layout);
});

test('an unbalanced bracket after a document title and 文号 is found, also when numbered items with only a closing bracket follow', () => {
  const loud = [
    '根据《中华人民共和国政府信息公开条例》（国务院令第711号，以下简称《条例》要求，编制本报告。',
    '根据《中华人民共和国政府信息公开条例》（国务院令第711号，编制本报告：1）主动公开；2）依申请公开。',
    '按照《关于印发〈中华人民共和国政府信息公开工作年度报告格式〉的通知》（国办公开办函〔2021〕30号要求编制。',
  ];
  for (const body of loud) assert.deepEqual(found(doc(body), 'bracket-unmatched'), ['（'], body);
  assert.deepEqual(found(doc('根据《条例》）要求，编制本报告。'), 'bracket-unmatched'), ['）']);
  const quiet = ['根据《条例》（国务院令第711号）要求，编制本报告：1）主动公开；2）依申请公开。', '（1）主动公开；（2）依申请公开。'];
  for (const body of quiet) assert.deepEqual(found(doc(body), 'bracket-unmatched'), [], body);
});
