// The parser's date line (落款日期) and signing agency, as real reports end.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { applyEdits, lint, parseReport } from '../../server/src/core';
import { HUAIAN_2024, render } from '../helpers/layouts';
import { EXTERNAL, SEEDS } from '../helpers/cli';

const huaian = readFileSync(`${EXTERNAL}/huaian-city-2024.txt`, 'utf8') + '\n';
const at = (text: string, r: { start: number; end: number }) => text.slice(r.start, r.end);

function dateLine(text: string) {
  const d = parseReport(text).dateLine;
  return d && { date: `${d.year}-${d.month}-${d.day}`, text: at(text, d.range), signer: d.signer && at(text, d.signer.range) };
}

test('the real reports: seed 000 ends with its date; the others have no date line at all', () => {
  for (const dir of [SEEDS, EXTERNAL]) {
    for (const f of readdirSync(dir).filter((x) => x.endsWith('.txt'))) {
      const d = dateLine(readFileSync(`${dir}/${f}`, 'utf8'));
      if (f.startsWith('000')) assert.deepEqual(d, { date: '2024-1-18', text: '2024年1月18日', signer: undefined });
      else assert.equal(d, undefined, f);
    }
  }
});

test('endings seen in real reports', () => {
  const cases: [string, ReturnType<typeof dateLine>][] = [
    ['\n2025年1月20日\n', { date: '2025-1-20', text: '2025年1月20日', signer: undefined }],
    ['淮安市人民政府办公室\n2025年1月20日\n', { date: '2025-1-20', text: '2025年1月20日', signer: '淮安市人民政府办公室' }],
    ['淮安市人民政府办公室\n\n2025 年 1 月 20 日\n- 7 -\n', { date: '2025-1-20', text: '2025 年 1 月 20 日', signer: '淮安市人民政府办公室' }],
    ['淮安市人民政府办公室\n二〇二五年一月二十日\n', { date: '2025-1-20', text: '二〇二五年一月二十日', signer: '淮安市人民政府办公室' }],
    ['淮安市人民政府\n二○二五年十二月三十一日\n第 7 页 共 7 页\n', { date: '2025-12-31', text: '二○二五年十二月三十一日', signer: '淮安市人民政府' }],
    ['                      淮安市人民政府办公室      2025年2月8日\n', { date: '2025-2-8', text: '2025年2月8日', signer: '淮安市人民政府办公室' }],
    ['淮安市人民政府办公室\n2025年1月20日\n附件：1.政府信息公开工作统计表\n2.名词解释\n（此件公开发布）\n', { date: '2025-1-20', text: '2025年1月20日', signer: '淮安市人民政府办公室' }],
    ['\n**2025年1月20日**\n', { date: '2025-1-20', text: '2025年1月20日', signer: undefined }],
    ['淮安市人民政府\n2025.1.20\n', { date: '2025-1-20', text: '2025.1.20', signer: '淮安市人民政府' }],
    ['淮安市人民政府\n２０２５年１月２０日\n', { date: '2025-1-20', text: '２０２５年１月２０日', signer: '淮安市人民政府' }],
  ];
  for (const [ending, want] of cases) assert.deepEqual(dateLine(huaian + ending), want, ending);
  // CRLF, HTML
  assert.deepEqual(dateLine((huaian + '淮安市人民政府办公室\n2025年1月20日\n').replace(/\n/g, '\r\n')), { date: '2025-1-20', text: '2025年1月20日', signer: '淮安市人民政府办公室' });
  const html = render(HUAIAN_2024, 'html').replace('</body>', '<p style="text-align:right">淮安市人民政府办公室</p>\n<p style="text-align:right">2025年1月20日</p>\n</body>');
  assert.deepEqual(dateLine(html), { date: '2025-1-20', text: '2025年1月20日', signer: '淮安市人民政府办公室' });
});

test('dates that are not a date line', () => {
  const none = [
    '本报告于\n2025年1月20日\n前报送。\n', // a sentence broken around the date (PDF)
    '全市共受理政府信息公开申请3119件，统计截至\n2024年12月31日\n止。\n',
    '\n2025年2月30日\n', // no such day
    '\n2025年13月2日\n',
    '\n截至 2025 年 1 月 20 日\n', // prose ending in a date
    '\n发布日期：2025-01-20\n',
    '\n2025年1月\n',
  ];
  for (const ending of none) assert.equal(dateLine(huaian + ending), undefined, ending);
  // a date before the last section heading is not the date line
  assert.equal(dateLine(huaian.replace('六、其他需要报告的事项', '2025年1月20日\n六、其他需要报告的事项')), undefined);
});

test('section-missing inserts 六 before the signing agency, not between it and the date', () => {
  const text = huaian.replace(/六、其他需要报告的事项[^]*$/, '') + '淮安市人民政府办公室\n2025年1月20日\n';
  const d = lint(text).diagnostics.find((x) => x.ruleId === 'section-missing')!;
  const fixed = applyEdits(text, d.fix!.edits).text;
  assert.ok(fixed.endsWith('六、其他需要报告的事项\n淮安市人民政府办公室\n2025年1月20日\n'), JSON.stringify(fixed.slice(-60)));
});
