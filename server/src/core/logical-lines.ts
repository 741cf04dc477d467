/**
 * Lines as the parser read them: a line feed, or a virtual line break of flattened text
 * (`Report.virtualBreaks`), begins a line. For rules that place something at a line (a missing
 * heading's insertion point): in a report crawled onto one line, "the line" is the part the
 * parser read as one, not the whole document.
 */
import type { Report } from './model';

/** The start of the (logical) line holding `offset`. */
export function logicalLineStart(report: Report, offset: number): number {
  let at = report.text.lastIndexOf('\n', offset - 1) + 1;
  const v = report.virtualBreaks;
  if (v) {
    const k = lastAtOrBelow(v, offset);
    if (k >= 0 && v[k]! > at) at = v[k]!;
  }
  return at;
}

/**
 * The end of the (logical) line holding `offset`: its line feed or the next virtual break at or
 * after `offset` (`fromStart`: `offset` starts the line, so a break there is no end); -1 at none.
 */
export function logicalLineEnd(report: Report, offset: number, fromStart = false): number {
  let end = report.text.indexOf('\n', offset);
  const v = report.virtualBreaks;
  if (v) {
    // a break at `offset` ends the line there, as a line feed at `offset` would
    const k = lastAtOrBelow(v, fromStart ? offset : offset - 1) + 1;
    if (k < v.length && (end < 0 || v[k]! < end)) end = v[k]!;
  }
  return end;
}

/** Index of the last entry ≤ x in an ascending list, or -1. */
function lastAtOrBelow(list: number[], x: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]! <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}
