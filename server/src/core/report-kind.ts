/** Whether a text reads as an annual report at all (the CLI skips, and the editor leaves alone, what does not). */
import type { Report } from './model';

/** A report has a title naming the annual report, two standard headings, or a statistics table. */
export function looksLikeReport(report: Report): boolean {
  return !!report.title || sectionCount(report) >= 2 || !!report.table2 || !!report.table3 || !!report.table4;
}

/** How many of the six standard sections have their heading. */
export function sectionCount(report: Report): number {
  return new Set(report.sections.map((s) => s.number)).size;
}
