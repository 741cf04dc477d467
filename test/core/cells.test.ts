// Table cells written the way people write them: a blank cell, a unit or a space inside a cell,
// a fee with a thousands separator. In every layout the cell is read (or reported) where it is,
// the table and its rows are never called missing, and no value is placed in the wrong cell.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FORMAT_2021, lint, parseReport, summarizeText, type Diagnostic, type Report } from '../../server/src/core';
import { HUAIAN_2024, LAYOUTS, render, withCell, type Layout, type ReportData } from '../helpers/layouts';
import { assertFixRoundTrip } from '../helpers/fix';

/** Layouts where a cell's place is written down: tab fields, table rules, HTML cells, one cell a line. */
const PLACED: Layout[] = ['tsv', 'crlf-bom-fullwidth', 'markdown', 'html', 'cell-per-line-pipe', 'cell-per-line-blank'];
/** Layouts where cells are only spaces apart: a missing one has no place. */
const UNPLACED: Layout[] = ['pdf', 'space-separated'];
assert.deepEqual([...PLACED, ...UNPLACED].sort(), [...LAYOUTS].sort());

const SENTINEL = 987654;
const fullWidth = (s: string) => s.replace(/[0-9]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 48 + 0xff10));

/** The report in `layout` with one cell written as `written` (digits full-width where the layout's are). */
function withWritten(d: ReportData, layout: Layout, table: 't3' | 't4', key: string, col: number, written: string): string {
  const text = render(withCell(d, table, key, col, SENTINEL), layout);
  const fw = layout === 'crlf-bom-fullwidth';
  const at = fw ? fullWidth(String(SENTINEL)) : String(SENTINEL);
  assert.equal(text.split(at).length, 2, 'the sentinel stands once');
  return text.replace(at, fw ? fullWidth(written) : written);
}

const of = (text: string, id: string): Diagnostic[] => lint(text).diagnostics.filter((d) => d.ruleId === id);
const ids = (text: string) => lint(text).diagnostics.map((d) => d.ruleId);
const row3 = (r: Report, key: string) => r.table3!.rows.find((x) => x.key === key)!.cells.map((c) => c?.value ?? null);
const SUMS = /^table-(row-total|column-total|balance)$/;

for (const layout of PLACED) {
  test(`${layout}: one blank cell in 表四 is reported at the cell, not as a missing table`, () => {
    const text = withWritten(HUAIAN_2024, layout, 't4', '', 12, '');
    assert.ok(!ids(text).includes('table-missing'), ids(text).join());
    assert.ok(!ids(text).includes('table-unreadable'), ids(text).join());
    const d = of(text, 'table-cell-invalid');
    assert.equal(d.length, 1, d.map((x) => x.message.zh).join());
    assert.match(d[0]!.message.zh, /表四“行政诉讼·复议后起诉·其他结果”为空/);
    const r = parseReport(text);
    assert.deepEqual(r.table4!.cells.map((c) => c?.value ?? null), HUAIAN_2024.t4.map((v, i) => (i === 12 ? null : v)));
    assert.equal(r.table4!.cells[12]!.kind, 'blank');
    const fixed = assertFixRoundTrip(text, 'table-cell-invalid');
    assert.equal(parseReport(fixed).table4!.cells[12]!.value, 0);
  });

  test(`${layout}: one blank cell in 表三 is table-cell-invalid at the cell; the rest of the row is read`, () => {
    const text = withWritten(HUAIAN_2024, layout, 't3', '三.1', 0, '');
    assert.ok(!ids(text).includes('table-unreadable'), ids(text).join());
    const d = of(text, 'table-cell-invalid');
    assert.equal(d.length, 1, d.map((x) => x.message.zh).join());
    assert.match(d[0]!.message.zh, /表三“（一）予以公开”自然人为空/);
    assert.equal(d[0]!.fix?.safe, true);
    assert.deepEqual(row3(parseReport(text), '三.1'), [null, 21, 0, 0, 50, 3, 1362]);
    assertFixRoundTrip(text, 'table-cell-invalid');
  });

  test(`${layout}: a blank last cell (（七）总计·总计) is placed, not shifted`, () => {
    const text = withWritten(HUAIAN_2024, layout, 't3', '三.7', 6, '');
    if (layout === 'markdown') {
      // this table pads short rows with empty cells at the end: a blank last cell looks like padding
      assert.match(of(text, 'table-unreadable')[0]?.message.zh ?? '', /（七）总计只有 6 个数值/);
      assert.deepEqual(row3(parseReport(text), '三.7'), new Array(7).fill(null));
      return;
    }
    const d = of(text, 'table-cell-invalid');
    assert.equal(d.length, 1, ids(text).join());
    assert.match(d[0]!.message.zh, /表三“（七）总计”总计为空/);
    assert.deepEqual(row3(parseReport(text), '三.7'), [2932, 53, 0, 0, 61, 4, null]);
    assert.deepEqual(ids(text).filter((x) => SUMS.test(x)), []);
  });

  test(`${layout}: a number written with a space (30 01) is unreadable at its cell; the other cells are not shifted`, () => {
    const text = withWritten(HUAIAN_2024, layout, 't3', '一', 0, '30 01');
    const d = of(text, 'table-unreadable');
    assert.equal(d.length, 1, ids(text).join());
    assert.match(d[0]!.message.zh, /一、本年新收政府信息公开申请数量·自然人“30 01”中间有空格/);
    assert.deepEqual(row3(parseReport(text), '一'), [null, 53, 0, 0, 61, 4, 3119]);
    assert.deepEqual(ids(text).filter((x) => SUMS.test(x) || x === 'table-cell-invalid'), []);
    // the summary does not count the report's tables as readable
    assert.ok(summarizeText(text).unreadable.length > 0);
  });
}

for (const layout of UNPLACED) {
  test(`${layout}: 14 numbers for 表四's 15 cells: the table is there, unreadable, never guessed at`, () => {
    const text = withWritten(HUAIAN_2024, layout, 't4', '', 12, '');
    assert.ok(!ids(text).includes('table-missing'), ids(text).join());
    const d = of(text, 'table-unreadable');
    assert.equal(d.length, 1, ids(text).join());
    assert.match(d[0]!.message.zh, /表四只有 14 个数值，应有 15 个/);
    assert.ok(parseReport(text).table4!.cells.every((c) => c === undefined));
    assert.deepEqual(ids(text).filter((x) => SUMS.test(x) || x === 'table-cell-invalid'), []);
  });

  test(`${layout}: a 表三 row with a number missing is unreadable by name, no sums on guessed cells`, () => {
    const text = withWritten(HUAIAN_2024, layout, 't3', '三.1', 0, '');
    const d = of(text, 'table-unreadable');
    assert.equal(d.length, 1, ids(text).join());
    assert.match(d[0]!.message.zh, /（一）予以公开只有 6 个数值，应有 7 个/);
    assert.deepEqual(ids(text).filter((x) => SUMS.test(x)), []);
  });

  test(`${layout}: a number written with a space (30 01) leaves the row unknown, not shifted`, () => {
    const text = withWritten(HUAIAN_2024, layout, 't3', '一', 0, '30 01');
    const d = of(text, 'table-unreadable');
    assert.equal(d.length, 1, ids(text).join());
    assert.match(d[0]!.message.zh, /一、本年新收政府信息公开申请数量有 8 个数值，多于 7 个单元格/);
    assert.deepEqual(row3(parseReport(text), '一'), [null, null, null, null, null, null, null]);
    assert.deepEqual(ids(text).filter((x) => SUMS.test(x)), []);
  });
}

for (const layout of LAYOUTS) {
  test(`${layout}: a unit in a cell (1288件) is read as the number and reported with a fix that removes it`, () => {
    const text = withWritten(HUAIAN_2024, layout, 't3', '三.1', 0, '1288件');
    const found = ids(text);
    assert.ok(!found.includes('table-row-missing') && !found.includes('table-unreadable'), found.join());
    assert.deepEqual(found.filter((x) => SUMS.test(x)), []);
    const d = of(text, 'table-cell-invalid');
    assert.equal(d.length, 1, found.join());
    assert.match(d[0]!.message.zh, /表三“（一）予以公开”自然人“1288件”不应写单位“件”/);
    assert.equal(text.slice(d[0]!.range.start, d[0]!.range.end), '件');
    assert.deepEqual(row3(parseReport(text), '三.1'), HUAIAN_2024.t3['三.1']);
    assert.equal(assertFixRoundTrip(text, 'table-cell-invalid'), render(HUAIAN_2024, layout));
  });

  test(`${layout}: a fee with a thousands separator and decimals (1,234.56) is read exactly`, () => {
    const d: ReportData = { ...HUAIAN_2024, t2: { ...HUAIAN_2024.t2, '20.8/fees': [1234.56] } };
    const plain = render(d, layout);
    const fw = layout === 'crlf-bom-fullwidth';
    const [from, to] = fw ? [fullWidth('1234.56'), fullWidth('1,234.56')] : ['1234.56', '1,234.56'];
    assert.equal(plain.split(from).length, 2);
    const text = plain.replace(from, to);
    const fees = parseReport(text).table2!.blocks.find((b) => b.key === '20.8')!.rows[0]!;
    assert.equal(fees.cells[0]?.value, 1234.56);
    assert.deepEqual(ids(text).filter((x) => x.startsWith('table-')), []);
    const s = summarizeText(text);
    assert.deepEqual(s.missingRows, []);
    assert.equal(s.tables.t2.blocks.find((b) => b.key === '20.8')!.rows[0]!.cells[0]!.v, '1234.56');
  });
}

/** The 2021 template with 表三 （六）其他处理 as one row, as the 2019 format has it (for rendering only). */
function collapsedSix(): { t: typeof FORMAT_2021; d: ReportData } {
  const rows = FORMAT_2021.table3.rows.filter((r) => !r.key.startsWith('三.6.'));
  const at = FORMAT_2021.table3.rows.findIndex((r) => r.key === '三.6.1');
  rows.splice(at, 0, { key: '三.6', label: '（六）其他处理', group: '三' } as (typeof rows)[number]);
  const t = { ...FORMAT_2021, table3: { ...FORMAT_2021.table3, rows } };
  const t3 = { ...HUAIAN_2024.t3 };
  t3['三.6'] = [0, 1, 2, 3, 4, 5, 6].map((c) => t3['三.6.1']![c]! + t3['三.6.2']![c]! + t3['三.6.3']![c]!);
  return { t, d: { ...HUAIAN_2024, t3 } };
}

for (const layout of LAYOUTS) {
  test(`${layout}: a 2021 report with （六）其他处理 as one row: one table-row-missing at that row naming its three items`, () => {
    const { t, d } = collapsedSix();
    const text = render(d, layout, t);
    const r = parseReport(text);
    assert.equal(r.format, '2021');
    const missing = of(text, 'table-row-missing');
    assert.equal(missing.length, 1, missing.map((x) => x.message.zh).join('\n'));
    assert.match(missing[0]!.message.zh, /表三“（六）其他处理”写成了一行，缺少分项：“1\.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请”、“2\.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请”、“3\.其他”/);
    const row = r.table3!.rows.find((x) => x.key === '三.6')!;
    assert.deepEqual(missing[0]!.range, row.label.range);
    // the sums still hold with the one row standing for its items
    assert.deepEqual(ids(text).filter((x) => SUMS.test(x)), []);
    const s = summarizeText(text);
    assert.deepEqual(s.problems.find((p) => p.ruleId === 'table-row-missing')?.items.map((i) => i.message.zh), [missing[0]!.message.zh]);
  });
}

test('（六）其他处理 with a subtotal and its three items written too: no row is called missing', () => {
  const six = [0, 1, 2, 3, 4, 5, 6].map((c) => ['三.6.1', '三.6.2', '三.6.3'].reduce((a, k) => a + HUAIAN_2024.t3[k]![c]!, 0));
  const text = render(HUAIAN_2024, 'tsv').replace('（六）其他处理\t', `（六）其他处理\t\t${six.join('\t')}\n\t\t`);
  assert.notEqual(text, render(HUAIAN_2024, 'tsv'));
  assert.deepEqual(of(text, 'table-row-missing').map((d) => d.message.zh), []);
});
