// agency-mismatch: self-references (我区, 我委) and the signature that do not fit the reporting
// agency, as left by copying another agency's report.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { lint } from '../../server/src/core';
import { placesOf } from '../../server/src/core/rules/prose/agency-mismatch';
import { HUAIAN_2024, LAYOUTS, render, type ReportData } from '../helpers/layouts';
import { EXTERNAL, SEEDS } from '../helpers/cli';
import { assertFixRoundTrip } from '../helpers/fix';
import { at, ZEROS } from '../helpers/prose';

const ID = 'agency-mismatch';
const found = (text: string) => lint(text).diagnostics.filter((d) => d.ruleId === ID);
const shown = (text: string) => found(text).map((d) => `${at(text, d.range)} → ${d.fix?.edits[0]?.newText ?? '-'}`);
/** Section 一 with `sentence` in （二）, and no self-reference of its own. */
const withOverview = (data: ReportData, sentence: string): ReportData => ({
  ...data,
  prose: { ...data.prose, overview: `2024年，本单位认真落实条例要求。（一）主动公开情况。依法主动公开政府信息。（二）依申请公开情况。${sentence}（三）政府信息管理情况。加强信息管理。（四）政府信息公开平台建设情况。完善平台。（五）监督保障情况。加强监督保障。` },
});
const BUREAU: ReportData = { ...ZEROS, agency: '淮安市清河区商务局' };

test('the places an agency name starts with', () => {
  const names = (a: string) => placesOf(a).map((p) => `${p.name}/${p.level}`);
  assert.deepEqual(names('淮安市洪泽区人民政府'), ['淮安市/市', '洪泽区/区']);
  assert.deepEqual(names('洪泽区人民政府'), ['洪泽区/区']);
  assert.deepEqual(names('淮安市住房和城乡建设局'), ['淮安市/市']);
  assert.deepEqual(names('清河区城市管理局'), ['清河区/区']);
  assert.deepEqual(names('清河区城乡建设局'), ['清河区/区']);
  assert.deepEqual(names('清河区长征社区居民委员会'), ['清河区/区']);
  assert.deepEqual(names('广西壮族自治区人民政府'), ['广西壮族自治区/区']);
  assert.deepEqual(names('沛县大屯镇人民政府'), ['沛县/县', '大屯镇/镇']);
  assert.deepEqual(names('淮安经济技术开发区管理委员会'), ['淮安经济技术开发区/区']);
  assert.deepEqual(names('杭州市西湖区人民政府'), ['杭州市/市', '西湖区/区']);
  assert.deepEqual(names('萍乡市人民政府'), ['萍乡市/市']);
  assert.deepEqual(names('贵州省人民政府办公厅'), ['贵州省/省']);
  assert.deepEqual(names('北京市通州区商务局'), ['北京市/市', '通州区/区']);
  assert.deepEqual(names('新乡县人民政府'), ['新乡县/县']);
  assert.deepEqual(names('凉山彝族自治州人民政府'), ['凉山彝族自治州/州']);
  assert.deepEqual(names('国家税务总局'), []);
  assert.deepEqual(names('市场监督管理局'), []);
});

test('quiet on every layout of correct reports, and on the real reports', () => {
  for (const layout of LAYOUTS) {
    assert.deepEqual(shown(render(HUAIAN_2024, layout)), [], layout);
    assert.deepEqual(shown(render(withOverview(BUREAU, '我区各部门依法办理，我局认真答复，全市统一部署。'), layout)), [], layout);
  }
  for (const dir of [SEEDS, EXTERNAL]) {
    for (const f of readdirSync(dir).filter((x) => x.endsWith('.txt'))) assert.deepEqual(shown(readFileSync(join(dir, f), 'utf8')), [], f);
  }
  for (const f of readdirSync('samples')) assert.deepEqual(shown(readFileSync(join('samples', f), 'utf8')), [], f);
});

test('a city government’s report that speaks as a district, in every layout', () => {
  const data = withOverview(HUAIAN_2024, '2024 年，我区共受理政府信息公开申请 3119 件。');
  for (const layout of LAYOUTS) {
    const text = render(data, layout);
    assert.deepEqual(shown(text), ['我区 → 市'], layout);
    const d = found(text)[0]!;
    assert.match(d.message.zh, /“我区”与报告机关“淮安市人民政府”不符（应为“我市”）/);
    assert.match(d.message.en, /expected “我市”/);
    assert.equal(d.severity, 'warning');
    assert.equal(d.fix?.safe, false, 'which agency is right is the user’s choice: not applied by --fix');
    assert.equal(at(text, d.related![0]!.range), '淮安市人民政府');
  }
  const fixed = assertFixRoundTrip(render(data, 'tsv'), ID);
  assert.match(fixed, /我市共受理/);
});

test('a bureau’s report that speaks as a commission, or a city bureau’s that speaks as a district', () => {
  const text = render(withOverview(BUREAU, '我委认真落实条例，我县各部门依法办理。'), 'markdown');
  assert.deepEqual(shown(text), ['我委 → 局', '我县 → 区']);
  assertFixRoundTrip(text, ID);
  assert.deepEqual(shown(render(withOverview({ ...ZEROS, agency: '淮安市商务局' }, '我区各部门依法办理。'), 'pdf')), ['我区 → 市']);
});

test('a higher level can be the agency’s own: a district’s 我市, a town’s 我县, a 州 city’s 我市', () => {
  const quiet: [string, string][] = [
    ['淮安市清河区商务局', '按照我市统一部署，我区各部门依法办理。'],
    ['沛县大屯镇人民政府', '按照我县统一部署，我镇依法办理。'],
    ['杭州市人民政府', '我市依法办理。'],
    ['杭州市西湖区人民政府', '我区依法办理，我市统一部署。'],
    ['萍乡市人民政府', '我市依法办理。'],
    ['贵州省人民政府', '我省依法办理。'],
    ['北京市通州区人民政府', '我区依法办理。'],
    ['新乡县人民政府', '我县依法办理。'],
    ['恩施州人民政府', '我州依法办理，我市各部门配合。'],
    ['淮安市公安局洪泽分局', '我区依法办理，我局认真答复。'],
  ];
  for (const [agency, sentence] of quiet) assert.deepEqual(shown(render(withOverview({ ...ZEROS, agency }, sentence), 'tsv')), [], agency);
});

test('words that only look like self-references are not reported', () => {
  const sentence = '申请人可以我委托的代理人提出申请，由我办理答复，我区域内各部门、我市场主体均可查询。本区、全区、全省情况良好。';
  assert.deepEqual(shown(render(withOverview(HUAIAN_2024, sentence), 'tsv')), []);
});

test('an agency without a place has no level to compare, one of another kind no kind', () => {
  assert.deepEqual(shown(render(withOverview({ ...HUAIAN_2024, agency: '国家税务总局' }, '我区我委认真落实条例。'), 'tsv')), ['我委 → 局']);
  assert.deepEqual(shown(render(withOverview({ ...HUAIAN_2024, agency: '政务服务中心' }, '我区我委认真落实条例。'), 'tsv')), []);
});

test('a signature naming another place than the title', () => {
  const base = render(HUAIAN_2024, 'tsv');
  const other = `${base}\n宿迁市人民政府办公室\n2025年1月20日\n`;
  const d = found(other);
  assert.deepEqual(d.map((x) => at(other, x.range)), ['宿迁市人民政府办公室']);
  assert.match(d[0]!.message.zh, /落款单位“宿迁市人民政府办公室”与报告机关“淮安市人民政府”的地名不符（“宿迁市”）/);
  // a government's report signed by its office, or by the government with its city named
  assert.deepEqual(found(`${base}\n淮安市人民政府办公室\n2025年1月20日\n`), []);
  const district = render({ ...HUAIAN_2024, agency: '洪泽区人民政府' }, 'tsv');
  assert.deepEqual(found(`${district}\n淮安市洪泽区人民政府\n2025年1月20日\n`), []);
  // short and full forms of one place
  const signed: [string, string][] = [
    ['凉山彝族自治州人民政府', '凉山州人民政府办公室'],
    ['长阳土家族自治县人民政府', '长阳县人民政府办公室'],
    ['淮安经济技术开发区管理委员会', '淮安经开区管委会'],
    ['两江新区管理委员会', '重庆两江新区管理委员会'],
    ['杭州市西湖区人民政府', '西湖区人民政府办公室'],
  ];
  for (const [agency, signer] of signed) assert.deepEqual(found(`${render({ ...HUAIAN_2024, agency }, 'tsv')}\n${signer}\n2025年1月20日\n`), [], signer);
});
