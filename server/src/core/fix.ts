/**
 * Applying fixes: non-overlapping edits, applied in one sweep. An edit that overlaps one
 * already taken is skipped (the next pass picks it up), so the result is always well-formed.
 * Insertions at the same point are all kept, in the order given (several missing headings at
 * the end of a report, say).
 */
import type { Diagnostic, TextEdit } from './rule';

export function applyEdits(text: string, edits: readonly TextEdit[]): { text: string; applied: number } {
  const order = edits.map((e, i) => ({ e, i }));
  // by position; at one point insertions first (in given order), then the replacement
  order.sort((x, y) => x.e.range.start - y.e.range.start || (x.e.range.end - x.e.range.start) - (y.e.range.end - y.e.range.start) || x.i - y.i);
  const taken: TextEdit[] = [];
  let maxEnd = 0; // sorted by start: an edit clashes only with what reaches past its start
  for (const { e } of order) {
    if (e.range.start < 0 || e.range.end > text.length || e.range.end < e.range.start) continue;
    if (e.range.start < maxEnd) continue;
    taken.push(e);
    maxEnd = Math.max(maxEnd, e.range.end);
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

/** The edits of every safe fix among the diagnostics, whole fixes only, never overlapping. */
export function fixAllEdits(diagnostics: readonly Diagnostic[], opts: { onlyRule?: string; includeUnsafe?: boolean } = {}): TextEdit[] {
  const fixes = diagnostics
    .map((d) => d.fix && (opts.includeUnsafe || d.fix.safe) && (!opts.onlyRule || d.ruleId === opts.onlyRule) && d.fix.edits.length ? [...d.fix.edits].sort((a, b) => a.range.start - b.range.start) : undefined)
    .filter((x): x is TextEdit[] => !!x)
    .sort((a, b) => a[0]!.range.start - b[0]!.range.start);
  const edits: TextEdit[] = [];
  let maxEnd = 0;
  let lastReplaced: TextEdit['range'] | undefined;
  for (const f of fixes) {
    let end = maxEnd;
    let ok = true;
    for (const e of f) {
      const same = lastReplaced && e.range.start === lastReplaced.start && e.range.end === lastReplaced.end && e.range.end > e.range.start;
      if (e.range.start < end || same) {
        ok = false;
        break;
      }
      end = Math.max(end, e.range.end);
    }
    if (!ok) continue;
    edits.push(...f);
    maxEnd = end;
    const last = f[f.length - 1]!;
    if (last.range.end > last.range.start) lastReplaced = last.range;
  }
  return edits;
}
