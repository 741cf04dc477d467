// char-repeat: doubled particles and words are found and fixed; legitimate reduplications, word
// boundaries, numerals and repeats across a line break are left alone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { LAYOUTS } from '../helpers/layouts';
import { runCli } from '../helpers/cli';
import { assertFixRoundTrip } from '../helpers/fix';
import { resolveConfig } from '../../server/src/core';
import { BUILTIN_REPEAT_WHITELIST, KNOWN_REPEATS, REPEAT_PARTICLES } from '../../server/src/core/words';
import { PROSE_LAYOUTS, assertFixLocal, diags, doc, found, fullReport } from '../helpers/prose';
import { tempDir } from '../helpers/tmp';

const ID = 'char-repeat';

test('doubled particles and words are reported, the extra copy deleted by the fix', () => {
  const cases: [string, string, string][] = [
    ['我局的的工作规范有序。', '的的', '的'],
    ['经过审核审核后予以公开。', '审核审核', '审核'],
    ['为了了防止泄密，严格审查。', '了了', '了'],
    ['我局在在门户网站公开年报。', '在在', '在'],
    ['进一步步推进政务公开。', '步步', '步'],
    ['严格严格落实保密审查制度。', '严格严格', '严格'],
    ['我局将信息公开信息公开工作纳入考核。', '信息公开信息公开', '信息公开'],
    ['落实保密审查制度，经审核审核后公开。', '审核审核', '审核'],
    ['我局的的的工作。', '的的的', '的'],
    ['关键是是做好公开。', '是是', '是'],
  ];
  for (const [body, written, right] of cases) {
    for (const layout of ['plain', 'markdown', 'html'] as const) {
      const text = doc(body, layout); // PDF text: see the line-break test
      const d = diags(text, ID);
      assert.deepEqual(d.map((x) => text.slice(x.range.start, x.range.end)), [written], `${layout}: ${body}`);
      assert.ok(d[0]!.message.zh.includes(right) && d[0]!.message.en.includes(right));
      assertFixLocal(text, d[0]!, right);
    }
  }
});

test('every particle of the list is checked, and every known slip reported', () => {
  for (const p of REPEAT_PARTICLES) assert.deepEqual(found(doc(`我们${p}${p}工作。`), ID), [p + p], p);
  for (const k of KNOWN_REPEATS) assert.equal(found(doc(`我局${k}推进工作。`), ID).length, 1, k);
});

test('every whitelist entry is quiet where it is written', () => {
  for (const w of BUILTIN_REPEAT_WHITELIST) {
    for (const layout of ['plain', 'markdown', 'html'] as const) {
      const text = doc(`据悉${w}，工作有序。`, layout);
      assert.deepEqual(found(text, ID), [], `${w} (${layout})`);
    }
  }
});

test('legitimate repeats: reduplication, word boundaries, numerals, 一X一X, marks that are not characters', () => {
  const quiet = [
    '常常、人人、天天、一一对应、层层把关、年年、个个、处处、看看、谢谢。',
    '深入学习习近平新时代中国特色社会主义思想，加强监督督促，改进工作作风，明确项目目标，更新管理理念。',
    '紧紧围绕中心工作，牢牢把握正确方向，大大提高办理质量，实实在在解决问题。',
    '一个一个落实，一步一步推进，一件一件办理，一个问题一个问题跟进解决。',
    '二二、三三两两、二〇二二年、〇〇、××、……、——。',
    '为了了解群众需求，我们开展了了解情况的调研，不了了之的问题得到解决，关键是是否依法公开。',
    '天天天天',
    '以营利为目的的申请，被被申请人拒绝的，按程序办理。',
    '研究研究，讨论讨论，商量商量。',
  ];
  for (const body of quiet) for (const layout of PROSE_LAYOUTS) assert.deepEqual(found(doc(body, layout), ID), [], `${body} (${layout})`);
});

test('words met again across a word boundary (seen in 2,200 laws) are not doubled words', () => {
  const quiet = [
    '向登记机关报送上一年度年度报告，并向社会公示。',
    '集装箱装箱现场检查员，支持中小企业创业创新，根据信用评价等级分级分类监督管理。',
    '国务院交通运输主管部门直接管理的航道的航道保护范围，设立的市的市区内。',
    '对接受人接受人体器官移植的风险进行评估，伪造报纸名称出版出版物，由集体经济组织组织开展造林绿化。',
    '特别行政区行政区域图，实行合伙人一人一票，保险标的的保险价值，按照本规定规定的期限受保护。',
    '确需在在线法庭之外组织庭审，每周工作工作时长超出40小时，代表代表团发表意见。',
  ];
  for (const body of quiet) assert.deepEqual(found(doc(body), ID), [], body);
});

test('a repeat across a line break or a space is not reported (a heading and its paragraph; PDF text)', () => {
  assert.deepEqual(found(doc('（一）主动公开\n主动公开政府信息120条。'), ID), []);
  assert.deepEqual(found(doc('我局严格审核\n审核后予以公开。'), ID), []);
  assert.deepEqual(found(doc('我局的 的工作。'), ID), []);
  // PDF text: the doubled word inside a line is found, the one broken across lines is not
  const pdf = doc('我局按照要求严格审核审核后予以公开，对拟公开的的信息进行\n审查。', 'pdf');
  assert.deepEqual(found(pdf, ID), ['审核审核', '的的']);
});

test('tables are not prose: the full sample report is quiet in every table layout', () => {
  for (const layout of LAYOUTS) assert.deepEqual(found(fullReport('我局认真落实条例要求，主动公开政府信息。', layout), ID), [], layout);
  const d = diags(fullReport('我局的的工作经审核审核后公开。', 'markdown'), ID);
  assert.equal(d.length, 2);
});

test('config words.repeatWhitelist extends the list', () => {
  const text = doc('要做细做细，再做实。');
  assert.deepEqual(found(text, ID), ['做细做细']);
  assert.deepEqual(found(text, ID, resolveConfig({ words: { repeatWhitelist: ['做细做细'] } })), []);
  // an entry may be a longer word around the repeat
  assert.deepEqual(found(doc('我局在在办件中公开。'), ID), ['在在']);
  assert.deepEqual(found(doc('我局在在办件中公开。'), ID, resolveConfig({ words: { repeatWhitelist: ['在在办'] } })), []);
});

test('fixes: particles are safe (applied by --fix), doubled words only on request; round trip is idempotent', () => {
  const text = doc('我局的的工作经审核审核后，在在网站上公开，进一步步推进。');
  const d = diags(text, ID);
  assert.deepEqual(
    d.map((x) => [text.slice(x.range.start, x.range.end), x.fix!.safe]),
    [['的的', true], ['审核审核', false], ['在在', true], ['步步', true]],
  );
  for (const x of d) assertFixLocal(text, x);
  const fixed = assertFixRoundTrip(text, ID);
  assert.ok(fixed.includes('我局的工作经审核后，在网站上公开，进一步推进。'));
  assertFixRoundTrip(doc('我局的的的的工作。', 'html'), ID);
  assertFixRoundTrip(doc('严格严格落实，信息公开信息公开信息公开。', 'markdown'), ID);
});

test('long runs are one diagnostic each and linear', () => {
  const text = doc('的'.repeat(50000) + '。审核'.repeat(2) + '审核'.repeat(20000));
  const d = diags(text, ID);
  assert.equal(d.length, 2);
  assert.equal(assertFixRoundTrip(text, ID).includes('的。审核。审核'), true);
});

test('CLI check --fix deletes a doubled particle and leaves a doubled word for review', () => {
  const dir = tempDir('repeat');
  const file = join(dir, 'report.nianbao.txt');
  writeFileSync(file, fullReport('我局的的工作经审核审核后公开。', 'tsv'));
  runCli(['check', '--fix', file]);
  const after = readFileSync(file, 'utf8');
  assert.ok(after.includes('我局的工作经审核审核后公开。'), after.slice(0, 300));
});

test('a doubled word with no word boundary to show it, and an agency name run into 局机关, are known slips', () => {
  const cases: [string, string, string][] = [
    ['我局认真认真落实保密审查。', '认真认真', '认真'],
    ['主动公开公开政府信息。', '公开公开', '公开'],
    ['本局局机关严格落实。', '局局', '局'],
    ['我局局机关各科室。', '局局', '局'],
  ];
  for (const [body, written, right] of cases) {
    const text = doc(body);
    const d = diags(text, ID);
    assert.deepEqual(d.map((x) => text.slice(x.range.start, x.range.end)), [written], body);
    assertFixLocal(text, d[0]!, right);
  }
  // the same characters where they are right: 局长, 办理, a reduplication
  assert.deepEqual(found(doc('本局局长带头，我办办理申请，大家研究研究，本局局属单位，每周工作工作时长。'), ID), []);
});
