/** The CLI's per-file result, in ESLint's formatter shape (1-based lines and columns). */
import { relative } from 'node:path';
import { LineIndex, localize, type Diagnostic, type Locale } from '../../core';

export interface MessageResult {
  ruleId: string;
  /** ESLint severity: 2 error, 1 warning (and info). */
  severity: 1 | 2;
  /** The nianbao severity, which also distinguishes info. */
  level: 'error' | 'warning' | 'info';
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** For Word, HTML and PDF files: where in the document (paragraph / table row and column / page). */
  location?: string;
  /** For PDF files: the page (1-based); line and column are those of the text read out of it. */
  page?: number;
  /** One replacement covering all the fix's edits, as ESLint reports fixes (offsets into the text). */
  fix?: { range: [number, number]; text: string };
}

export interface FileResult {
  filePath: string;
  messages: MessageResult[];
  /** Set when the file was not checked, with the reason (a file in a folder that does not read as a report). */
  skipped?: string;
  errorCount: number;
  warningCount: number;
  infoCount: number;
  fixableErrorCount: number;
  fixableWarningCount: number;
}

export function toFileResult(filePath: string, text: string, diagnostics: readonly Diagnostic[], locale: Locale): FileResult {
  const idx = new LineIndex(text);
  const messages = diagnostics.map((d): MessageResult => {
    const s = idx.position(d.range.start);
    const e = idx.position(d.range.end);
    const m: MessageResult = {
      ruleId: d.ruleId,
      severity: d.severity === 'error' ? 2 : 1,
      level: d.severity,
      message: localize(d.message, locale),
      line: s.line + 1,
      column: s.character + 1,
      endLine: e.line + 1,
      endColumn: e.character + 1,
    };
    if (d.fix && d.fix.edits.length) {
      const edits = [...d.fix.edits].sort((a, b) => a.range.start - b.range.start);
      const start = edits[0]!.range.start;
      const end = Math.max(...edits.map((x) => x.range.end));
      let out = '';
      let pos = start;
      for (const ed of edits) {
        out += text.slice(pos, ed.range.start) + ed.newText;
        pos = Math.max(pos, ed.range.end);
      }
      out += text.slice(pos, end);
      m.fix = { range: [start, end], text: out };
    }
    return m;
  });
  const count = (lvl: string, fixable = false) => messages.filter((m) => m.level === lvl && (!fixable || m.fix)).length;
  return {
    filePath,
    messages,
    errorCount: count('error'),
    warningCount: count('warning'),
    infoCount: count('info'),
    fixableErrorCount: count('error', true),
    fixableWarningCount: count('warning', true),
  };
}

/** How a path is shown to the user: relative to the working directory. */
export const displayPath = (p: string) => relative(process.cwd(), p) || p;
