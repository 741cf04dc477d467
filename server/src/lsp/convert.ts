/** Core diagnostics (UTF-16 offsets, bilingual) → LSP diagnostics (positions, one language). */
import {
  DiagnosticSeverity,
  type Diagnostic as LspDiagnostic,
  type Range as LspRange,
  type TextEdit as LspTextEdit,
} from 'vscode-languageserver/node';
import { localize, ruleDocsUrl, type Diagnostic, type LineIndex, type Locale, type Range, type Severity, type TextEdit } from '../core/index';

export const SOURCE = 'nianbao';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

export function toLspRange(index: LineIndex, r: Range): LspRange {
  return { start: index.position(r.start), end: index.position(r.end) };
}

export function toLspEdit(index: LineIndex, e: TextEdit): LspTextEdit {
  return { range: toLspRange(index, e.range), newText: e.newText };
}

export function toLspDiagnostic(d: Diagnostic, index: LineIndex, uri: string, locale: Locale): LspDiagnostic {
  const out: LspDiagnostic = {
    range: toLspRange(index, d.range),
    severity: SEVERITY[d.severity],
    code: d.ruleId,
    codeDescription: { href: ruleDocsUrl(d.ruleId) },
    source: SOURCE,
    message: localize(d.message, locale),
  };
  if (d.related?.length) {
    out.relatedInformation = d.related.map((r) => ({
      location: { uri, range: toLspRange(index, r.range) },
      message: localize(r.message, locale),
    }));
  }
  return out;
}

/** Whether two LSP ranges share at least a point (touching counts, as the cursor may sit at an end). */
export function rangesTouch(a: LspRange, b: LspRange): boolean {
  const before = (p: LspRange['start'], q: LspRange['start']) => p.line < q.line || (p.line === q.line && p.character < q.character);
  return !before(a.end, b.start) && !before(b.end, a.start);
}
