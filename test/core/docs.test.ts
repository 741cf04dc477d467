// docs/rules.md is generated from the rule metadata; it must not drift from the code.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { renderRulesDoc } from '../../scripts/rules-doc';
import { ALL_RULES } from '../../server/src/core';

test('docs/rules.md is up to date (run `npm run docs`)', () => {
  const committed = readFileSync(new URL('../../docs/rules.md', import.meta.url), 'utf8');
  assert.equal(committed, renderRulesDoc(), 'docs/rules.md is stale: run `npm run docs` and commit it');
});

test('every rule has a unique kebab-case id, bilingual description and docs', () => {
  const ids = new Set<string>();
  for (const r of ALL_RULES) {
    assert.match(r.meta.id, /^[a-z]+(-[a-z]+)*$/);
    assert.ok(!ids.has(r.meta.id), `duplicate id ${r.meta.id}`);
    ids.add(r.meta.id);
    for (const s of [r.meta.description.zh, r.meta.description.en, r.meta.docs.zh, r.meta.docs.en]) assert.ok(s.length > 5, r.meta.id);
  }
});
