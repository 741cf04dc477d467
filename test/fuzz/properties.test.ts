// Seeded, bounded property tests (seconds): see properties.ts; `npm run fuzz` runs them long.
import { test } from 'node:test';
import fc from 'fast-check';
import { checkText, mangledSeed, regressionTexts, seedTexts } from './properties';

const seeds = seedTexts();
const SEED = 20261122;

test('any string parses and lints without throwing, with ranges inside', () => {
  fc.assert(fc.property(fc.string({ maxLength: 400, unit: 'binary' }), (s) => checkText(s)), { seed: SEED, numRuns: 200 });
});

test('report-like fragments: headings, labels and numbers shuffled', () => {
  const parts = ['一、总体情况', '三、收到和处理政府信息公开申请情况', '（七）总计', '四、结转下年度继续办理', '行政复议', '总计', '\t', '\n', ' ', '0', '12', '801000081', '第二十条第（一）项', '本年度止件数', '<td>', '</tr>', '|', '- 3 -', '，', '。'];
  fc.assert(fc.property(fc.array(fc.constantFrom(...parts), { maxLength: 120 }), (xs) => checkText(xs.join(''))), { seed: SEED, numRuns: 200 });
});

test('seed reports with lines deleted, duplicated, shuffled, tabs/newlines swapped, digits inserted, cut anywhere', () => {
  fc.assert(fc.property(mangledSeed(seeds), (t) => checkText(t)), { seed: SEED, numRuns: 60 });
});

test('regression corpus of inputs that once failed', () => {
  for (const t of regressionTexts()) checkText(t);
});
