// Each table and structure rule: fires on a defect, stays quiet on correct text, and its fix
// round-trips (fixed text has no diagnostic of the rule; applying twice changes nothing).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyEdits, fixAllEdits, lint, type Diagnostic } from '../../server/src/core';
import { HUAIAN_2024, LAYOUTS, render, withCell, type Layout } from '../helpers/layouts';
import { assertFixRoundTrip } from '../helpers/fix';

const clean = (layout: Layout = 'tsv') => render(HUAIAN_2024, layout);
const of = (text: string, id: string): Diagnostic[] => lint(text).diagnostics.filter((d) => d.ruleId === id);
const at = (text: string, d: Diagnostic) => text.slice(d.range.start, d.range.end);

test('table-row-total: fix sets the total to the sum', () => {
  const text = render(withCell(HUAIAN_2024, 't3', '一', 6, 3120), 'tsv');
  const d = of(text, 'table-row-total');
  assert.equal(d.length, 1);
  assert.equal(d[0]!.hint, '= 3119');
  assert.equal(d[0]!.related?.length, 6);
  const fixed = assertFixRoundTrip(text, 'table-row-total');
  assert.equal(fixed, clean());
});

test('table-column-total: fix sets (七)总计', () => {
  const text = render(withCell(HUAIAN_2024, 't3', '三.7', 1, 50), 'markdown');
  const d = of(text, 'table-column-total');
  assert.equal(d.length, 1);
  assert.match(d[0]!.message.zh, /“商业企业”列：（七）总计 50 ≠ .* = 53/);
  assertFixRoundTrip(text, 'table-column-total');
});

test('table-balance: names both sides, no fix', () => {
  const text = render(withCell(HUAIAN_2024, 't3', '四', 0, 104), 'pdf');
  const d = of(text, 'table-balance');
  assert.equal(d.length, 1);
  assert.equal(d[0]!.fix, undefined);
  assert.equal(d[0]!.related?.length, 4);
});

test('table-cell-invalid: /, -, 无, letter O, blank; fixes for blank and O', () => {
  const base = clean('tsv');
  const slash = base.replace('二、上年结转政府信息公开申请数量\t34\t0\t0', '二、上年结转政府信息公开申请数量\t34\t/\t0');
  const d1 = of(slash, 'table-cell-invalid');
  assert.equal(d1.length, 1);
  assert.equal(at(slash, d1[0]!), '/');
  assert.equal(d1[0]!.fix, undefined);
  const letterO = base.replace('3.要求提供公开出版物\t0\t0', '3.要求提供公开出版物\tO\t0');
  const d2 = of(letterO, 'table-cell-invalid');
  assert.equal(d2.length, 1);
  assert.equal(assertFixRoundTrip(letterO, 'table-cell-invalid'), base);
  const blank = base.replace('3.要求提供公开出版物\t0\t0', '3.要求提供公开出版物\t\t0');
  const d3 = of(blank, 'table-cell-invalid');
  assert.equal(d3.length, 1, d3.map((d) => d.message.zh).join());
  assert.match(d3[0]!.message.zh, /为空/);
  assert.equal(assertFixRoundTrip(blank, 'table-cell-invalid'), base);
  const negative = base.replace('行政许可\t447228', '行政许可\t-3');
  assert.match(of(negative, 'table-cell-invalid')[0]!.message.zh, /负数/);
  assert.equal(of(base, 'table-cell-invalid').length, 0);
});

test('table-cell-invalid: money in 万元 may be decimal; counts may not', () => {
  assert.equal(of(clean(), 'table-cell-invalid').length, 0); // 96171.6 in 表二（八）
  const text = clean().replace('行政处罚\t3985758', '行政处罚\t39.5');
  assert.match(of(text, 'table-cell-invalid')[0]!.message.zh, /整数/);
});

test('table-label-typo: row and column labels, fix to the standard wording', () => {
  const text = clean().replace('本年废止件数', '本年度止件数').replace('2.其他法律行政法规禁止公开', '2.其他法律行政止公开');
  const d = of(text, 'table-label-typo');
  assert.deepEqual(d.map((x) => at(text, x)), ['本年度止件数', '2.其他法律行政止公开']);
  assert.equal(assertFixRoundTrip(text, 'table-label-typo'), clean());
});

test('table-label-typo: spacing, punctuation width and 1、 are not typos', () => {
  const text = clean().replace('1.属于国家秘密', '1、属于国家秘密').replace('（二）部分公开（区分处理的，只计这一情形，不计其他情形）', '(二) 部分公开 (区分处理的, 只计这一情形, 不计其他情形)');
  assert.equal(of(text, 'table-label-typo').length, 0);
});

test('table-row-missing: each missing row named; sums over a missing row are not checked', () => {
  const text = clean().replace(/3\.补正后申请内容仍不明确\t[^\n]*\n/, '');
  const d = of(text, 'table-row-missing');
  assert.equal(d.length, 1);
  assert.match(d[0]!.message.zh, /（四）无法提供 3\.补正后申请内容仍不明确/);
  assert.equal(of(text, 'table-column-total').length, 0);
});

test('table-missing: a whole table gone; the fix inserts the blank standard table that parses clean', () => {
  const text = clean().replace(/(四、政府信息公开行政复议、行政诉讼情况\n)[\s\S]*?(五、存在的主要问题)/, '$1$2');
  const d = of(text, 'table-missing');
  assert.equal(d.length, 1);
  assert.match(d[0]!.message.zh, /表四/);
  const fixed = assertFixRoundTrip(text, 'table-missing');
  assert.deepEqual(lint(fixed).diagnostics.filter((x) => x.ruleId.startsWith('table-')).map((x) => x.ruleId), []);
});

test('section-missing: the heading is inserted where it belongs', () => {
  const text = clean().replace('六、其他需要报告的事项\n', '');
  const d = of(text, 'section-missing');
  assert.equal(d.length, 1);
  // where 六's own text ends cannot be known: the heading goes at the end of the report
  assert.ok(assertFixRoundTrip(text, 'section-missing').endsWith('\n六、其他需要报告的事项\n'));
  const no3 = clean().replace('三、收到和处理政府信息公开申请情况\n', '');
  const fixed3 = assertFixRoundTrip(no3, 'section-missing');
  assert.equal(fixed3, clean());
});

test('section-order: a duplicated and a misplaced section', () => {
  const dup = clean() + '五、存在的主要问题及改进情况\n又写了一遍。\n';
  assert.match(of(dup, 'section-order')[0]!.message.zh, /重复/);
  const swapped = clean().replace('五、存在的主要问题及改进情况', 'TMP').replace('六、其他需要报告的事项', '五、存在的主要问题及改进情况').replace('TMP', '六、其他需要报告的事项');
  assert.equal(of(swapped, 'section-order').length, 1);
  assert.equal(of(clean(), 'section-order').length, 0);
});

test('section-title: old wording and typos replaced with the standard heading', () => {
  const text = clean().replace('四、政府信息公开行政复议、行政诉讼情况', '四、因政府信息公开工作被申请行政复议、提起行政诉讼情况').replace('一、总体情况', '一、总休情况');
  assert.equal(of(text, 'section-title').length, 2);
  assert.equal(assertFixRoundTrip(text, 'section-title'), clean());
});

test('overview-topic-missing: a topic absent from section 一', () => {
  const text = clean().replace('（四）政府信息公开平台建设情况。完善平台。', '');
  const d = of(text, 'overview-topic-missing');
  assert.deepEqual(d.map((x) => x.message.zh), ['“一、总体情况”中没有写到“政府信息公开平台建设”']);
  assert.equal(of(clean(), 'overview-topic-missing').length, 0);
});

test('format-version: a 2024 report in the 2019 layout', () => {
  const text = clean().replace('本年制发件数\t本年废止件数\t现行有效件数', '本年新制作数量\t本年新公开数量\t对外公开总数量').replace('本年收费金额（单位：万元）', '上一年项目数量\t本年增/减');
  assert.equal(of(text, 'format-version').length, 1);
  assert.equal(of(clean(), 'format-version').length, 0);
});

test('a pre-2019 report is recognised, not flooded with errors', () => {
  const text = '某某局2017年政府信息公开工作年度报告\n一、概述\n本年度……\n二、主动公开政府信息情况\n……\n三、依申请公开政府信息情况\n……\n四、政府信息公开的收费及减免情况\n……\n';
  const r = lint(text);
  assert.equal(r.report.format, 'pre2019');
  assert.deepEqual(r.diagnostics.filter((d) => d.severity === 'error').map((d) => d.ruleId), []);
});

test('text that is not a report gets no diagnostics', () => {
  assert.deepEqual(lint('# 会议纪要\n\n今天讨论了三件事。\n').diagnostics, []);
  assert.equal(lint('').isReport, false);
});

test('table-cell-invalid: a blank 表二 cell is filled where it belongs', () => {
  const base = clean('tsv').replace('行政许可\t447228', '行政许可\t447228\t\t');
  const blank = base.replace('行政许可\t447228', '行政许可\t');
  const d = of(blank, 'table-cell-invalid');
  assert.equal(d.length, 1, d.map((x) => x.message.zh).join());
  const fixed = assertFixRoundTrip(blank, 'table-cell-invalid');
  assert.ok(fixed.includes('行政许可\t0\t\t'), JSON.stringify(fixed.slice(fixed.indexOf('行政许可'), fixed.indexOf('行政许可') + 12)));
});

test('title-missing: a report copied from a web page without its title (agency from 发布机构)', () => {
  const text = '索引号: | x-2024-0001 | 主题分类: | 综合政务 |\n发布机构: | 青云谱区商务局 | 生成日期: | 2024-01-17 |\n' + clean().split('\n').slice(1).join('\n');
  const d = of(text, 'title-missing');
  assert.equal(d.length, 1);
  assert.match(d[0]!.message.zh, /青云谱区商务局2024年政府信息公开工作年度报告/);
  assert.equal(of(clean(), 'title-missing').length, 0);
});

test('（七）总计/总计, set by both totals: a fix that the other total contradicts is offered, not applied by fix-all', () => {
  // (七)/自然人 wrong: the row's parts no longer give the corner, the column's parts still do
  const text = render(withCell(HUAIAN_2024, 't3', '三.7', 0, 3100), 'tsv');
  const corner = of(text, 'table-row-total').find((d) => d.hint && at(text, d) === String(HUAIAN_2024.t3['三.7']![6]));
  assert.ok(corner, 'row (七) total is reported');
  assert.equal(corner.fix?.safe, false, 'the corner fix is only offered');
  assert.equal(of(text, 'table-column-total')[0]?.fix?.safe, true, 'the part cell fix is safe');
  // fix-all changes the part cell, and then neither rule fires
  let fixed = text;
  for (let pass = 0; pass < 3; pass++) fixed = applyEdits(fixed, fixAllEdits(lint(fixed).diagnostics)).text;
  assert.equal(of(fixed, 'table-row-total').length + of(fixed, 'table-column-total').length, 0);
  assert.equal(fixed, clean());
});

/** fix-all as `check --fix` runs it: up to three passes. */
const fixAll = (text: string) => {
  let fixed = text;
  for (let pass = 0; pass < 3; pass++) fixed = applyEdits(fixed, fixAllEdits(lint(fixed).diagnostics)).text;
  return fixed;
};

test('fix-all leaves correct totals alone when a part is wrong: the total fixes are offered, not applied (every layout)', () => {
  const onePart = withCell(HUAIAN_2024, 't3', '三.1', 0, 1289); // row (一) and column 自然人 disagree, the balance holds
  const partAndItsRowTotal = withCell(withCell(HUAIAN_2024, 't3', '三.5.2', 0, 26), 't3', '三.5.2', 6, 26); // two (七) totals disagree
  for (const layout of LAYOUTS) {
    for (const [name, data, rules] of [['one part', onePart, ['table-row-total', 'table-column-total']], ['part and row total', partAndItsRowTotal, ['table-column-total', 'table-column-total']]] as const) {
      const text = render(data, layout);
      const totals = lint(text).diagnostics.filter((d) => d.ruleId === 'table-row-total' || d.ruleId === 'table-column-total');
      assert.deepEqual(totals.map((d) => d.ruleId).sort(), [...rules].sort(), `${layout}, ${name}`);
      assert.ok(totals.every((d) => d.fix && !d.fix.safe), `${layout}, ${name}: the total fixes are quick fixes only`);
      assert.equal(fixAll(text), text, `${layout}, ${name}: fix-all changes nothing`);
    }
  }
  // 表四: a group has one equation, so a wrong part and a wrong total look the same
  for (const [col, value] of [[1, 46], [4, 340], [0, 62]]) {
    const t4 = render(withCell(HUAIAN_2024, 't4', '', col, value), 'tsv');
    assert.equal(of(t4, 'table-row-total')[0]?.fix?.safe, false, `表四 cell ${col} = ${value}`);
    assert.equal(fixAll(t4), t4);
  }
});

test('a 表四 total is fixed by fix-all when no part can be the wrong number: below the sum by more than any part, or 0 (left unfilled)', () => {
  for (const [col, value] of [[4, 35], [4, 0], [9, 0], [14, 2]]) {
    const text = render(withCell(HUAIAN_2024, 't4', '', col, value), 'tsv');
    assert.equal(of(text, 'table-row-total')[0]?.fix?.safe, true, `表四 cell ${col} = ${value}`);
    assert.equal(fixAll(text), clean(), `表四 cell ${col} = ${value}`);
  }
});

test('fix-all applies a total fix when every equation the total is in agrees on the value', () => {
  const cases: [string, number, number, string[]][] = [
    ['三.1', 6, 1363, ['table-row-total', 'table-column-total']], // a row total: its row and the 总计 column
    ['一', 6, 3120, ['table-row-total', 'table-balance']], // 本年新收 总计: its row and the balance
    ['三.7', 0, 2933, ['table-row-total', 'table-column-total', 'table-balance']], // a （七） cell: column, （七） row, balance
    ['三.7', 6, 3051, ['table-row-total', 'table-column-total', 'table-balance']], // the corner
  ];
  for (const layout of ['tsv', 'pdf', 'html'] as Layout[]) {
    for (const [row, col, value, fired] of cases) {
      const text = render(withCell(HUAIAN_2024, 't3', row, col, value), layout);
      const ds = lint(text).diagnostics.filter((d) => d.ruleId.startsWith('table-'));
      assert.deepEqual([...new Set(ds.map((d) => d.ruleId))].sort(), [...fired].sort(), `${layout} ${row}/${col}`);
      const onCell = ds.filter((d) => d.fix && at(text, d) === String(value));
      assert.ok(onCell.length && onCell.every((d) => d.fix!.safe), `${layout} ${row}/${col}: the fix of the wrong total is certain`);
      assert.equal(fixAll(text), clean(layout), `${layout} ${row}/${col}`);
    }
  }
});

test('a page marker glued to a row label by PDF extraction is not read as a cell, and fix-all settles', () => {
  for (const marker of ['- 6 -', '-6-', '— 12 —']) {
    const text = clean('tsv').replace('（一）予以公开\t', `（一）予以公开${marker}\t`);
    assert.notEqual(text, clean('tsv'), 'the fixture has the glued marker');
    const cells = (t: string) => lint(t).report.table3?.rows.map((r) => r.cells.map((c) => c?.value));
    assert.deepEqual(cells(text), cells(clean('tsv')), marker);
    assert.deepEqual(fixAllEdits(lint(text).diagnostics), [], `${marker}: nothing to fix`);
  }
  // seed-like: the label alone on its line, the numbers below, the footer glued to the label
  const text = clean('pdf').replace('（一）予以公开 ', '（一）予以公开- 6 -\n');
  let fixed = text;
  for (let pass = 0; pass < 3; pass++) fixed = applyEdits(fixed, fixAllEdits(lint(fixed).diagnostics)).text;
  assert.deepEqual(fixAllEdits(lint(fixed).diagnostics), []);
});
