// `nianbao explain` (the real CLI process): how a flattened report's tables were read — each
// cell at its line:column in the source, cuts of digits run together marked, ambiguous rows
// listed with their readings, every relation shown held or broken.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXTERNAL, runCli } from '../helpers/cli';
import { tempDir } from '../helpers/tmp';
import { flatten } from '../helpers/flatten';

test('explain: a flattened report with a real sum error shows the grid, the cut cells and the broken relation', () => {
  const dir = tempDir('explain');
  const file = join(dir, 'hongze-2023.flat.txt');
  const text = flatten(readFileSync(join(EXTERNAL, 'hongze-district-2023.txt'), 'utf8'), 'no-separators');
  writeFileSync(file, text);
  const r = runCli(['explain', file]);
  assert.equal(r.code, 0, r.stderr);
  // 表四 行政复议 10+1+0+0 ≠ 总计 0: the relation is shown broken, with its numbers
  assert.match(r.stdout, /✗ t4\.group:review {2}0 = 10\+1\+0\+0 {2}\(0 ≠ 11\)/);
  assert.match(r.stdout, /✓ t3\.balance:0/);
  // each cell at its place: 一、本年新收 总计 21 at the column printed
  const m = /一、本年新收政府信息公开申请数量: 21@1:(\d+)/.exec(r.stdout);
  assert.ok(m, r.stdout.slice(0, 2000));
  assert.equal(text.slice(Number(m[1]) - 1, Number(m[1]) + 1), '21');
  const json = runCli(['explain', '--format', 'json', '--locale', 'en', file]);
  const x = JSON.parse(json.stdout)[0];
  const t3 = x.tables.find((t: { name: { en: string } }) => t.name.en === 'Table 3');
  assert.equal(t3.rows[0].cells[6].value, 21);
  assert.equal(runCli(['explain', join(dir, 'missing.txt')]).code, 2);
  assert.equal(runCli(['explain']).code, 2);
});

test('explain: an ambiguous row is listed with its readings and no value', () => {
  const dir = tempDir('explain');
  const file = join(dir, 'x.txt');
  writeFileSync(file, '某局2024年政府信息公开工作年度报告一、总体情况略。二、主动公开政府信息情况第二十条第（一）项信息内容本年制发件数本年废止件数现行有效件数规章000行政规范性文件82666三、收到和处理政府信息公开申请情况略');
  const r = runCli(['explain', file]);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /行政规范性文件 @1:\d+：6 种读法都符合勾稽关系，均不采用：8 2 666；8 26 66/);
  assert.match(r.stdout, /行政规范性文件: — {2}— {2}—/);
});
