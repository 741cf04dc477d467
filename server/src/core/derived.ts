/**
 * Views derived from a parsed report that several rules need (the prose paragraphs, their
 * whitespace-free forms): computed once per lint() and dropped when it ends, so that a
 * LintResult kept by a caller does not keep them (they are as large as the text).
 */
import type { Report } from './model';

const memos = new WeakMap<Report, Map<string, unknown>>();

/** The value of `compute` for this report, computed on first use during one lint(). */
export function derived<T>(report: Report, key: string, compute: () => T): T {
  let m = memos.get(report);
  if (!m) memos.set(report, (m = new Map()));
  if (!m.has(key)) m.set(key, compute());
  return m.get(key) as T;
}

/** Called by lint() when its rules have run. */
export function releaseDerived(report: Report): void {
  memos.delete(report);
}
