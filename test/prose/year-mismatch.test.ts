// year-mismatch: title year, statistics period, the prose about the year and next-year plans.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lint, LineIndex, resolveConfig } from '../../server/src/core';
import { HUAIAN_2024, LAYOUTS, render, type ReportData } from '../helpers/layouts';
import { EXTERNAL, SEEDS, checkJson } from '../helpers/cli';

const ID = 'year-mismatch';
const found = (text: string, config = resolveConfig()) => lint(text, config).diagnostics.filter((d) => d.ruleId === ID);
const at = (text: string, r: { start: number; end: number }) => text.slice(r.start, r.end);
const lineOf = (text: string, offset: number) => new LineIndex(text).position(offset).line + 1;

const seed = (name: string) => readFileSync(`${SEEDS}/${readdirSync(SEEDS).find((f) => f.startsWith(name))}`, 'utf8');
const external = (name: string) => readFileSync(`${EXTERNAL}/${name}.txt`, 'utf8');

const OVERVIEW = '（一）主动公开情况。依法主动公开政府信息。（二）依申请公开情况。依法办理申请。（三）政府信息管理情况。加强信息管理。（四）政府信息公开平台建设情况。完善平台。（五）监督保障情况。加强监督保障。';
const withProse = (prose: ReportData['prose']): ReportData => ({ ...HUAIAN_2024, prose });

test('quiet on the rendered report in every layout', () => {
  for (const layout of LAYOUTS) assert.deepEqual(found(render(HUAIAN_2024, layout)).map((d) => d.message.zh), [], layout);
});

test('quiet on every seed and external report', () => {
  for (const f of readdirSync(SEEDS).filter((x) => x.endsWith('.txt'))) assert.deepEqual(found(readFileSync(`${SEEDS}/${f}`, 'utf8')), [], f);
  for (const f of readdirSync(EXTERNAL).filter((x) => x.endsWith('.txt'))) assert.deepEqual(found(readFileSync(`${EXTERNAL}/${f}`, 'utf8')), [], f);
});

test('statistics period of another year than the title: both years named, the title year related', () => {
  const text = external('hongze-district-2024').replace('统计期限自 2024 年 1 月 1 日\n起至 2024 年 12 月 31 日止', '统计期限自 2023 年 1 月 1 日\n起至 2023 年 12 月 31 日止');
  const d = found(text);
  assert.equal(d.length, 1);
  assert.match(d[0]!.message.zh, /统计期限为2023年，而标题中的年度为2024年/);
  assert.match(d[0]!.message.en, /2023.*2024/);
  assert.match(at(text, d[0]!.range), /^2023 年 1 月 1 日\n起至 2023$/);
  assert.equal(at(text, d[0]!.related![0]!.range), '2024');
  assert.equal(lineOf(text, d[0]!.related![0]!.range.start), 3, 'the year in the title');
  // with the year in doubt, the prose (which speaks of 2024 throughout) is not judged
});

test('the title changed instead: the period is reported, not the 2024 prose', () => {
  const text = external('huaian-city-2024').replace('2024 年政府信息公开工作年度报告', '2023 年政府信息公开工作年度报告');
  const d = found(text);
  assert.deepEqual(d.map((x) => x.message.zh), ['统计期限为2024年，而标题中的年度为2023年']);
});

test('the two ends of the period differ', () => {
  const text = render(HUAIAN_2024, 'tsv').replace('至2024年12月31日', '至2023年12月31日');
  const d = found(text);
  assert.equal(d.length, 1);
  assert.match(d[0]!.message.zh, /起止年份不一致：自2024年1月1日至2023年12月31日/);
});

test('a configured report year is checked against the period', () => {
  const text = render(HUAIAN_2024, 'tsv');
  const d = found(text, resolveConfig({ reportYear: 2025 }));
  assert.deepEqual(d.map((x) => x.message.zh), ['统计期限为2024年，而配置的报告年度为2025年']);
  assert.deepEqual(d[0]!.related, []);
  assert.deepEqual(found(text, resolveConfig({ reportYear: 2024 })), []);
});

test('a sentence about the year’s work dated the previous year (copied from last year’s report)', () => {
  for (const layout of ['tsv', 'pdf', 'markdown', 'html', 'crlf-bom-fullwidth'] as const) {
    const text = render(withProse({ overview: `2023年，我市主动公开政府信息1200条。${OVERVIEW}` }), layout);
    const d = found(text);
    assert.equal(d.length, 1, layout);
    assert.match(d[0]!.message.zh, /正文“[2２][0０][2２][3３]年，我市主动公开政府…”讲述的是2023年，而报告年度为2024年（见标题）/);
    assert.match(at(text, d[0]!.range), /^[2２][0０][2２][3３]$/);
    assert.match(at(text, d[0]!.related![0]!.range), /^[2２][0０][2２][4４]$/);
  }
});

test('real reports edited: seed 004 (2021) and 洪泽 2024, the agency’s own name as the subject', () => {
  const s4 = seed('004').replace('2021年，我局依托区政府信息公开网站', '2020年，我局依托区政府信息公开网站');
  assert.deepEqual(found(s4).map((d) => `${lineOf(s4, d.range.start)}:${at(s4, d.range)}`), ['7:2020']);
  const hz = external('hongze-district-2024').replace('2024 年，淮安市洪泽区人民政府坚持', '2023 年，淮安市洪泽区人民政府坚持');
  const d = found(hz);
  assert.deepEqual(d.map((x) => `${lineOf(hz, x.range.start)}:${at(hz, x.range)}`), ['11:2023']);
  assert.match(d[0]!.message.en, /speaks of 2023, but the report year is 2024 \(see the title\)/);
  // section 六 after a sub-heading line, without a comma: 2023年度本单位…
  const s2 = seed('002').replace('2023年度本单位政务公开不存在收费情况', '2022年度本单位政务公开不存在收费情况');
  assert.deepEqual(found(s2).map((x) => at(s2, x.range)), ['2022']);
  // after an item marker on the same line
  for (const marked of ['（一）2023年，我市主动公开政府信息1200条。', '1.2023年，我市主动公开政府信息1200条。', '一、2023年度我市主动公开政府信息1200条。']) {
    const text = render(withProse({ overview: `${marked}${OVERVIEW}` }), 'tsv');
    assert.deepEqual(found(text).map((x) => at(text, x.range)), ['2023'], marked);
  }
  // the sentence after a sub-heading line: （一）主动公开情况 / 2021年，…
  const s4b = seed('004').replace('2021年，相山区经济和信息化局根据', '2022年，相山区经济和信息化局根据');
  assert.deepEqual(found(s4b).map((x) => lineOf(s4b, x.range.start)), [13]);
});

test('“本年度（2023年）” in a 2024 report, in any section', () => {
  const text = render(withProse({ problems: '本年度（2023年）存在的主要问题是政策解读质量仍需提升。', other: '今年（2024年）本单位未收取信息处理费。' }), 'crlf-bom-fullwidth');
  const d = found(text);
  assert.equal(d.length, 1);
  assert.match(d[0]!.message.zh, /正文“本年度（２０２３年）”把本年写作2023年，而报告年度为2024年（见标题）/);
  assert.equal(at(text, d[0]!.range), '２０２３');
  assert.deepEqual(found(render(withProse({ overview: `上年度（2023年）结转的申请已办结。${OVERVIEW}` }), 'tsv')), []);
});

test('years that are not a statement about the report year stay quiet', () => {
  const quiet = [
    '2023年以来，我市持续推进政务公开。',
    '2023年，我市共受理申请3000件，2024年增长到3119件。',
    '2023年，我市共受理申请3000件，2024年为3119件。',
    '与上年相比，2023年我市受理的申请较少。',
    '2023年度，我市政务公开工作考核获评优秀等次。',
    '2023年12月，我市出台了政务公开工作规范。',
    '截至2023年底，我市已建成政务公开专区。',
    '2023年我市制定的办法在本年继续施行。',
    '2023年我市出台的标准目录已全部公开。',
    '2025年，我市将继续深化政务公开。',
    '2022年，我市出台了政务公开标准目录。',
    '发布《2023年政府信息公开工作年度报告》。',
  ];
  for (const s of quiet) {
    for (const layout of ['tsv', 'crlf-bom-fullwidth', 'pdf'] as const) {
      const text = render(withProse({ overview: `${s}${OVERVIEW}` }), layout);
      assert.deepEqual(found(text).map((d) => d.message.zh), [], `${layout}: ${s}`);
    }
  }
});

test('next-year plans dated in the report year or earlier', () => {
  const cases: [string, string][] = [
    ['存在的主要问题是政策解读质量仍需提升。2024年，我市将继续加强培训。', '2024'],
    ['存在的主要问题是政策解读质量仍需提升。针对存在问题，2024年我们将切实抓好以下工作。', '2024'],
    ['存在的主要问题是政策解读质量仍需提升。下一步，2024年我市将加强培训。', '2024'],
    ['存在的主要问题是政策解读质量仍需提升。2023年，我市将进一步加强培训。', '2023'],
    ['（一）存在的主要问题。政策解读质量仍需提升。（二）2024年工作计划。一是加强培训。', '2024'],
  ];
  for (const [problems, year] of cases) {
    for (const layout of ['tsv', 'pdf', 'html'] as const) {
      const text = render(withProse({ problems }), layout);
      const d = found(text);
      assert.equal(d.length, 1, `${layout}: ${problems}`);
      assert.equal(at(text, d[0]!.range), year);
      assert.match(d[0]!.message.zh, new RegExp(`下一步工作“.*”写的是${year}年，报告年度为2024年（见标题），下一年度应为2025年`));
      assert.match(d[0]!.message.en, new RegExp(`dated ${year}, but the report year is 2024.*the next year is 2025`));
    }
  }
  // “下一步…明年（2024年）” anywhere, not only in 五
  const text = render(withProse({ overview: `${OVERVIEW}下一步，2024年我市将深化公开。` }), 'tsv');
  assert.equal(found(text).length, 1);
});

test('plans and reviews that are fine stay quiet', () => {
  const quiet = [
    '存在的主要问题是政策解读质量仍需提升。2025年，我市将继续加强培训。',
    '存在的主要问题是政策解读质量仍需提升。下一步，我们将按照2024年政务公开工作要点继续改进。',
    '存在的主要问题是政策解读质量仍需提升。2024年，我市将政策解读纳入年度考核，解读质量明显提升。',
    '（一）上年度问题整改情况。2024年工作计划完成情况良好。（二）存在的主要问题。培训不足。',
    '针对2023年度报告中提出的问题，2024年，我市加强了培训。',
    '上年度报告中提出，2024年我市将进一步加强培训，目前已全部完成。',
  ];
  for (const s of quiet) assert.deepEqual(found(render(withProse({ problems: s }), 'tsv')).map((d) => d.message.zh), [], s);
  // seed 004's “2022年，我们将坚持…” in its 2021 report, 洪泽 2024's “2025 年我们将…”
  assert.deepEqual(found(seed('004')), []);
  const s4 = seed('004').replace('2022年，我们将坚持', '2021年，我们将坚持');
  assert.deepEqual(found(s4).map((d) => `${lineOf(s4, d.range.start)}:${at(s4, d.range)}`), ['418:2021']);
  const hz = external('hongze-district-2024').replace('2025 年我们将', '2024 年我们将');
  assert.deepEqual(found(hz).map((d) => at(hz, d.range)), ['2024']);
});

test('without a stated year (no title, no period) the prose is not judged', () => {
  const text = seed('001').replace('2023年,我局主动公开政府信息', '2022年,我局主动公开政府信息');
  assert.deepEqual(found(text), []);
});

test('CLI: an error on the line of the copied year, in Chinese and in English', () => {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-year-'));
  try {
    const file = join(dir, 'huaian.txt');
    writeFileSync(file, external('huaian-city-2024').replace('2024 年，市政府网站主动公开', '2023 年，市政府网站主动公开'));
    const zh = checkJson([file]).results[0]!.messages.filter((m) => m.ruleId === ID);
    assert.deepEqual(zh.map((m) => [m.line, m.severity]), [[16, 2]]);
    assert.match(zh[0]!.message, /讲述的是2023年，而报告年度为2024年/);
    const en = checkJson([file], ['--locale', 'en']).results[0]!.messages.filter((m) => m.ruleId === ID);
    assert.match(en[0]!.message, /speaks of 2023, but the report year is 2024/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a sentence about the year’s work with its subject left out (`2023年，认真贯彻…`) dated the previous year', () => {
  const loud = ['2023年，认真贯彻落实《条例》，主动公开政府信息1200条。', '2023年，共受理政府信息公开申请95件。', '2025年，围绕中心工作做好政务公开。'];
  for (const s of loud) {
    for (const layout of ['tsv', 'pdf'] as const) {
      const d = found(render(withProse({ overview: `${s}${OVERVIEW}` }), layout));
      assert.equal(d.length, 1, `${layout}: ${s}`);
    }
  }
  const quiet = [
    '2023年，共受理申请3000件，2024年增长到3119件。',
    '2023年，国务院办公厅印发了政务公开工作要点。',
    '2023年认真贯彻的做法在本年继续坚持。',
    '2023年，围绕中心工作获评先进单位。',
  ];
  for (const s of quiet) assert.deepEqual(found(render(withProse({ overview: `${s}${OVERVIEW}` }), 'tsv')).map((d) => d.message.zh), [], s);
});
