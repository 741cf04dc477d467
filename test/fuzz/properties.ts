/**
 * Property checks shared by the quick run in `npm test` and the long `npm run fuzz`:
 * any text parses and lints without throwing, ranges stay inside the document, fixes edit only
 * their range and are idempotent, fix-all reaches a fixpoint in at most 3 passes.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { applyEdits, fixAllEdits, lint } from '../../server/src/core';
import { corpusDir } from '../helpers/cli';

export function seedTexts(): string[] {
  const dirs = [join(corpusDir(), 'seeds'), join(corpusDir(), 'external')];
  return dirs.flatMap((d) => readdirSync(d).filter((f) => f.endsWith('.txt')).map((f) => readFileSync(join(d, f), 'utf8')));
}

export function checkText(text: string): void {
  const r = lint(text);
  assert.deepEqual(r.ruleErrors, [], 'a rule threw');
  for (const d of r.diagnostics) {
    assert.ok(d.range.start >= 0 && d.range.start <= d.range.end && d.range.end <= text.length, `${d.ruleId} range out of document`);
    for (const e of d.fix?.edits ?? []) {
      assert.ok(e.range.start >= 0 && e.range.end <= text.length && e.range.start <= e.range.end, `${d.ruleId} fix out of document`);
      const inside = e.range.start >= d.range.start && e.range.end <= d.range.end;
      assert.ok(inside || e.range.start === e.range.end, `${d.ruleId} fix edits outside its range`);
    }
    if (d.fix && d.fix.safe) {
      // one fix applied: the text outside its edits is unchanged; applying twice changes nothing more
      const once = applyEdits(text, d.fix.edits).text;
      const prefix = Math.min(...d.fix.edits.map((e) => e.range.start));
      assert.equal(once.slice(0, prefix), text.slice(0, prefix));
      const again = lint(once).diagnostics.filter((x) => x.ruleId === d.ruleId && x.fix && x.range.start === d.range.start && x.fix.edits.every((e, i) => e.newText === d.fix!.edits[i]?.newText));
      assert.ok(again.length === 0 || once === applyEdits(once, again[0]!.fix!.edits).text, `${d.ruleId} fix not idempotent`);
    }
  }
  let fixed = text;
  for (let pass = 0; pass < 3; pass++) {
    const edits = fixAllEdits(lint(fixed).diagnostics);
    if (!edits.length) break;
    fixed = applyEdits(fixed, edits).text;
  }
  const left = lint(fixed).diagnostics.filter((d) => d.fix?.safe);
  assert.deepEqual(left.map((d) => `${d.ruleId}: ${d.message.zh}`), [], 'fix-all did not reach a fixpoint in 3 passes');
}

/** Seed reports mangled the ways real extraction and editing mangle them. */
export function mangledSeed(seeds: string[]): fc.Arbitrary<string> {
  const lines = (t: string) => t.split('\n');
  return fc.tuple(fc.constantFrom(...seeds), fc.integer({ min: 0, max: 9 }), fc.integer({ min: 0, max: 1e9 }), fc.string({ maxLength: 12 })).map(([seed, op, n, junk]) => {
    const ls = lines(seed);
    const at = n % Math.max(1, ls.length);
    switch (op) {
      case 0: ls.splice(at, 1 + (n % 4)); return ls.join('\n');
      case 1: ls.splice(at, 0, ls[(n >> 3) % ls.length]!); return ls.join('\n');
      case 2: return [...ls].sort((a, b) => ((a.length * 31 + n) % 7) - ((b.length * 31 + n) % 7)).join('\n');
      case 3: return seed.replace(/\t/g, '\n');
      case 4: return seed.replace(/\n/g, '\t');
      case 5: return seed.slice(0, n % (seed.length + 1));
      case 6: return seed.replace(/\d+/g, (m, off: number) => ((off + n) % 5 === 0 ? m + String(n % 97) : m));
      case 7: return ls.slice(0, at).join('\n') + junk + ls.slice(at).join('\n');
      case 8: return seed.replace(/\n/g, '\r\n');
      default: return seed.replace(/[，。：；]/g, (c) => ({ '，': ',', '。': '.', '：': ':', '；': ';' })[c]!);
    }
  });
}

export function regressionTexts(): string[] {
  const dir = new URL('./regressions/', import.meta.url);
  return readdirSync(dir).filter((f) => f.endsWith('.txt')).map((f) => readFileSync(new URL(f, dir), 'utf8'));
}
