// sentence-end: a prose paragraph without its closing 。, or closing with 、 or ，; headings, list
// lines, short lines and the last paragraph (the 落款) are not sentences to close.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyEdits } from '../../server/src/core';
import { assertFixRoundTrip } from '../helpers/fix';
import { LAYOUTS } from '../helpers/layouts';
import { diags, doc, found, fullReport } from '../helpers/prose';

const ID = 'sentence-end';
const END = '\n（二）依申请公开情况\n依法办理申请，按时答复。\n\n二、主动公开政府信息情况\n依法主动公开，按时更新。';

test('a paragraph ending with no mark: reported at its last character, the fix adds 。', () => {
  for (const layout of ['plain', 'markdown'] as const) {
    const body = `我局认真落实《条例》，持续推进政务公开工作\n\n依法办理申请，按时答复。`;
    const text = doc(body, layout) + '\n二、主动公开政府信息情况\n\n依法主动公开，按时更新。\n';
    const d = diags(text, ID);
    assert.deepEqual(d.map((x) => text.slice(x.range.start, x.range.end)), ['作'], layout);
    assert.equal(d[0]!.fix!.safe, false, 'adding a mark is offered, not applied by --fix');
    assert.ok(applyEdits(text, d[0]!.fix!.edits).text.includes('政务公开工作。'));
  }
});

test('a web page: a <p> may be a line of the PDF the page was made from, so no paragraph end is judged', () => {
  const body = `我局认真落实《条例》，持续推进政务公开工作</p><p>依法办理申请，按时答复、</p><p>依法主动公开，按时更新。`;
  const text = doc(body, 'html') + '\n二、主动公开政府信息情况\n\n依法主动公开，按时更新。\n';
  assert.deepEqual(diags(text, ID), []);
  // the same text laid out as plain paragraphs is judged
  assert.ok(diags(doc(body.replaceAll('</p><p>', '\n\n')) + '\n二、主动公开政府信息情况\n\n依法主动公开，按时更新。\n', ID).length > 0);
});

test('a 顿号 or comma where the sentence ends: changed to 。 (safe fix, idempotent)', () => {
  for (const mark of ['、', '，']) {
    const text = doc(`我局加强政策解读，做好图文解读、视频解读${mark}${END}`);
    assert.deepEqual(found(text, ID), [mark]);
    const fixed = assertFixRoundTrip(text, ID);
    assert.ok(fixed.includes('视频解读。'));
  }
});

test('headings, list lines, short lines, lines ending in other marks, and the last paragraph are quiet', () => {
  const quiet = [
    `（一）主动公开情况${END}`,
    `1.全面推进决策公开，规范重大行政决策程序${END}`,
    `一是加强组织领导，明确责任分工${END}`,
    `我局持续推进政务公开${END}`,
    `我局认真落实以下工作，主要包括：${END}`,
    `我局认真落实《条例》，持续推进政务公开工作；${END}`,
    `我局印发了《关于进一步做好政务公开工作的通知》，（见附件）${END}`,
    '我局认真落实《条例》，持续推进政务公开工作',
    `我局认真落实《条例》，持续推进政务公开工作。${END}`,
  ];
  for (const body of quiet) assert.deepEqual(found(doc(body), ID), [], body);
});

test('PDF text: a paragraph broken across lines is one paragraph, closed or not', () => {
  const closed = doc('我局认真落实《条例》，持续推进政务公开工作，\n依法依规做好信息发布。\n- 1 -\n依法办理申请，按时答复。');
  assert.deepEqual(found(closed, ID), []);
});

test('the full sample report is quiet in every table layout', () => {
  for (const layout of LAYOUTS) assert.deepEqual(found(fullReport('我局认真落实《条例》，持续推进政务公开工作。', layout), ID), [], layout);
});

test('Word text with one paragraph per line (indented or numbered, no blank line between): each line is a paragraph', () => {
  const text = doc('　　我局认真落实《条例》，持续推进政务公开工作\n　　依法办理申请，按时答复。\n（二）依申请公开情况。全年受理申请12件，均按时答复\n（三）政府信息管理情况。加强管理，规范发布。') + '\n二、主动公开政府信息情况\n依法主动公开，按时更新。\n';
  assert.deepEqual(found(text, ID), ['作', '复']);
  // PDF text broken inside sentences (lines opening with a number or a word) is one paragraph
  const pdf = doc('我局认真落实《条例》，持续推进政务公开工作，全年受理申请\n12件，均按时答复，做好政策解读\n工作，规范发布信息。') + '\n二、主动公开政府信息情况\n依法主动公开，按时更新。\n';
  assert.deepEqual(found(pdf, ID), []);
});

test('a table the parser did not read as one (labels one per line) is not prose to close', () => {
  const text = doc('（本列数据的勾稽关系为：第一项加第二项之和，\n等于第三项加第四项之和）\n申请人情况\n自然人\n其他\n一、本年新收政府信息公开申请数量 3 0 0 0 0 0 3') + '\n二、主动公开政府信息情况\n依法主动公开，按时更新。\n';
  assert.deepEqual(found(text, ID), []);
  const labels = doc('我局认真落实《条例》，持续推进政务公开，\n政\n务\n公\n开\n（二）依申请公开情况。依法办理申请，按时答复。') + '\n二、主动公开政府信息情况\n依法主动公开，按时更新。\n';
  assert.deepEqual(found(labels, ID), []);
});

test('a Markdown table row is not a paragraph to close', () => {
  const text = doc('| 来源 | 说明，另见附件 | 网址 http://www.gov.cn 等多个页面 |\n| S9 | 信息处理费标准，国办函〔2020〕109号 | 见政府网站 |') + '\n二、主动公开政府信息情况\n依法主动公开，按时更新。\n';
  assert.deepEqual(found(text, ID), []);
});
