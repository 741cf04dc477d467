// The built-in data (format templates, word lists) against their zod schemas. The core does
// not validate them at every start (it would cost each run more than a report does), so this
// test is where a malformed data file is caught.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BUILTIN_TEMPLATE_FILES, templateProblems } from '../../server/src/core/format/template';
import { wordListProblems } from '../../server/src/core/words';
import { chromeProblems } from '../../server/src/core/parse/relayout';

test('the built-in format templates satisfy their schema', () => {
  assert.deepEqual(Object.keys(BUILTIN_TEMPLATE_FILES).sort(), ['format-2019.json', 'format-2021.json']);
  for (const [name, data] of Object.entries(BUILTIN_TEMPLATE_FILES)) assert.deepEqual(templateProblems(data), [], name);
});

test('the schema check catches a broken template (a table 四 with a column missing)', () => {
  const broken = structuredClone(BUILTIN_TEMPLATE_FILES['format-2021.json']) as { table4: { columns: unknown[] } };
  broken.table4.columns.pop();
  assert.equal(templateProblems(broken).length, 1);
});

test('the built-in word lists satisfy their schemas', () => {
  assert.deepEqual(wordListProblems(), []);
});

test('the page-chrome word list satisfies its schema, and the check catches a broken one', () => {
  assert.deepEqual(chromeProblems(), []);
  assert.equal(chromeProblems({ words: ['打'] }).length, 1);
});
