// A reviewer compiling a district's reports with `nianbao summary` (the real CLI process):
// agencies under 简称 and 全称, Word and web-page reports, reports whose own tables do not add up,
// duplicates with different numbers, nothing summed, and reasons in words.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { runCli } from '../helpers/cli';
import { HUAIAN_2024, render, withCell, type ReportData } from '../helpers/layouts';
import { blocksFromTsv, makeDocx } from '../helpers/docx';
import { tempDir } from '../helpers/tmp';
import { AGENCY_NAMES } from '../../server/src/core/words';
import { canonicalAgency, sameAgency, type Summary } from '../../server/src/core';

const tmp = () => tempDir('district');

function data(agency: string, scale: number): ReportData {
  const d: ReportData = JSON.parse(JSON.stringify(HUAIAN_2024));
  d.agency = agency;
  for (const k of Object.keys(d.t3)) d.t3[k] = d.t3[k]!.map((v) => v * scale);
  d.t4 = d.t4.map((v) => v * scale);
  return d;
}

function summaryJson(args: string[]): { code: number | null; s: Summary; stderr: string } {
  const r = runCli(['summary', '--format', 'json', ...args]);
  assert.ok(r.stdout, r.stderr);
  return { code: r.code, s: JSON.parse(r.stdout) as Summary, stderr: r.stderr };
}

const base = (f: string) => f.replace(/.*\//, '');
const received = (s: Summary) => s.tables!.t3.rows.find((r) => r.key === '一')!.cells[6]!.v;

test('an agency under its 简称 and its 全称 is one agency: the second report is a duplicate, named with both names, and not summed', () => {
  const pairs: [string, string][] = [
    ['清河区科学技术局', '清河区科技局'],
    ['清河区发展和改革委员会', '清河区发改委'],
    ['清河区发展和改革委员会', '清河区发展改革委员会'],
    ['清河区经济和信息化局', '清河区经信局'],
    ['清河区住房和城乡建设局', '淮安市清河区住建局'],
  ];
  for (const [full, short] of pairs) {
    const dir = tmp();
    writeFileSync(join(dir, 'a-full.txt'), render(data(full, 1), 'tsv'));
    writeFileSync(join(dir, 'b-short.txt'), render(data(short, 1), 'markdown'));
    writeFileSync(join(dir, 'c-other.txt'), render(data('清河区财政局', 2), 'tsv'));
    const { code, s } = summaryJson([dir]);
    assert.equal(code, 0);
    assert.deepEqual(s.included.map(base), ['a-full.txt', 'c-other.txt'], `${full} / ${short}`);
    const dup = s.excluded.find((e) => base(e.file) === 'b-short.txt')!;
    assert.equal(dup.reason, 'duplicate');
    assert.match(String(dup.detail), new RegExp(`${full} / ${short}`));
    assert.equal(received(s), String(HUAIAN_2024.t3['一']![6]! * 3));
  }
});

test('every entry of the agency names list: its names match each other after a place, other entries and other places do not', () => {
  for (const e of AGENCY_NAMES) {
    for (const n of [e.canonical, ...e.names]) {
      assert.ok(sameAgency(`清河区${n}`, `淮安市清河区${e.canonical}`), n);
      assert.equal(canonicalAgency(`清河区${n}`), `清河区${e.canonical}`, n);
      assert.ok(!sameAgency(`清河区${n}`, `河西区${e.canonical}`), n);
    }
    for (const o of AGENCY_NAMES) if (o !== e) assert.ok(!sameAgency(`清河区${e.canonical}`, `清河区${o.canonical}`), `${e.canonical} / ${o.canonical}`);
  }
  // a government and its general office are two agencies
  assert.ok(!sameAgency('清河区政府', '清河区政府办公室'));
  assert.ok(!sameAgency('清河区人民政府', '清河区政府办'));
  assert.ok(sameAgency('清河区政府办', '淮安市清河区人民政府办公室'));
  // a bare short name names no agency in particular
  assert.ok(!sameAgency('科技局', '清河区科学技术局'));
});

test('Word (.docx) and web-page (.html) reports are read as check reads them and summed; a page and its text copy are one report', async () => {
  const dir = tmp();
  const word = data('清河区商务局', 1);
  const page = data('清河区发展和改革委员会', 2);
  const text = data('清河区财政局', 3);
  writeFileSync(join(dir, 'a-shangwu.docx'), await makeDocx(blocksFromTsv(render(word, 'tsv'))));
  const title = `${page.agency}${page.year}年政府信息公开工作年度报告`;
  const html = render(page, 'html').replace('<html><body>', `<!DOCTYPE html>\n<html>\n<head>\n<meta charset="utf-8">\n<title>${title}</title>\n</head>\n<body>`);
  writeFileSync(join(dir, 'b-fagaiwei.html'), html);
  writeFileSync(join(dir, 'c-fagaiwei-copy.txt'), render(page, 'tsv'));
  writeFileSync(join(dir, 'd-caizheng.txt'), render(text, 'tsv'));
  const { code, s } = summaryJson([dir]);
  assert.equal(code, 0);
  assert.deepEqual(Object.fromEntries(s.roster.map((r) => [base(r.file), r.agency])), {
    'a-shangwu.docx': '清河区商务局',
    'b-fagaiwei.html': '清河区发展和改革委员会',
    'c-fagaiwei-copy.txt': '清河区发展和改革委员会',
    'd-caizheng.txt': '清河区财政局',
  });
  assert.deepEqual(s.included.map(base), ['a-shangwu.docx', 'b-fagaiwei.html', 'd-caizheng.txt']);
  assert.deepEqual(s.excluded.map((e) => [base(e.file), e.reason]), [['c-fagaiwei-copy.txt', 'duplicate']]);
  assert.match(String(s.excluded[0]!.detail), /数字相同/);
  assert.equal(received(s), String(HUAIAN_2024.t3['一']![6]! * 6));
  assert.deepEqual(s.tables!.t4.cells.map((c) => c.v), HUAIAN_2024.t4.map((v) => String(v * 6)));
  // the Word file alone: its own summary, its tables read
  const one = summaryJson([join(dir, 'a-shangwu.docx')]);
  assert.equal(one.code, 0);
  assert.equal(one.s.kind, 'report');
  assert.equal(received(one.s), String(HUAIAN_2024.t3['一']![6]!));
});

test('a report whose own tables do not add up is named: in the roster, in the notes and on the last line', () => {
  const dir = tmp();
  writeFileSync(join(dir, 'a.txt'), render(data('清河区商务局', 1), 'tsv'));
  writeFileSync(join(dir, 'b.txt'), render(withCell(data('清河区财政局', 2), 't4', '', 4, 999), 'tsv'));
  const { s } = summaryJson([dir]);
  const own = Object.fromEntries(s.roster.map((r) => [base(r.file), r.ownChecks]));
  assert.deepEqual(own, { 'a.txt': { failed: 0, unchecked: 0 }, 'b.txt': { failed: 1, unchecked: 0 } });
  assert.equal(s.tables!.checks.filter((c) => c.ok === false).length, 1);
  assert.ok(s.notes.some((n) => /b\.txt：本报告自身的勾稽关系不符 1 处（.*999 ≠ [0-9+]+ = \d+）/.test(String(n))), JSON.stringify(s.notes));
  const md = runCli(['summary', dir]).stdout;
  assert.match(md, /\| 本报告勾稽关系 \|/);
  assert.match(md, /\| 不符 1 处 \|/);
  assert.match(md.trimEnd().split('\n').pop()!, /^勾稽关系不符 1 处；不符来自自身不符的报告：.*b\.txt（见说明）。$/);
  const en = runCli(['summary', '--locale', 'en', dir]).stdout;
  assert.match(en.trimEnd().split('\n').pop()!, /^1 check\(s\) fail; from the reports whose own checks fail: .*b\.txt/);
});

test('of two reports of one agency and year with different numbers, the first is summed and the detail says they differ, where, and which was used', () => {
  const dir = tmp();
  const first = data('清河区商务局', 1);
  const corrected = withCell(first, 't3', '一', 0, first.t3['一']![0]! + 5);
  corrected.t3['一']![6] = corrected.t3['一']![6]! + 5;
  writeFileSync(join(dir, '商务局.txt'), render(first, 'tsv'));
  writeFileSync(join(dir, '商务局（更正版）.txt'), render(corrected, 'tsv'));
  const { s } = summaryJson([dir]);
  assert.deepEqual(s.included.map(base), ['商务局.txt']);
  const d = String(s.excluded[0]!.detail);
  assert.match(d, /数字有 2 处不同/);
  assert.match(d, new RegExp(`表三“一、本年新收政府信息公开申请数量”自然人 ${first.t3['一']![0]} / ${first.t3['一']![0]! + 5}`));
  assert.match(d, /汇总用的是 .*商务局\.txt/);
  assert.ok(s.notes.some((n) => /数字不同：汇总用的是 .*商务局\.txt/.test(String(n))), JSON.stringify(s.notes));
});

test('nothing summed is said, never "all hold": exit 1 when files were read but none summed, 2 when nothing could be read', () => {
  const dir = tmp();
  writeFileSync(join(dir, 'a.txt'), render(data('清河区商务局', 1), 'tsv'));
  writeFileSync(join(dir, 'b.txt'), render(data('清河区财政局', 1), 'tsv'));
  const other = runCli(['summary', '--year', '2019', dir]);
  assert.equal(other.code, 1);
  assert.doesNotMatch(other.stdout, /全部相符|全部报告均已汇总/);
  assert.match(other.stdout, /没有汇总任何报告，未核对勾稽关系。\n$/);
  assert.match(other.stderr, /没有可以汇总的报告/);

  const empty = tmp();
  writeFileSync(join(empty, 'empty.txt'), '');
  const e = runCli(['summary', join(empty, 'empty.txt')]);
  assert.equal(e.code, 1);
  assert.match(e.stdout, /\| .*empty\.txt \| 空文件 \| 空文件 \|/);
  assert.equal(summaryJson([join(empty, 'empty.txt')]).s.excluded[0]!.reason, 'empty');

  const none = runCli(['summary', tmp()]);
  assert.equal(none.code, 2);
  assert.doesNotMatch(none.stdout, /全部相符|全部报告均已汇总/);
});

test('checks that could not be made are counted, not passed over: one report with rows missing', () => {
  const dir = tmp();
  const text = render(data('清河区商务局', 1), 'tsv').replace(/^四、结转下年度继续办理.*\n/m, '');
  writeFileSync(join(dir, 'a.txt'), text);
  const md = runCli(['summary', join(dir, 'a.txt')]).stdout;
  const last = md.trimEnd().split('\n').pop()!;
  assert.match(last, /^已核对的勾稽关系全部相符；\d+ 项未核对（缺少数字）。$/);
  assert.match(md, /本报告照原样列出，但不能与其他报告一起汇总/);
  assert.match(md, /缺少表三“四、结转下年度继续办理”/);
});

test('reasons in words: 原因 localized in md, csv and xlsx (codes in json), rows by their labels, a word in a cell by its row', async () => {
  const dir = tmp();
  writeFileSync(join(dir, 'a.txt'), render(data('清河区商务局', 1), 'tsv'));
  writeFileSync(join(dir, 'b-2023.txt'), render({ ...data('清河区财政局', 1), year: 2023 }, 'tsv'));
  const d = data('清河区民政局', 1);
  const word = render(d, 'tsv').replace(/(1\.属于国家秘密(?:\t\d+){2})\t\d+/, '$1\t若干');
  assert.match(word, /若干/);
  writeFileSync(join(dir, 'c-word.txt'), word);
  writeFileSync(join(dir, 'd-notes.txt'), '会议记录\n今天讨论了工作安排。\n');
  const md = runCli(['summary', dir]).stdout;
  assert.match(md, /\| .*b-2023\.txt \| 其他年度 \|/);
  assert.match(md, /\| .*c-word\.txt \| 表格无法识别或不全 \| .*表三“（三）不予公开 1\.属于国家秘密”一行的“若干”不是数字/);
  assert.match(md, /\| .*d-notes\.txt \| 不是年报 \|/);
  assert.doesNotMatch(md, /other-year|unreadable-table|not-report|连在一起或无法对应/);
  const csv = runCli(['summary', '--format', 'csv', dir]).stdout;
  assert.match(csv, /b-2023\.txt,其他年度,/);
  assert.doesNotMatch(csv, /other-year|not-report/);
  const xlsx = join(tmp(), 'sum.xlsx');
  assert.equal(runCli(['summary', '--format', 'xlsx', '-o', xlsx, dir]).code, 0);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(xlsx);
  const reasons: unknown[] = [];
  wb.getWorksheet('未汇总')!.eachRow((row, i) => i > 1 && reasons.push(row.getCell(2).value));
  assert.deepEqual(reasons.sort(), ['不是年报', '其他年度', '表格无法识别或不全'].sort());
  const en = runCli(['summary', '--locale', 'en', dir]).stdout;
  assert.match(en, /\| .*b-2023\.txt \| another year \|/);
  const json = summaryJson([dir]).s;
  assert.deepEqual(json.excluded.map((e) => [base(e.file), e.reason]).sort(), [['b-2023.txt', 'other-year'], ['c-word.txt', 'unreadable-table'], ['d-notes.txt', 'not-report']]);
});
