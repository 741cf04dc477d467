/** Fix round-trips: apply a rule's fixes, re-lint, and check idempotence. */
import assert from 'node:assert/strict';
import { applyEdits, fixAllEdits, lint, type Diagnostic } from '../../server/src/core';

/** Applies every fix of `ruleId` (one pass), asserts the rule no longer fires, and that a second pass changes nothing. */
export function assertFixRoundTrip(text: string, ruleId: string): string {
  const first = lint(text).diagnostics.filter((d) => d.ruleId === ruleId);
  assert.ok(first.length > 0, `${ruleId} did not fire`);
  assert.ok(first.every((d) => d.fix), `${ruleId}: every diagnostic should offer a fix`);
  for (const d of first) assertEditsInside(d, text);
  let fixed = text;
  for (let pass = 0; pass < 3; pass++) {
    const edits = fixAllEdits(lint(fixed).diagnostics, { onlyRule: ruleId, includeUnsafe: true });
    if (!edits.length) break;
    fixed = applyEdits(fixed, edits).text;
  }
  const after = lint(fixed).diagnostics.filter((d) => d.ruleId === ruleId);
  assert.deepEqual(after.map((d) => d.message.zh), [], `${ruleId} still fires after its fixes`);
  const again = applyEdits(fixed, fixAllEdits(lint(fixed).diagnostics, { onlyRule: ruleId, includeUnsafe: true })).text;
  assert.equal(again, fixed, 'applying the fixes again must change nothing');
  return fixed;
}

/** A fix edits only inside (or, for an insertion, at) its own diagnostic's range. */
export function assertEditsInside(d: Diagnostic, text: string) {
  for (const e of d.fix?.edits ?? []) {
    assert.ok(e.range.start >= 0 && e.range.end <= text.length);
    const inside = e.range.start >= d.range.start && e.range.end <= d.range.end;
    const insertion = e.range.start === e.range.end;
    assert.ok(inside || insertion, `${d.ruleId}: edit ${JSON.stringify(e.range)} outside ${JSON.stringify(d.range)}`);
  }
}
