import type { Report } from '../model';

export interface ParseOptions {
  reportYear?: number;
}

export function parseReport(text: string, _opts: ParseOptions = {}): Report {
  return { text, format: 'unknown', formatEvidence: [], sections: [], paragraphs: [], tableRanges: [] };
}
