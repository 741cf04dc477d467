// table-label-typo on 表三's column header, 表四's two header levels and 表三's row-group labels,
// in every layout: a mistyped label is reported over its whole written text with a fix to the
// standard wording; correct headers (broken PDF labels included) stay quiet.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lint, type Diagnostic } from '../../server/src/core';
import { HUAIAN_2024, LAYOUTS, render, type Layout } from '../helpers/layouts';
import { assertFixRoundTrip } from '../helpers/fix';
import { EXTERNAL, SEEDS } from '../helpers/cli';

const typos = (text: string): Diagnostic[] => lint(text).diagnostics.filter((d) => d.ruleId === 'table-label-typo');
const at = (text: string, d: Diagnostic) => text.slice(d.range.start, d.range.end);

/** Replaces the first `count` occurrences of `from` after `anchor` (a header, not the same words in prose or rows). */
function replaceAfter(text: string, anchor: string, from: string, to: string, count = 1): string {
  let p = text.indexOf(anchor);
  assert.ok(p >= 0, `no ${anchor}`);
  p += anchor.length;
  for (let k = 0; k < count; k++) {
    p = text.indexOf(from, p);
    assert.ok(p >= 0, `no ${from} after ${anchor}`);
    text = text.slice(0, p) + to + text.slice(p + from.length);
    p += to.length;
  }
  return text;
}

/** Layouts whose header cells keep each label on one line (PDF text breaks them). */
const WHOLE_LABELS = LAYOUTS.filter((l) => l !== 'pdf');
const T3 = '申请人情况';
const T4 = '四、政府信息公开行政复议、行政诉讼情况';

test('correct headers and group labels give no table-label-typo in any layout', () => {
  for (const layout of LAYOUTS) assert.deepEqual(typos(render(HUAIAN_2024, layout)).map((d) => d.message.zh), [], layout);
});

const T3_CASES: [string, string][] = [
  ['科研机构', '科研机关'],
  ['社会公益组织', '社会公益机构'],
  ['法律服务机构', '法律服务组织'],
  ['商业企业', '商务企业'],
  ['自然人', '自然入'],
  ['自然人', '个人'],
  ['总计', '合计'],
  ['法人或其他组织', '法人或其它组织'],
];

for (const layout of WHOLE_LABELS) {
  test(`表三 column header typos are reported and fixed (${layout})`, () => {
    const clean = render(HUAIAN_2024, layout);
    for (const [right, wrong] of T3_CASES) {
      const text = replaceAfter(clean, T3, right, wrong);
      const d = typos(text);
      assert.deepEqual(d.map((x) => [at(text, x), x.message.zh]), [[wrong, `列标签“${wrong}”应为“${right}”`]], `${layout} ${wrong}`);
      assert.equal(assertFixRoundTrip(text, 'table-label-typo'), clean, `${layout} ${wrong}`);
    }
  });
}

test('表三 column header typos in PDF text: a broken label is reported whole, without a fix', () => {
  const clean = render(HUAIAN_2024, 'pdf');
  const broken = replaceAfter(clean, T3, '科研机\n构', '科研机\n关');
  const d = typos(broken);
  assert.deepEqual(d.map((x) => [at(broken, x), x.message.zh, !!x.fix]), [['科研机\n关', '列标签“科研机关”应为“科研机构”', false]]);
  const whole = replaceAfter(clean, T3, '法人或其他组织', '法人或其它组织');
  assert.equal(assertFixRoundTrip(whole, 'table-label-typo'), clean);
});

const T4_CASES: [string, string, number][] = [
  ['结果维持', '结果维护', 3],
  ['结果纠正', '结果更正', 1],
  ['尚未审结', '尚未结案', 3],
  ['行政复议', '行政复审', 1],
  ['行政诉讼', '行政起诉', 1],
  ['复议后起诉', '复议后诉讼', 1],
  ['总计', '合计', 3],
];

for (const layout of WHOLE_LABELS) {
  test(`表四 header typos are reported and fixed (${layout})`, () => {
    const clean = render(HUAIAN_2024, layout);
    for (const [right, wrong, n] of T4_CASES) {
      const text = replaceAfter(clean, T4, right, wrong, n);
      const d = typos(text);
      assert.deepEqual(d.map((x) => at(text, x)), new Array(n).fill(wrong), `${layout} ${wrong}`);
      assert.ok(d.every((x) => x.message.zh === `列标签“${wrong}”应为“${right}”`));
      assert.equal(assertFixRoundTrip(text, 'table-label-typo'), clean, `${layout} ${wrong}`);
    }
  });
}

test('未经复议直接诉讼: the range covers the whole label and the fix writes 未经复议直接起诉 (every layout)', () => {
  for (const layout of LAYOUTS) {
    const clean = render(HUAIAN_2024, layout);
    const text = replaceAfter(clean, T4, '未经复议直接起诉', '未经复议直接诉讼');
    const d = typos(text);
    assert.deepEqual(d.map((x) => [at(text, x), x.message.zh]), [['未经复议直接诉讼', '列标签“未经复议直接诉讼”应为“未经复议直接起诉”']], layout);
    assert.equal(assertFixRoundTrip(text, 'table-label-typo'), clean, layout);
  }
});

const GROUP_CASES: [string, string][] = [
  ['（四）无法提供', '（四）不能提供'],
  ['（三）不予公开', '（三）不于公开'],
  ['（五）不予处理', '（五）不予受理'],
  ['（六）其他处理', '（六）其它处理'],
  ['三、本年度办理结果', '三、本年办理结果'],
];

for (const layout of WHOLE_LABELS) {
  test(`表三 row-group label typos are reported and fixed (${layout})`, () => {
    const clean = render(HUAIAN_2024, layout);
    for (const [right, wrong] of GROUP_CASES) {
      const text = replaceAfter(clean, T3, right, wrong);
      const d = typos(text);
      assert.deepEqual(d.map((x) => [at(text, x), x.message.zh]), [[wrong, `行标签“${wrong}”应为“${right}”`]], `${layout} ${wrong}`);
      assert.equal(assertFixRoundTrip(text, 'table-label-typo'), clean, `${layout} ${wrong}`);
    }
  });
}

test('PDF text: a group label typo is fixed; the vertical 三、本年度办理结果 stays quiet', () => {
  const clean = render(HUAIAN_2024, 'pdf');
  const text = replaceAfter(clean, T3, '（四）无法提供', '（四）不能提供');
  assert.deepEqual(typos(text).map((x) => at(text, x)), ['（四）不能提供']);
  assert.equal(assertFixRoundTrip(text, 'table-label-typo'), clean);
});

test('header text that is no standard label stays quiet (captions, units, extra words)', () => {
  for (const layout of ['tsv', 'markdown', 'html'] as Layout[]) {
    const clean = render(HUAIAN_2024, layout);
    // a caption before the header, a unit, and a label written twice
    const text = clean.replace(T3, `单位：件 ${T3}`).replace(`${T4}\n`, `${T4}\n表四 单位：件\n`);
    assert.deepEqual(typos(text).map((d) => d.message.zh), [], layout);
  }
  // garbled header text (seed 000's 表四 reads 持 正 果 结): bits of it make no label
  const seed = readFileSync(join(SEEDS, '000_b5a011f3d089b4ff.txt'), 'utf8');
  const garbled = seed.indexOf('\t\t\t\t\t持\t正\t果\t结');
  assert.ok(garbled > 0);
  const tsv = `${seed.slice(0, garbled)}${T4}\n${seed.slice(garbled)}`;
  assert.deepEqual(typos(tsv).map((d) => d.message.zh), ['列标签“本年度止件数”应为“本年废止件数”']);
  const pdf = replaceAfter(render(HUAIAN_2024, 'pdf'), T4, '结果\n维持', '持 正\n果 结');
  assert.deepEqual(typos(pdf).map((d) => d.message.zh), []);
});

/** Real reports in their own layouts: one header label changed is found there, at that label. */
const REAL: { file: string; anchor: string; right: string; wrong: string; fix: boolean }[] = [
  { file: join(SEEDS, '001_fef44fb29382a984.txt'), anchor: '申请人情况', right: '科研机构', wrong: '科研机关', fix: true },
  { file: join(SEEDS, '003_daabefa65804d971.txt'), anchor: '申请人情况', right: '社会公益组织', wrong: '社会公益机构', fix: true },
  { file: join(SEEDS, '004_eac7cee84a78218c.txt'), anchor: '申请人情况', right: '法律服务机构', wrong: '法律服务组织', fix: true },
  { file: join(SEEDS, '001_fef44fb29382a984.txt'), anchor: '政府信息公开行政复议、行政诉讼情况', right: '结果纠正', wrong: '结果更正', fix: true },
  { file: join(SEEDS, '002_60914c73e690bbf7.txt'), anchor: '政府信息公开行政复议、行政诉讼情况', right: '其他 结果', wrong: '其它 结果', fix: true },
  { file: join(SEEDS, '004_eac7cee84a78218c.txt'), anchor: '政府信息公开行政复议、行政诉讼情况', right: '结果\n纠正', wrong: '结果\n更正', fix: false },
  { file: join(EXTERNAL, 'huaian-city-2024.txt'), anchor: '政府信息公开行政复议、行政诉讼情况', right: '未经复议直接起诉', wrong: '未经复议直接诉讼', fix: true },
  { file: join(EXTERNAL, 'huaian-city-2024.txt'), anchor: '申请人情况', right: '科研机\n构', wrong: '科研机\n关', fix: false },
  { file: join(EXTERNAL, 'hongze-district-2024.txt'), anchor: '（本列数据', right: '（四）无法提供', wrong: '（四）不能提供', fix: true },
];

test('real reports: one changed header or group label is reported there, and nothing else new', () => {
  for (const c of REAL) {
    const clean = readFileSync(c.file, 'utf8');
    const before = typos(clean).map((d) => d.message.zh);
    const text = replaceAfter(clean, c.anchor, c.right, c.wrong);
    const d = typos(text).filter((x) => !before.includes(x.message.zh));
    assert.deepEqual(d.map((x) => [at(text, x), !!x.fix]), [[c.wrong, c.fix]], `${c.file} ${c.wrong}`);
    if (!c.fix) continue;
    const fixed = text.slice(0, d[0]!.range.start) + d[0]!.fix!.edits[0]!.newText + text.slice(d[0]!.range.end);
    assert.equal(fixed.replace(/\s/g, ''), clean.replace(/\s/g, ''), c.file);
    assert.deepEqual(typos(fixed).map((x) => x.message.zh), before, c.file);
  }
});

test('表二 column label mistyped at its end: the whole cell is the range, not the label cut short', () => {
  for (const layout of WHOLE_LABELS) {
    const clean = render(HUAIAN_2024, layout);
    for (const [right, wrong] of [['本年废止件数', '本年废止件量'], ['现行有效件数', '现行有效件次']]) {
      const text = clean.replace(right, wrong);
      const d = typos(text);
      assert.deepEqual(d.map((x) => [at(text, x), x.message.zh]), [[wrong, `列标签“${wrong}”应为“${right}”`]], `${layout} ${wrong}`);
      assert.equal(assertFixRoundTrip(text, 'table-label-typo'), clean, `${layout} ${wrong}`);
    }
  }
});
