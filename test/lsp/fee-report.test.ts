/**
 * fee-report in the editor: its quick fix (an unsafe insertion far from the diagnostic, at the end
 * of section 六) is offered at the heading but kept out of source.fixAll; deadline and
 * year-mismatch carry their other place as relatedInformation.
 */
import { beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { LineIndex } from '../../server/src/core';
import { HUAIAN_2024, render, type ReportData } from '../helpers/layouts';
import { applyLspEdits as apply, editsOf, freshUri, LspClient, messageText, SEED_000, serverForSuite } from '../helpers/lsp';

const NO_APPLICATIONS: ReportData = { ...HUAIAN_2024, t3: Object.fromEntries(Object.entries(HUAIAN_2024.t3).map(([k, v]) => [k, v.map(() => 0)])) };

describe('date and fee rules over stdio', () => {
  const server = serverForSuite();
  let client: LspClient;
  beforeEach(() => {
    client = server();
  });

  it('fee-report: the insertion is a quick fix at the 六 heading, not part of fix-all on save', async () => {
    const text = render({ ...NO_APPLICATIONS, prose: { other: '2024年，本单位无其他需要报告的事项。' } }, 'tsv');
    const uri = freshUri('fee');
    await client.open(uri, text);
    const diags = await client.diagnostics(uri);
    const fee = diags.find((d) => d.code === 'fee-report');
    assert.ok(fee, diags.map((d) => d.code).join(', '));
    assert.equal(fee.severity, 2, 'a warning');
    assert.equal(text.split('\n')[fee.range.start.line], '六、其他需要报告的事项');
    const actions = await client.codeActions(uri, fee.range, [fee], ['quickfix']);
    const insert = actions.find((a) => a.diagnostics?.[0]?.code === 'fee-report');
    assert.ok(insert, actions.map((a) => a.title).join(' | '));
    assert.equal(insert.title, '插入“本年度未收取信息处理费。”（表三无申请）');
    assert.equal(insert.isPreferred, false);
    const fixAll = await client.codeActions(uri, { start: { line: 0, character: 0 }, end: new LineIndex(text).position(text.length) }, diags, ['source.fixAll']);
    for (const a of fixAll) assert.ok(!editsOf(a, uri).some((e) => e.newText.includes('信息处理费')), 'fix-all leaves it alone');
    const fixed = apply(text, editsOf(insert, uri));
    assert.ok(fixed.endsWith('2024年，本单位无其他需要报告的事项。\n本年度未收取信息处理费。\n'), JSON.stringify(fixed.slice(-60)));
    const version = await client.change(uri, [{ text: fixed }]);
    const after = await client.diagnostics(uri, version);
    assert.deepEqual(after.filter((d) => d.code === 'fee-report'), []);
    assert.deepEqual(after.map((d) => d.code).sort(), diags.filter((d) => d.code !== 'fee-report').map((d) => d.code).sort());
  });

  it('deadline and year-mismatch point at the report year as relatedInformation', async () => {
    const text = SEED_000.replace('2024年1月18日', '2024年3月1日').replace('2023 年，铜官区经信局在区委', '2022 年，铜官区经信局在区委');
    const uri = freshUri('seed000-late');
    await client.open(uri, text);
    const diags = await client.diagnostics(uri);
    const index = new LineIndex(text);
    const titleYear = index.position(text.indexOf('2023'));
    const late = diags.find((d) => d.code === 'deadline');
    assert.ok(late, diags.map((d) => d.code).join(', '));
    assert.match(messageText(late), /落款日期2024年3月1日晚于法定公布期限2024年1月31日/);
    assert.deepEqual(late.relatedInformation?.[0]?.location.range.start, titleYear);
    const year = diags.find((d) => d.code === 'year-mismatch');
    assert.ok(year, diags.map((d) => d.code).join(', '));
    assert.equal(text.split('\n')[year.range.start.line]!.slice(year.range.start.character, year.range.end.character), '2022');
    assert.deepEqual(year.relatedInformation?.[0]?.location.range.start, titleYear);
  });
});
