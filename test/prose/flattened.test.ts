// Sentence-level prose rules on flattened text: the prose paragraphs joined onto one line (as a web
// page or a PDF extractor may give them) get the same findings as with their line breaks.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lint, ALL_RULES } from '../../server/src/core';
import { HUAIAN_2024, render, type ReportData } from '../helpers/layouts';

const PROSE = new Set(ALL_RULES.filter((r) => r.meta.category === 'prose').map((r) => r.meta.id));

/** Paragraphs of the 总体情况 part, each with a prose finding of its own. */
const PARAGRAPHS = [
  '2023年，我市认真贯彻落实《条例》。',
  '（一）主动公开情况。主动公开信息90条。信息涵盖多个领域，主要类别为：机构职能10条、政策文件25条、工作动态70条。',
  '全年发布政务信息120条，其中工作动态80条、通知公告45条。',
  '（二）依申请公开情况。全年共受理政府信息公开申请17件，对申请子以公开，再接再励做好工作。',
  '（三）政府信息管理情况。加强的的信息管理，严格严格落实保密审查。',
  '（四）政府信息公开平台建设情况。网址为http:/www.gov.cn，完善平台。',
  '（五）监督保障情况。加强监督保障。',
];

const findings = (data: ReportData) => {
  const text = render(data, 'tsv');
  return lint(text)
    .diagnostics.filter((d) => PROSE.has(d.ruleId))
    .map((d) => `${d.ruleId}:${text.slice(d.range.start, d.range.end).replace(/\s+/g, '')}`)
    .sort();
};

test('the prose paragraphs joined onto one line give the same prose findings as with their line breaks', () => {
  const broken = findings({ ...HUAIAN_2024, prose: { overview: PARAGRAPHS.join('\n') } });
  const flat = findings({ ...HUAIAN_2024, prose: { overview: PARAGRAPHS.join('') } });
  // every paragraph's finding is there (the test is not passing on nothing)
  for (const rule of ['year-mismatch', 'narrative-sum', 'narrative-table-mismatch', 'typo', 'char-repeat']) {
    assert.ok(broken.some((f) => f.startsWith(`${rule}:`)), `${rule} in ${broken.join(' | ')}`);
  }
  assert.equal(broken.filter((f) => f.startsWith('narrative-sum:')).length, 2, broken.join(' | '));
  assert.deepEqual(flat, broken);
});
