// The parser reads every real table layout with the same result, and the table rules fire
// (or stay quiet) the same way in each.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lint, parseReport, LineIndex, FORMAT_2021 } from '../../server/src/core';
import { HUAIAN_2024, LAYOUTS, render, tableValues as values, withCell, type ReportData } from '../helpers/layouts';

function expected(d: ReportData) {
  return { t2: d.t2, t3: d.t3, t4: d.t4 };
}

for (const layout of LAYOUTS) {
  test(`layout ${layout}: every cell read with the real numbers`, () => {
    const text = render(HUAIAN_2024, layout);
    const r = parseReport(text);
    assert.equal(r.format, '2021');
    assert.deepEqual(r.sections.map((s) => s.number), [1, 2, 3, 4, 5, 6]);
    assert.deepEqual(values(r), expected(HUAIAN_2024));
    assert.deepEqual(r.table3?.missingRows, []);
    assert.equal(r.year?.value, 2024);
  });

  test(`layout ${layout}: a clean report has no table or structure diagnostics`, () => {
    const { diagnostics } = lint(render(HUAIAN_2024, layout));
    const tableOrStructure = diagnostics.filter((d) => /^(table|section|format)-/.test(d.ruleId));
    assert.deepEqual(tableOrStructure.map((d) => `${d.ruleId}: ${d.message.zh}`), []);
  });

  test(`layout ${layout}: a wrong row total is found at its cell, with the arithmetic`, () => {
    const bad = withCell(HUAIAN_2024, 't3', '三.3.2', 6, 33); // 30+1+0+0+0+0 = 31, written 33
    const text = render(bad, layout);
    const { diagnostics } = lint(text);
    const rowTotal = diagnostics.filter((d) => d.ruleId === 'table-row-total');
    assert.equal(rowTotal.length, 1, JSON.stringify(diagnostics.map((d) => d.ruleId)));
    const d = rowTotal[0]!;
    assert.match(d.message.zh, /总计 33 ≠ 30\+1\+0\+0\+0\+0 = 31/);
    const cellText = text.slice(d.range.start, d.range.end).replace(/[\uff10-\uff19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xff10 + 48));
    assert.equal(cellText, '33');
    // the 总计 column's own sum now misses (七)总计 by 2 as well
    const col = diagnostics.filter((x) => x.ruleId === 'table-column-total');
    assert.equal(col.length, 1);
    assert.match(col[0]!.message.zh, /“总计”列：（七）总计 3050 ≠ .* = 3052/);
  });

  test(`layout ${layout}: a wrong part breaks the column total and the balance`, () => {
    const bad = withCell(HUAIAN_2024, 't3', '一', 0, 3002); // natural persons: 3002 + 34 ≠ 2932 + 103
    const { diagnostics } = lint(render(bad, layout));
    const ids = diagnostics.map((d) => d.ruleId).filter((id) => id.startsWith('table-'));
    assert.deepEqual(ids.sort(), ['table-balance', 'table-row-total']);
    const bal = diagnostics.find((d) => d.ruleId === 'table-balance')!;
    assert.match(bal.message.zh, /本年新收 3002 \+ 上年结转 34 = 3036，而办理结果总计 2932 \+ 结转下年度 103 = 3035/);
  });

  test(`layout ${layout}: 表四 group total`, () => {
    const bad = withCell(HUAIAN_2024, 't4', '', 9, 27); // 13+4+8+1 = 26
    const text = render(bad, layout);
    const { diagnostics } = lint(text);
    const d = diagnostics.filter((x) => x.ruleId === 'table-row-total');
    assert.equal(d.length, 1);
    assert.match(d[0]!.message.zh, /未经复议直接起诉”：总计 27 ≠ 13\+4\+8\+1 = 26/);
    const line = new LineIndex(text).position(d[0]!.range.start).line;
    assert.ok(/27/.test(text.split(/\r?\n/)[line]!.replace(/[\uff10-\uff19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xff10 + 48))));
  });
}

test('digits run together are recovered when the sums make the split unique', () => {
  const text = render(HUAIAN_2024, 'space-separated').replace('二、上年结转政府信息公开申请数量 34 0 0 0 0 0 34', '二、上年结转政府信息公开申请数量 34000003 4');
  const r = parseReport(text);
  const row = r.table3!.rows.find((x) => x.key === '二')!;
  assert.deepEqual(row.cells.map((c) => c?.value), [34, 0, 0, 0, 0, 0, 34]);
  assert.ok(row.cells.every((c) => c?.recovered));
});

test('digits run together with two splits that add up in their row: the whole table decides, its real sum errors reported', () => {
  // "110000011": 11,0,0,0,0,0,11 and 1,10,0,0,0,0,11 both add up in the row; with the table neither
  // holds (上年结转 was 34), and 11|0|… breaks fewer relations (the 自然人 and 总计 balances) than
  // 1|10|… (which breaks 商业企业's as well): it is read, and the balance errors are the real defect
  const text = render(HUAIAN_2024, 'space-separated').replace('二、上年结转政府信息公开申请数量 34 0 0 0 0 0 34', '二、上年结转政府信息公开申请数量 110000011');
  assert.deepEqual(parseReport(text).table3!.rows.find((r) => r.key === '二')!.cells.map((c) => c?.value), [11, 0, 0, 0, 0, 0, 11]);
  const { diagnostics } = lint(text);
  const ids = diagnostics.map((d) => d.ruleId).filter((id) => id.startsWith('table-'));
  assert.deepEqual(ids, ['table-balance', 'table-balance']);
  assert.match(diagnostics.find((d) => d.ruleId === 'table-balance')!.message.zh, /上年结转 11 = 3012/);
});

test('a number missing from a row with spaces between its numbers is never cut out of its neighbours', () => {
  // 2932 53 0 0 61 4 for 7 cells: a blank cell, not digits run together: unreadable, no sum on a guess
  const text = render(HUAIAN_2024, 'space-separated').replace('（七）总计 2932 53 0 0 61 4 3050', '（七）总计 2932 53 0 0 61 4');
  const { diagnostics } = lint(text);
  const ids = diagnostics.map((d) => d.ruleId).filter((id) => id.startsWith('table-'));
  assert.deepEqual(ids, ['table-unreadable']);
});

test('a whole 表三 row flattened with its label (801000081)', () => {
  const text = render(HUAIAN_2024, 'space-separated').replace(/三、本年度办理结果\n/, '').replace('（一）予以公开 1288 21 0 0 50 3 1362', '三、本年度办理结果（一）予以公开12882100503 1362');
  const r = parseReport(text);
  assert.deepEqual(r.table3!.rows.find((x) => x.key === '三.1')!.cells.map((c) => c?.value), [1288, 21, 0, 0, 50, 3, 1362]);
});

test('the 2019 trial format is detected from its table labels', () => {
  const text = render(HUAIAN_2024, 'tsv').replace('本年制发件数\t本年废止件数\t现行有效件数', '本年新制作数量\t本年新公开数量\t对外公开总数量');
  const r = parseReport(text.replace(/本年收费金额（单位：万元）/, '上一年项目数量'));
  assert.equal(r.format, '2019');
  const { diagnostics } = lint(text.replace(/本年收费金额（单位：万元）/, '上一年项目数量'));
  assert.ok(diagnostics.some((d) => d.ruleId === 'format-version'));
});

test('templates are valid data with the 25 rows of 表三', () => {
  assert.equal(FORMAT_2021.table3.rows.length, 25);
  assert.equal(FORMAT_2021.table4.groups.length * FORMAT_2021.table4.columns.length, 15);
});

test('a 2019-format report (2019 labels, （六） one row, negative 本年增/减) reads clean in every layout', async () => {
  const { FORMAT_2019 } = await import('../../server/src/core');
  const t3 = { ...HUAIAN_2024.t3 };
  t3['三.6'] = [0, 1, 2, 3, 4, 5, 6].map((c) => t3['三.6.1']![c]! + t3['三.6.2']![c]! + t3['三.6.3']![c]!);
  delete t3['三.6.1'];
  delete t3['三.6.2'];
  delete t3['三.6.3'];
  const d2019: ReportData = {
    ...HUAIAN_2024,
    year: 2020,
    t2: { '20.1/regulations': [1, 1, 11], '20.1/normative': [8, 8, 66], '20.5/licensing': [120, 3, 447228], '20.5/otherServices': [40, -2, 1000], '20.6/penalty': [2648, -185, 38], '20.6/coercion': [30, 0, 12], '20.8/fees': [12, -1], '20.9/procurement': [5, 1234.56] },
    t3,
  };
  for (const layout of LAYOUTS) {
    const text = render(d2019, layout, FORMAT_2019);
    const r = parseReport(text);
    assert.equal(r.format, '2019', layout);
    assert.deepEqual(values(r), expected(d2019), layout);
    const errs = lint(text).diagnostics.filter((x) => /^(table|section|format)-/.test(x.ruleId));
    assert.deepEqual(errs.map((x) => `${layout} ${x.ruleId}: ${x.message.zh}`), []);
  }
});
