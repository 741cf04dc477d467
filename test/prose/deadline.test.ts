// deadline: the date line against 《条例》第四十九条 (1月31日 for departments, 3月31日 for a
// government's own report), and before the report year ended.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lint, resolveConfig, type ResolvedConfig } from '../../server/src/core';
import { HUAIAN_2024, LAYOUTS, render } from '../helpers/layouts';
import { EXTERNAL, SEEDS, checkJson } from '../helpers/cli';

const ID = 'deadline';
const found = (text: string, config: ResolvedConfig = resolveConfig()) => lint(text, config).diagnostics.filter((d) => d.ruleId === ID);
const at = (text: string, r: { start: number; end: number }) => text.slice(r.start, r.end);
const seed0 = readFileSync(`${SEEDS}/000_b5a011f3d089b4ff.txt`, 'utf8'); // 铜官区经信局 2023, dated 2024年1月18日
const hongze = readFileSync(`${EXTERNAL}/hongze-district-2024.txt`, 'utf8') + '\n'; // 淮安市洪泽区人民政府, no date line
const dated = (date: string, signer = '淮安市洪泽区人民政府办公室') => `${hongze}${signer}\n${date}\n- 6 -\n`;

test('quiet on the real reports and on the rendered layouts (seed 000 is dated 2024年1月18日, in time)', () => {
  for (const dir of [SEEDS, EXTERNAL]) for (const f of readdirSync(dir).filter((x) => x.endsWith('.txt'))) assert.deepEqual(found(readFileSync(`${dir}/${f}`, 'utf8')), [], f);
  for (const layout of LAYOUTS) assert.deepEqual(found(render(HUAIAN_2024, layout)), [], layout);
  assert.equal(lint(seed0).report.dateLine?.day, 18);
});

test('without a title: 发布机构 tells the type; a signature tells only a government', () => {
  // seed 001 has no title; its 发布机构 is 青云谱区商务局 (a department)
  const s1 = readFileSync(`${SEEDS}/001_fef44fb29382a984.txt`, 'utf8').replace(/\n*$/, '\n统计期限自2023年1月1日至2023年12月31日。\n青云谱区商务局\n2024年2月5日\n');
  assert.match(found(s1)[0]!.message.zh, /晚于法定公布期限2024年1月31日（部门年报.*按机关名称“青云谱区商务局”判断/);
  const untitled = (signer: string, date: string) => dated(date, signer).replace('淮安市洪泽区人民政府\n2024 年政府信息公开工作年度报告\n', '');
  assert.equal(lint(untitled('x', '2025年1月1日')).report.title, undefined);
  assert.equal(found(untitled('淮安市洪泽区人民政府办公室', '2025年2月10日')).length, 0, 'an office may sign its government’s report');
  assert.equal(found(untitled('淮安市洪泽区人民政府办公室', '2025年4月10日')).length, 1);
  const d = found(untitled('淮安市洪泽区人民政府', '2025年4月10日'));
  assert.match(d[0]!.message.zh, /（人民政府本级年报，《条例》第四十九条）（按机关名称“淮安市洪泽区人民政府”判断/);
});

test('a department’s report dated after 1月31日: the deadline, the agency it was told from, the report year', () => {
  const text = seed0.replace('2024年1月18日', '2024年2月18日');
  const d = found(text);
  assert.equal(d.length, 1);
  assert.equal(at(text, d[0]!.range), '2024年2月18日');
  assert.equal(d[0]!.message.zh, '落款日期2024年2月18日晚于法定公布期限2024年1月31日（部门年报，《条例》第四十九条）（按机关名称“铜官区经信局”判断；可用配置 agencyType 指定）');
  assert.match(d[0]!.message.en, /2024年2月18日 is after the legal deadline 2024年1月31日 \(a department’s report/);
  assert.deepEqual(d[0]!.related!.map((r) => at(text, r.range)), ['2023', '铜官区经信局']);
  assert.deepEqual(found(seed0.replace('2024年1月18日', '2024年1月31日')), [], 'the last day is in time');
  assert.deepEqual(found(seed0.replace('2024年1月18日', '2024 年 2 月 1 日')).length, 1);
});

test('a government’s own report has until 3月31日, in every way the date is written', () => {
  for (const ok of ['2025年1月20日', '2025年3月31日', '二〇二五年三月三十一日', '2025.3.15', '2025-02-28']) assert.deepEqual(found(dated(ok)), [], ok);
  for (const late of ['2025年4月1日', '二〇二五年四月十日', '二○二五年五月一日', '2025/04/01', '2026年1月20日']) {
    const text = dated(late);
    const d = found(text);
    assert.equal(d.length, 1, late);
    assert.equal(at(text, d[0]!.range), late);
    assert.match(d[0]!.message.zh, /晚于法定公布期限2025年3月31日（人民政府本级年报，《条例》第四十九条）（按机关名称“淮安市洪泽区人民政府”判断/);
  }
});

test('the agency on the same line as the date, and no page marker after it', () => {
  const text = `${hongze}                     淮安市洪泽区人民政府      2025年4月2日\n`;
  assert.deepEqual(found(text).map((d) => at(text, d.range)), ['2025年4月2日']);
});

test('agencyType from the configuration wins over the name', () => {
  const text = dated('2025年2月10日');
  assert.deepEqual(found(text), []);
  const d = found(text, resolveConfig({ agencyType: 'department' }));
  assert.equal(d.length, 1);
  assert.match(d[0]!.message.zh, /晚于法定公布期限2025年1月31日（部门年报，《条例》第四十九条）（机关类型由配置 agencyType 指定）/);
  const late0 = seed0.replace('2024年1月18日', '2024年2月18日');
  assert.deepEqual(found(late0, resolveConfig({ agencyType: 'government' })), []);
});

test('the agency type told from the name: 乡镇 and 办公室 are departments; an unknown name gets the later deadline', () => {
  const retitled = (agency: string, date: string) => dated(date, agency).replace('淮安市洪泽区人民政府\n2024 年政府信息公开工作年度报告', `${agency}\n2024 年政府信息公开工作年度报告`);
  assert.equal(found(retitled('洪泽区高良涧街道办事处', '2025年2月10日')).length, 1);
  assert.equal(found(retitled('洪泽区岔河镇人民政府', '2025年2月10日')).length, 1);
  assert.equal(found(retitled('淮安市人民政府办公室', '2025年2月10日')).length, 1);
  assert.equal(found(retitled('洪泽区', '2025年2月10日')).length, 0, 'a bare region: the government’s own report');
  assert.equal(found(retitled('洪泽区政务服务', '2025年2月10日')).length, 0, 'not a name that tells: 3月31日');
  const d = found(retitled('洪泽区政务服务', '2025年4月10日'));
  assert.match(d[0]!.message.zh, /2025年3月31日（按较宽的人民政府期限，《条例》第四十九条）（未能从标题判断机关类型；可用配置 agencyType 指定）/);
  assert.equal(found(retitled('江苏省人民政府', '2025年3月2日')).length, 0);
});

test('reports on 2018 and before: 3月31日 for every agency (the 2007 条例, art. 31)', () => {
  const old = (date: string) => seed0.replace(/2023/g, '2017').replace('2024年1月18日', date);
  assert.equal(lint(old('2018年3月1日')).report.year?.value, 2017);
  assert.deepEqual(found(old('2018年3月1日')), [], 'a department in March 2018: in time then');
  const d = found(old('2018年4月2日'));
  assert.equal(d.length, 1);
  assert.match(d[0]!.message.zh, /晚于公布期限2018年3月31日（2017年度报告适用2019年修订前的《条例》第三十一条/);
  // a report on 2019 (published in 2020) is under the revised 条例
  assert.equal(found(seed0.replace(/2023/g, '2019').replace('2024年1月18日', '2020年3月1日')).length, 1);
});

test('dated before the report year ended: a wrong year, most likely', () => {
  const text = seed0.replace('2024年1月18日', '2023年1月18日');
  const d = found(text);
  assert.equal(d.length, 1);
  assert.equal(d[0]!.message.zh, '落款日期2023年1月18日早于报告年度2023年结束：2023年度的报告应在2024年初公布，请核对年份');
  assert.match(d[0]!.message.en, /before the end of the report year 2023/);
  assert.deepEqual(d[0]!.related!.map((r) => at(text, r.range)), ['2023']);
  assert.deepEqual(found(seed0.replace('2024年1月18日', '2023年12月31日')), [], 'the last day of the year is not flagged');
});

test('no judgement when the year itself is in doubt, or without a date line', () => {
  // title 2023 vs period 2024: year-mismatch reports it; the date is not judged against either
  const text = seed0.replace('2024年1月18日', '2024年2月18日').replace('铜官区经信局 2023 年', '铜官区经信局 2022 年');
  assert.deepEqual(found(text), []);
  assert.ok(lint(text).diagnostics.some((x) => x.ruleId === 'year-mismatch'));
  // a date inside the last sentence is not a date line
  assert.deepEqual(found(`${hongze}本报告于\n2025年4月20日\n前在区政府网站公布。\n`), []);
  assert.deepEqual(found(`${hongze}全区共受理申请95件，统计截至\n2026年1月1日\n止。\n`), []);
});

test('CLI: a warning at the date line; .nianbaorc.json agencyType applies; English', () => {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-deadline-'));
  try {
    const file = join(dir, 'hongze.txt');
    const text = dated('2025年2月10日');
    writeFileSync(file, text);
    const line = text.split('\n').indexOf('2025年2月10日') + 1;
    assert.deepEqual(checkJson([file]).results[0]!.messages.filter((m) => m.ruleId === ID), []);
    writeFileSync(join(dir, '.nianbaorc.json'), JSON.stringify({ agencyType: 'department' }));
    const m = checkJson([file]).results[0]!.messages.filter((x) => x.ruleId === ID);
    assert.deepEqual(m.map((x) => [x.severity, x.line, x.column]), [[1, line, 1]]);
    assert.match(m[0]!.message, /晚于法定公布期限2025年1月31日/);
    const en = checkJson([file], ['--locale', 'en']).results[0]!.messages.filter((x) => x.ruleId === ID);
    assert.match(en[0]!.message, /after the legal deadline 2025年1月31日 \(a department’s report, Regulations art\. 49\) \(agency type from the agencyType setting\)/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
