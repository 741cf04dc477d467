// Consolidation of reports made from the seeds with known numbers (test/fixtures/summary, see
// make.ts there): the summed tables are exactly the sums of numbers.json, computed here with BigInt.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join, basename } from 'node:path';
import { runCli } from '../helpers/cli';
import { decSum, decSub, FORMAT_2021, type Summary } from '../../server/src/core';

const DIR = join(import.meta.dirname, '..', 'fixtures', 'summary');
const SET = join(DIR, 'set');
type Numbers = { t2: Record<string, string[]>; t3: Record<string, number[]>; t4: number[] };
const NUMBERS = JSON.parse(readFileSync(join(DIR, 'numbers.json'), 'utf8')) as Record<string, Numbers>;
const SUMMED = Object.keys(NUMBERS);

/** An exact decimal sum done independently of the program: scale every value to 1/10000 万元. */
function exactSum(values: string[]): string {
  const scaled = values.reduce((a, v) => {
    const [i, f = ''] = v.split('.');
    return a + BigInt(i!) * 10000n + BigInt(f.padEnd(4, '0'));
  }, 0n);
  const frac = (scaled % 10000n).toString().padStart(4, '0').replace(/0+$/, '');
  return `${scaled / 10000n}${frac ? `.${frac}` : ''}`;
}

function summary(paths: string[]): Summary {
  const r = runCli(['summary', '--format', 'json', ...paths]);
  assert.equal(r.code, 0, r.stderr);
  return JSON.parse(r.stdout) as Summary;
}

const name = (f: string) => basename(f);

test('each fixture read on its own has exactly the numbers written into it', () => {
  for (const f of SUMMED) {
    const s = summary([join(SET, f)]);
    const n = NUMBERS[f]!;
    for (const [key, vs] of Object.entries(n.t3)) assert.deepEqual(s.tables!.t3.rows.find((r) => r.key === key)!.cells.map((c) => c.v), vs.map(String), `${f} ${key}`);
    assert.deepEqual(s.tables!.t4.cells.map((c) => c.v), n.t4.map(String), f);
    assert.ok(s.tables!.checks.every((c) => c.ok === true), `${f}: ${JSON.stringify(s.tables!.checks.filter((c) => c.ok !== true))}`);
  }
});

test('the set consolidates to exactly the summed numbers; the rest is listed with its reason', () => {
  const s = summary([SET]);
  assert.equal(s.year, 2023);
  assert.deepEqual(s.included.map(name).sort(), SUMMED.sort());
  assert.deepEqual(Object.fromEntries(s.excluded.map((e) => [name(e.file), e.reason])), {
    'd-yanshi-fullname-2023.txt': 'duplicate',
    'e-xiangshan-2021.txt': 'other-year',
    'f-tongguan-2023.txt': 'unreadable-table',
  });
  // every file is in the roster once, and only the summed ones are marked included
  assert.deepEqual(s.roster.map((r) => name(r.file)).sort(), readdirSync(SET).sort());
  assert.deepEqual(s.roster.filter((r) => r.included).map((r) => name(r.file)).sort(), SUMMED.sort());
  const all = SUMMED.map((f) => NUMBERS[f]!);
  for (const row of FORMAT_2021.table3.rows) {
    const got = s.tables!.t3.rows.find((r) => r.key === row.key)!.cells.map((c) => c.v);
    assert.deepEqual(got, FORMAT_2021.table3.columns.map((_, i) => exactSum(all.map((n) => String(n.t3[row.key]![i])))), row.key);
  }
  assert.deepEqual(s.tables!.t4.cells.map((c) => c.v), all[0]!.t4.map((_, i) => exactSum(all.map((n) => String(n.t4[i])))));
  for (const block of s.tables!.t2.blocks) {
    for (const row of block.rows) {
      if (!(row.key in all[0]!.t2)) continue;
      assert.deepEqual(row.cells.map((c) => c.v), row.cells.map((_, i) => exactSum(all.map((n) => n.t2[row.key]![i]!))), row.key);
    }
  }
  // 0.1 + 0.2 + 12.07 drifts in floating point; the sum in 万元 must not
  assert.notEqual(0.1 + 0.2 + 12.07, 12.37);
  assert.equal(s.tables!.t2.blocks.find((b) => b.key === '20.8')!.rows[0]!.cells[0]!.v, '12.37');
  assert.ok(s.tables!.checks.length > 30 && s.tables!.checks.every((c) => c.ok === true));
});

test('the order of the inputs changes neither the sums nor what is left out', () => {
  const files = readdirSync(SET).map((f) => join(SET, f));
  const a = summary(files);
  const b = summary([...files].reverse());
  assert.deepEqual(b.tables, a.tables);
  assert.equal(b.included.length, 3);
  assert.deepEqual(b.excluded.map((e) => e.reason).sort(), a.excluded.map((e) => e.reason).sort());
});

test('exact sums stay exact beyond the range of doubles', () => {
  const big = '999999999999999';
  assert.equal(decSum(Array(999).fill(big)), (999n * BigInt(big)).toString());
  assert.equal(decSum(Array(11).fill('900719925474099')), (11n * 900719925474099n).toString());
  assert.equal(decSum(['9007199254740993', '1']), '9007199254740994');
  assert.equal(decSum(['0.1', '0.2', '-0.3']), '0');
  assert.equal(decSub('96171.95', '0.05'), '96171.9');
});

test('one report with rows missing is still shown on its own, the holes named in a note', () => {
  const s = summary([join(SET, 'f-tongguan-2023.txt')]);
  assert.equal(s.kind, 'report');
  assert.deepEqual(s.excluded, []);
  assert.ok(s.tables!.t3.rows.find((r) => r.key === '一')!.cells.every((c) => c.v === '0'));
  assert.equal(s.tables!.t3.rows.find((r) => r.key === '四')!.cells[0]!.kind, 'missing');
  // the holes are named as the form names them, not by internal keys (三.7)
  assert.ok(s.notes.some((n) => String(n).includes('表三“（七）总计”')), JSON.stringify(s.notes));
  assert.ok(!s.notes.some((n) => String(n).includes('三.7')), JSON.stringify(s.notes));
  assert.equal(s.notSummable, true);
});
