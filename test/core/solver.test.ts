// The 勾稽 solver's outcomes on digits run together: one consistent reading is read (each cell
// with its own range), none consistent → the fewest-broken reading with its sum errors, several
// → one info diagnostic listing them and no value guessed. Reports rendered from real numbers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lint, parseReport, FORMAT_2021 } from '../../server/src/core';
import { relationsOf, evaluate } from '../../server/src/core/relations';
import { segmentations, solveTable } from '../../server/src/core/parse/solve';
import { tokenize } from '../../server/src/core/parse/tokens';
import { HUAIAN_2024, render, tableValues, withCell } from '../helpers/layouts';
import { flatten } from '../helpers/flatten';

const flat = (text: string) => flatten(text, 'no-separators');

test('relations come from the template: 25 row totals, 7 column totals, 7 balances, 3 表四 groups', () => {
  const rels = relationsOf(FORMAT_2021);
  const count = (k: string) => rels.filter((r) => r.kind === k).length;
  assert.deepEqual([count('row'), count('column'), count('balance'), count('group')], [FORMAT_2021.table3.rows.length, 7, 7, 3]);
  const row = rels.find((r) => r.id === 't3.row:一')!;
  const v = HUAIAN_2024.t3['一']!;
  assert.deepEqual(evaluate(row, (c) => v[c.col]), { relation: row, lhs: 3119, rhs: 3119, held: true, difference: 0 });
  assert.equal(evaluate(row, (c) => (c.col === 0 ? undefined : v[c.col])), undefined);
});

test('segmentations: a space ends a cell, no number starts with 0, each cell has its own range', () => {
  const text = '30 0 0 0 03';
  const r = segmentations(tokenize(text, 0, text.length), 7)!;
  assert.deepEqual(r.map((x) => x.map((c) => c.value)), [[3, 0, 0, 0, 0, 0, 3]]);
  assert.deepEqual(r[0]!.map((c) => text.slice(c.s, c.e)), ['3', '0', '0', '0', '0', '0', '3']);
  assert.equal(r[0]![6]!.s, 10);
  const many = '12345678901234567890';
  assert.equal(segmentations(tokenize(many, 0, many.length), 7, 100), undefined, 'more readings than the bound: none listed');
});

test('one consistent reading: a flattened table with real numbers is read whole, each cell at its digits', () => {
  const text = flat(render(HUAIAN_2024, 'tsv'));
  const r = parseReport(text);
  assert.deepEqual(tableValues(r).t3, HUAIAN_2024.t3);
  for (const row of r.table3!.rows) for (const c of row.cells) assert.equal(text.slice(c!.range.start, c!.range.end), String(c!.value));
  // the cells of 表二 and 表四 that have no unique reading are listed (below), never errors
  assert.deepEqual(lint(text).diagnostics.filter((d) => /^table-/.test(d.ruleId) && d.ruleId !== 'table-ambiguous').map((d) => d.ruleId), []);
});

test('none consistent: the reading with the fewest broken relations is read and its sum errors reported on it', () => {
  // 总计 of 一 written 3118 instead of 3119: no cutting of that row adds up
  const bad = withCell(HUAIAN_2024, 't3', '一', 6, 3118);
  const text = flat(render(bad, 'tsv'));
  const { diagnostics } = lint(text);
  const sums = diagnostics.filter((d) => /^table-(row-total|column-total|balance)$/.test(d.ruleId));
  const laidOut = lint(render(bad, 'tsv')).diagnostics.filter((d) => /^table-(row-total|column-total|balance)$/.test(d.ruleId));
  assert.deepEqual(sums.map((d) => d.message.zh), laidOut.map((d) => d.message.zh));
  const row = sums.find((d) => d.ruleId === 'table-row-total')!;
  assert.equal(text.slice(row.range.start, row.range.end), '3118');
  assert.equal(diagnostics.filter((d) => d.ruleId === 'table-unreadable').length, 0);
});

test('several consistent readings: one info diagnostic lists them, no value is guessed, no error', () => {
  // 表二 has no relation: 82666 for three cells reads 8|26|66, 82|6|66 …
  const text = flat(render(HUAIAN_2024, 'tsv'));
  const r = parseReport(text);
  const cells = r.table2!.blocks[0]!.rows.find((x) => x.key === '20.1/normative')!.cells;
  assert.ok(cells.every((c) => c === undefined), 'no value placed');
  const { diagnostics } = lint(text);
  const amb = diagnostics.filter((d) => d.ruleId === 'table-ambiguous' && d.message.zh.includes('行政规范性文件'));
  assert.equal(amb.length, 1);
  assert.equal(amb[0]!.severity, 'info');
  assert.match(amb[0]!.message.zh, /行政规范性文件.*种读法.*8 26 66/);
  assert.equal(text.slice(amb[0]!.range.start, amb[0]!.range.end), '82666');
  assert.ok(!diagnostics.some((d) => d.severity === 'error'));
});

test('several consistent readings of a table with relations: 表四 run together is listed, the group totals hold in each', () => {
  // 72 64 178 37 351 13 4 8 1 26 12 1 1 6 20 with no separator: 12|1|1|6|20, 1|2|11|6|20 and 1|2|1|16|20 all add up
  const text = flat(render(HUAIAN_2024, 'tsv'));
  const amb = lint(text).diagnostics.filter((d) => d.ruleId === 'table-ambiguous' && d.message.zh.startsWith('表四'));
  assert.equal(amb.length, 1);
  assert.match(amb[0]!.message.zh, /3 种读法/);
  assert.ok(parseReport(text).table4!.cells.every((c) => c === undefined), 'no value placed');
  const digits = HUAIAN_2024.t4.join('');
  const readings = segmentations(tokenize(digits, 0, digits.length), 15, 100000);
  const out = solveTable(FORMAT_2021, 't4', [{ key: 'table4', readings: readings ?? [] }]);
  if (readings) assert.equal(out.kind, 'several');
  const list = out.kind === 'several' ? out.rows.get('table4')! : [];
  for (const v of list) for (const rel of relationsOf(FORMAT_2021).filter((x) => x.kind === 'group')) assert.equal(evaluate(rel, (c) => v[c.col])!.held, true);
});
