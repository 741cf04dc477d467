/**
 * Applying fixes: non-overlapping edits, applied back to front. An edit that overlaps one
 * already taken is skipped (the next pass picks it up), so the result is always well-formed.
 */
import type { Diagnostic, TextEdit } from './rule';

export function applyEdits(text: string, edits: readonly TextEdit[]): { text: string; applied: number } {
  const sorted = [...edits].sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end);
  const taken: TextEdit[] = [];
  let lastEnd = -1;
  for (const e of sorted) {
    if (e.range.start < lastEnd) continue;
    // two insertions at the same point would be ambiguous: keep the first
    if (e.range.start === lastEnd && e.range.start === e.range.end && taken.length && taken[taken.length - 1]!.range.start === e.range.start) continue;
    taken.push(e);
    lastEnd = e.range.end;
  }
  let out = '';
  let pos = 0;
  for (const e of taken) {
    out += text.slice(pos, e.range.start) + e.newText;
    pos = e.range.end;
  }
  out += text.slice(pos);
  return { text: out, applied: taken.length };
}

/** The edits of every safe fix among the diagnostics, one fix at a time, never overlapping. */
export function fixAllEdits(diagnostics: readonly Diagnostic[], opts: { onlyRule?: string; includeUnsafe?: boolean } = {}): TextEdit[] {
  const edits: TextEdit[] = [];
  const ranges: { start: number; end: number }[] = [];
  const fixes = diagnostics
    .filter((d) => d.fix && (opts.includeUnsafe || d.fix.safe) && (!opts.onlyRule || d.ruleId === opts.onlyRule))
    .map((d) => d.fix!);
  for (const f of fixes) {
    const overlaps = f.edits.some((e) => ranges.some((r) => e.range.start < r.end && r.start < e.range.end || (e.range.start === r.start && e.range.end === r.end)));
    if (overlaps) continue;
    for (const e of f.edits) {
      edits.push(e);
      ranges.push(e.range);
    }
  }
  return edits;
}
