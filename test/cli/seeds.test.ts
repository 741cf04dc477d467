// The KNOWN-DEFECTS table and structure rows of the seed reports, found at their lines through
// the real CLI; the external reports with real numbers: the clean one stays clean.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { checkJson, EXTERNAL, SEEDS } from '../helpers/cli';

const TABLE_STRUCTURE = /^(table|section|format|overview)-/;


function messages(file: string) {
  const { results, code } = checkJson([file]);
  assert.equal(results.length, 1);
  return { code, msgs: results[0]!.messages };
}

test('000: label typo at 34, missing 表三 rows named at the table end, 四 and 六 missing', () => {
  const { code, msgs } = messages(join(SEEDS, '000_b5a011f3d089b4ff.txt'));
  assert.equal(code, 1);
  const typo = msgs.find((m) => m.ruleId === 'table-label-typo')!;
  assert.equal(typo.line, 34);
  assert.match(typo.message, /本年度止件数.*本年废止件数/);
  assert.ok(typo.fix);
  const missing = msgs.filter((m) => m.ruleId === 'table-row-missing');
  assert.deepEqual(missing.map((m) => m.message.match(/“(.*)”/)![1]), [
    '（五）不予处理 4.无正当理由大量反复申请',
    '（五）不予处理 5.要求行政机关确认或重新出具已获取信息',
    '（六）其他处理 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
    '（六）其他处理 2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
    '（六）其他处理 3.其他',
    '（七）总计',
    '四、结转下年度继续办理',
  ]);
  for (const m of missing) assert.ok(m.line >= 49 && m.line <= 73, `line ${m.line}`);
  const sections = msgs.filter((m) => m.ruleId === 'section-missing');
  assert.equal(sections.length, 2);
  assert.ok(sections[0]!.line >= 75 && sections[0]!.line <= 76 && /四、政府信息公开行政复议/.test(sections[0]!.message));
  assert.match(sections[1]!.message, /六、其他需要报告的事项/);
  // the 15 numbers under the garbled header are still read as 表四: no table-missing
  assert.ok(!msgs.some((m) => m.ruleId === 'table-missing'));
});

test('002: the same label typo at line 30, nothing else from the table and structure rules', () => {
  const { msgs } = messages(join(SEEDS, '002_60914c73e690bbf7.txt'));
  const ts = msgs.filter((m) => TABLE_STRUCTURE.test(m.ruleId));
  assert.deepEqual(ts.map((m) => `${m.ruleId}@${m.line}`), ['table-label-typo@30']);
});

for (const seed of ['001_fef44fb29382a984.txt', '003_daabefa65804d971.txt', '004_eac7cee84a78218c.txt']) {
  test(`${seed}: all-zero tables add up, every section present: no table or structure errors`, () => {
    const { msgs } = messages(join(SEEDS, seed));
    assert.deepEqual(msgs.filter((m) => TABLE_STRUCTURE.test(m.ruleId)).map((m) => `${m.ruleId}@${m.line}: ${m.message}`), []);
  });
}

test('huaian-city-2024 (real numbers, PDF text): no table error', () => {
  const { msgs } = messages(join(EXTERNAL, 'huaian-city-2024.txt'));
  assert.deepEqual(msgs.filter((m) => TABLE_STRUCTURE.test(m.ruleId)).map((m) => `${m.ruleId}@${m.line}: ${m.message}`), []);
});

test('hongze-district-2023: the 表四 sums and the corrupted label are found', () => {
  const { msgs } = messages(join(EXTERNAL, 'hongze-district-2023.txt'));
  const ts = msgs.filter((m) => TABLE_STRUCTURE.test(m.ruleId));
  assert.deepEqual(ts.map((m) => `${m.ruleId}@${m.line}`).sort(), ['table-label-typo@90', 'table-row-missing@109', 'table-row-total@138', 'table-row-total@138'].sort());
  assertSixCollapsed(ts);
  const totals = ts.filter((m) => m.ruleId === 'table-row-total').map((m) => m.message);
  assert.ok(totals.some((m) => /行政复议”：总计 0 ≠ 10\+1\+0\+0 = 11/.test(m)), totals.join('\n'));
  assert.ok(totals.some((m) => /复议后起诉”：总计 0 ≠ 5\+0\+0\+0 = 5/.test(m)), totals.join('\n'));
});

test('hongze-district-2024: the corrupted label and （六）其他处理 without its items among the table rules', () => {
  const { msgs } = messages(join(EXTERNAL, 'hongze-district-2024.txt'));
  const ts = msgs.filter((m) => TABLE_STRUCTURE.test(m.ruleId));
  assert.deepEqual(ts.map((m) => `${m.ruleId}@${m.line}`), ['table-label-typo@91', 'table-row-missing@109']);
  assertSixCollapsed(ts);
});

/** Both hongze reports (2021 format) write 表三 （六）其他处理 as one row with values, without its three items. */
function assertSixCollapsed(msgs: { ruleId: string; message: string }[]) {
  const m = msgs.filter((x) => x.ruleId === 'table-row-missing');
  assert.equal(m.length, 1);
  assert.match(m[0]!.message, /“（六）其他处理”写成了一行，缺少分项：“1\.申请人无正当理由逾期不补正.*”、“2\.申请人逾期未按收费通知要求缴纳费用.*”、“3\.其他”/);
}

test('001: no title line: a title-missing hint naming the agency from 发布机构', () => {
  const { msgs } = messages(join(SEEDS, '001_fef44fb29382a984.txt'));
  const t = msgs.filter((m) => m.ruleId === 'title-missing');
  assert.equal(t.length, 1);
  assert.equal(t[0]!.line, 1);
  assert.match(t[0]!.message, /青云谱区商务局/);
});
