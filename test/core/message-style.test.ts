// One quote style in every message: “” (never 「」 or 『』). Checked twice: every string in the
// source (message templates, data files, rule docs) and every message the rules really produce
// on the corpus and the samples, in both languages, with fix titles and related notes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ALL_RULES, lint } from '../../server/src/core';
import { EXTERNAL, SEEDS } from '../helpers/cli';

const OTHER_QUOTES = /[「」『』]/;
const root = fileURLToPath(new URL('../..', import.meta.url));

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? files(p) : /\.(ts|json|md)$/.test(name) ? [p] : [];
  });
}

test('no message template, data file or rule page uses 「」 or 『』', () => {
  const sources = [...files(join(root, 'server/src')), ...files(join(root, 'client/src')), ...files(join(root, 'docs'))];
  assert.ok(sources.length > 50);
  for (const path of sources) {
    readFileSync(path, 'utf8')
      .split('\n')
      .forEach((line, i) => assert.doesNotMatch(line, OTHER_QUOTES, `${path.slice(root.length)}:${i + 1}: ${line.trim()}`));
  }
  for (const r of ALL_RULES) for (const s of [r.meta.description.zh, r.meta.description.en]) assert.doesNotMatch(s, OTHER_QUOTES, r.meta.id);
});

test('every message produced on the corpus and the samples uses “”', () => {
  const paths = [SEEDS, EXTERNAL, join(root, 'samples')].flatMap((dir) => readdirSync(dir).filter((f) => /\.(txt|md)$/.test(f)).map((f) => join(dir, f)));
  let seen = 0;
  for (const path of paths) {
    for (const d of lint(readFileSync(path, 'utf8')).diagnostics) {
      const msgs = [d.message, ...(d.fix ? [d.fix.title] : []), ...(d.related ?? []).map((r) => r.message)];
      for (const m of msgs) for (const s of [m.zh, m.en]) assert.doesNotMatch(s, OTHER_QUOTES, `${path}: ${d.ruleId}: ${s}`);
      seen++;
    }
  }
  assert.ok(seen > 40, `${seen} diagnostics looked at`);
});
