// The summary through the real CLI and the core: summed tables, exclusions, cross-year, CSV, XLSX.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync, readFileSync, copyFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { runCli, EXTERNAL } from '../helpers/cli';
import { HUAIAN_2024, render, withCell, type ReportData } from '../helpers/layouts';
import { consolidate, decSum, lint, normalizeReport, sameAgency, FORMAT_2021, type Summary } from '../../server/src/core';
import { tempDir } from '../helpers/tmp';

const tmp = () => tempDir('summary');

function data(agency: string, scale: number, fees: number): ReportData {
  const d: ReportData = JSON.parse(JSON.stringify(HUAIAN_2024));
  d.agency = agency;
  for (const k of Object.keys(d.t3)) d.t3[k] = d.t3[k]!.map((v) => v * scale);
  d.t4 = d.t4.map((v) => v * scale);
  for (const k of Object.keys(d.t2)) d.t2[k] = d.t2[k]!.map((v) => v * scale);
  d.t2['20.8/fees'] = [fees];
  return d;
}

/** The expected sum, computed from the inputs (not from the program under test). */
function expectedT3(ds: ReportData[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const r of FORMAT_2021.table3.rows) out[r.key] = FORMAT_2021.table3.columns.map((_, i) => String(ds.reduce((a, d) => a + d.t3[r.key]![i]!, 0)));
  return out;
}

function summaryJson(args: string[], cwd?: string): { code: number | null; s: Summary; stderr: string } {
  const r = runCli(['summary', '--format', 'json', ...args], { cwd });
  assert.ok(r.stdout, r.stderr);
  return { code: r.code, s: JSON.parse(r.stdout) as Summary, stderr: r.stderr };
}

const INPUTS = [data('淮安市清江浦区人民政府', 1, 0.1), data('淮安市淮阴区人民政府', 2, 0.2), data('淮安市淮安区人民政府', 3, 96171.6)];

test('consolidating reports with known numbers gives exactly the summed tables (every layout read)', () => {
  const dir = tmp();
  const layouts = ['tsv', 'markdown', 'cell-per-line-pipe'] as const;
  INPUTS.forEach((d, i) => writeFileSync(join(dir, `r${i}.txt`), render(d, layouts[i]!)));
  const { code, s } = summaryJson([dir]);
  assert.equal(code, 0);
  assert.equal(s.kind, 'consolidated');
  assert.equal(s.included.length, 3);
  assert.deepEqual(s.excluded, []);
  const t = s.tables!;
  const expected = expectedT3(INPUTS);
  for (const row of t.t3.rows) assert.deepEqual(row.cells.map((c) => c.v), expected[row.key], row.key);
  assert.deepEqual(t.t4.cells.map((c) => c.v), HUAIAN_2024.t4.map((v) => String(v * 6)));
  const fees = t.t2.blocks.find((b) => b.key === '20.8')!.rows[0]!.cells[0]!.v;
  // 0.1 + 0.2 + 96171.6 in floating point is 96171.90000000001: money must stay exact
  assert.equal(0.1 + 0.2 + 96171.6 === 96171.9, false);
  assert.equal(fees, '96171.9');
  const normative = t.t2.blocks.find((b) => b.key === '20.1')!.rows.find((r) => r.key === '20.1/normative')!;
  assert.deepEqual(normative.cells.map((c) => c.v), HUAIAN_2024.t2['20.1/normative']!.map((v) => String(v * 6)));
  assert.ok(t.checks.length > 30 && t.checks.every((c) => c.ok === true), JSON.stringify(t.checks.filter((c) => c.ok !== true)));
  // the roster's headline numbers are each report's own
  const r1 = s.roster.find((r) => r.file.endsWith('r1.txt'))!;
  assert.equal(r1.headline.received, String(HUAIAN_2024.t3['一']![6]! * 2));
  assert.equal(r1.headline.lawsuits, String((HUAIAN_2024.t4[9]! + HUAIAN_2024.t4[14]!) * 2));
  assert.equal(r1.headline.fees, '0.2');
});

test('the summed external reports equal the sum of each report read on its own', () => {
  const files = ['huaian-city-2024.txt', 'hongze-district-2024.txt'].map((f) => join(EXTERNAL, f));
  const { s } = summaryJson(files);
  const own = files.map((f) => normalizeReport(lint(readFileSync(f, 'utf8'))).tables);
  for (const row of s.tables!.t3.rows) {
    if (row.key.startsWith('三.6')) continue; // hongze writes （六） as one row: checked below
    row.cells.forEach((c, i) => assert.equal(c.v, decSum(own.map((t) => t.t3.rows.find((r) => r.key === row.key)!.cells[i]!.v!)), `${row.key}/${i}`));
  }
  const six = s.tables!.t3.rows.find((r) => r.key === '三.6')!;
  assert.ok(six.collapsed);
  const huaianSix = ['三.6.1', '三.6.2', '三.6.3'].map((k) => own[0]!.t3.rows.find((r) => r.key === k)!.cells[6]!.v!);
  assert.equal(six.cells[6]!.v, decSum([...huaianSix, own[1]!.t3.rows.find((r) => r.key === '三.6')!.cells[6]!.v!]));
  assert.ok(s.tables!.checks.every((c) => c.ok === true));
  // the note names the report that wrote （六） as one row
  assert.ok(s.notes.some((n) => String(n).includes('（六）') && String(n).includes('hongze-district-2024.txt') && !String(n).includes('huaian')), JSON.stringify(s.notes));
});

test('a wrong total in one report shows as a failing check, with its equation, in the sum', () => {
  const dir = tmp();
  const bad = withCell(INPUTS[1]!, 't4', '', 4, 999);
  writeFileSync(join(dir, 'a.txt'), render(INPUTS[0]!, 'tsv'));
  writeFileSync(join(dir, 'b.txt'), render(bad, 'tsv'));
  const { s } = summaryJson([dir]);
  const fail = s.tables!.checks.filter((c) => c.ok === false);
  assert.equal(fail.length, 1);
  assert.equal(fail[0]!.table, 't4');
  assert.equal(fail[0]!.col, 4);
  const parts = [0, 1, 2, 3].map((i) => INPUTS[0]!.t4[i]! + bad.t4[i]!);
  // the diagnostics' notation: the stated total, then the parts and their sum
  assert.equal(fail[0]!.equation, `${INPUTS[0]!.t4[4]! + 999} ≠ ${parts.join('+')} = ${parts.reduce((a, b) => a + b)}`);
  const md = runCli(['summary', dir]).stdout;
  assert.match(md, /✗/);
});

test('duplicates (全称/简称), other years and unreadable tables are listed as not summed, never counted twice', () => {
  const dir = tmp();
  const base = data('洪泽区人民政府', 1, 1);
  writeFileSync(join(dir, 'a.txt'), render(base, 'tsv'));
  writeFileSync(join(dir, 'b-copy.txt'), render({ ...base, agency: '淮安市洪泽区人民政府' }, 'markdown'));
  writeFileSync(join(dir, 'c-2023.txt'), render({ ...data('淮安市清江浦区人民政府', 1, 1), year: 2023 }, 'tsv'));
  const noT4 = render(data('淮安市淮阴区人民政府', 1, 1), 'tsv').replace(/四、政府信息公开行政复议、行政诉讼情况[\s\S]*?五、/, '五、');
  writeFileSync(join(dir, 'd-no-t4.txt'), noT4);
  const { code, s } = summaryJson([dir]);
  assert.equal(code, 0);
  assert.deepEqual(s.included.map((f) => f.replace(/.*\//, '')), ['a.txt']);
  const why = Object.fromEntries(s.excluded.map((e) => [e.file.replace(/.*\//, ''), e.reason]));
  assert.deepEqual(why, { 'b-copy.txt': 'duplicate', 'c-2023.txt': 'other-year', 'd-no-t4.txt': 'unreadable-table' });
  assert.equal(s.year, 2024);
  assert.deepEqual(s.tables!.t3.rows.find((r) => r.key === '一')!.cells.map((c) => c.v), base.t3['一']!.map(String));
  assert.equal(s.roster.length, 4);
  // --year picks the other year
  const y = summaryJson(['--year', '2023', dir]).s;
  assert.deepEqual(y.included.map((f) => f.replace(/.*\//, '')), ['c-2023.txt']);
});

test('agency names match across 全称 and 简称, and only then', () => {
  assert.ok(sameAgency('淮安市洪泽区人民政府', '洪泽区人民政府'));
  assert.ok(sameAgency('江苏省淮安市洪泽区人民政府', '洪泽区 人民政府'));
  assert.ok(!sameAgency('淮安市人民政府', '洪泽区人民政府'));
  assert.ok(!sameAgency('淮安市公安局', '公安局'));
  assert.ok(!sameAgency('淮安市洪泽区人民政府', '淮安市清江浦区人民政府'));
});

test('hongze 2023 → 2024 passes the cross-year check; a doctored 2024 fails it, naming both files', () => {
  const files = ['hongze-district-2023.txt', 'hongze-district-2024.txt'].map((f) => join(EXTERNAL, f));
  const { s, stderr } = summaryJson(files);
  const f = s.crossYear;
  assert.ok(f.length >= 9, JSON.stringify(f));
  assert.ok(f.every((x) => x.ok && x.ruleId === 'cross-year'), JSON.stringify(f.filter((x) => !x.ok)));
  assert.ok(f.some((x) => x.equation === '5 + 3 − 0 = 8 = 8'));
  assert.ok(f.some((x) => x.equation === '0 = 0'));
  assert.equal(stderr, '');

  const dir = tmp();
  const text = readFileSync(files[1]!, 'utf8');
  const t = normalizeReport(lint(text)).tables;
  const inForce = t.t2.blocks[0]!.rows.find((r) => r.key === '20.1/normative')!.cells[2]!;
  const carried = t.t3.rows.find((r) => r.key === '二')!.cells[0]!;
  const edits = [
    { range: inForce.range!, text: '9' },
    { range: carried.range!, text: '2' },
  ].sort((a, b) => b.range.start - a.range.start);
  let doctored = text;
  for (const e of edits) doctored = doctored.slice(0, e.range.start) + e.text + doctored.slice(e.range.end);
  copyFileSync(files[0]!, join(dir, 'hz-2023.txt'));
  writeFileSync(join(dir, 'hz-2024.txt'), doctored);
  const bad = summaryJson([dir]);
  const fails = bad.s.crossYear.filter((x) => !x.ok);
  assert.deepEqual(fails.map((x) => x.equation).sort(), ['2 ≠ 0', '5 + 3 − 0 = 8 ≠ 9']);
  assert.ok(fails.every((x) => x.severity === 'warning' && x.file.endsWith('hz-2024.txt') && x.previousFile.endsWith('hz-2023.txt')));
  assert.match(bad.stderr, /cross-year/);
  assert.match(runCli(['summary', dir]).stdout, /✗/);
});

test('XLSX read back with exceljs has the numbers as numbers, merged headers, frozen rows', async () => {
  const dir = tmp();
  INPUTS.forEach((d, i) => writeFileSync(join(dir, `r${i}.txt`), render(d, 'tsv')));
  const out = join(dir, 'sum.xlsx');
  const r = runCli(['summary', '--format', 'xlsx', '-o', out, dir]);
  assert.equal(r.code, 0, r.stderr);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(out);
  assert.deepEqual(wb.worksheets.map((w) => w.name).filter((n) => ['名册', '表二', '表三', '表四', '未汇总'].includes(n)), ['名册', '表二', '表三', '表四', '未汇总']);
  const t3 = wb.getWorksheet('表三')!;
  const expected = expectedT3(INPUTS);
  // data starts under the three header rows; the total column is the last
  const firstRow = t3.getRow(4);
  assert.equal(firstRow.getCell(1).value, FORMAT_2021.table3.rows[0]!.label);
  assert.equal(firstRow.getCell(10).value, Number(expected['一']![6]));
  assert.equal(typeof firstRow.getCell(10).value, 'number');
  assert.equal(t3.getCell('E3').value, '商业企业');
  assert.ok(t3.getCell('B1').isMerged && t3.getCell('A1').isMerged);
  assert.equal(t3.views[0]!.state, 'frozen');
  assert.equal((t3.views[0] as { ySplit?: number }).ySplit, 3);
  const t4 = wb.getWorksheet('表四')!;
  assert.equal(t4.getCell('A1').value, '行政复议');
  assert.ok(t4.getCell('C1').isMerged);
  assert.equal(t4.getRow(4).getCell(5).value, HUAIAN_2024.t4[4]! * 6);
  const t2 = wb.getWorksheet('表二')!;
  let fee: unknown;
  t2.eachRow((row) => {
    if (row.getCell(1).value === '行政事业性收费') fee = row.getCell(2).value;
  });
  assert.equal(fee, 96171.9);
  assert.equal(runCli(['summary', '--format', 'xlsx', dir]).code, 2);
});

test('CSV is UTF-8 with a BOM and cells that start a formula are escaped', () => {
  const dir = tmp();
  writeFileSync(join(dir, '=HYPERLINK(1).txt'), render(INPUTS[0]!, 'tsv'));
  writeFileSync(join(dir, '@SUM(1).txt'), render(INPUTS[1]!, 'tsv'));
  writeFileSync(join(dir, '+1.txt'), render(INPUTS[2]!, 'tsv'));
  const r = runCli(['summary', '--format', 'csv', '=HYPERLINK(1).txt', '@SUM(1).txt', '+1.txt'], { cwd: dir });
  assert.equal(r.code, 0, r.stderr);
  assert.ok(r.stdout.startsWith('\ufeff'));
  assert.match(r.stdout, /^'=HYPERLINK\(1\)\.txt,/m);
  assert.match(r.stdout, /^'@SUM\(1\)\.txt,/m);
  assert.match(r.stdout, /^'\+1\.txt,/m);
  assert.doesNotMatch(r.stdout, /^[=@+]/m);
  assert.match(r.stdout, /表三/);
});

test('usage and I/O errors exit 2; one report gives its own summary with problems by rule', () => {
  assert.equal(runCli(['summary']).code, 2);
  assert.equal(runCli(['summary', '--format', 'pdf', EXTERNAL]).code, 2);
  assert.equal(runCli(['summary', join(tmp(), 'missing.txt')]).code, 2);
  const one = summaryJson([join(EXTERNAL, 'hongze-district-2023.txt')]).s;
  assert.equal(one.kind, 'report');
  assert.ok(one.problems!.some((p) => p.ruleId === 'table-row-total' && p.errors === 2));
  const fails = one.tables!.checks.filter((c) => c.ok === false);
  // as the diagnostics write them (表四「行政复议」：总计 0 ≠ 10+1+0+0 = 11)
  assert.deepEqual(fails.map((c) => c.equation).sort(), ['0 ≠ 10+1+0+0 = 11', '0 ≠ 5+0+0+0 = 5']);
  const said = lint(readFileSync(join(EXTERNAL, 'hongze-district-2023.txt'), 'utf8')).diagnostics.filter((d) => d.ruleId === 'table-row-total').map((d) => d.message.zh);
  for (const e of fails.map((c) => c.equation)) assert.ok(said.some((m) => m.endsWith(`总计 ${e}`)), `${e} among ${said}`);
  const en = runCli(['summary', '--locale', 'en', join(EXTERNAL, 'hongze-district-2023.txt')]).stdout;
  assert.match(en, /## Table 3/);
});
