/** Core diagnostics (UTF-16 offsets, bilingual) → LSP diagnostics (positions, one language). */
import {
  DiagnosticSeverity,
  type Diagnostic as LspDiagnostic,
  type Range as LspRange,
  type TextEdit as LspTextEdit,
} from 'vscode-languageserver/node';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { localize, ruleDocsUrl, type Diagnostic, type LineIndex, type Locale, type Range, type Severity, type TextEdit } from '../core/index';

export const SOURCE = 'nianbao';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

let shippedDocs: string | undefined | null = null;

/**
 * A rule's page. The extension ships docs/rules/ beside dist/server.js: a file: link opens the
 * page in the editor itself (in every client, offline too; no command link to trust). Without
 * the copy (the server run from its sources) the page on the web.
 */
export function ruleDocsHref(id: string): string {
  if (shippedDocs === null) {
    const dir = typeof __dirname === 'string' ? join(__dirname, '..', 'docs', 'rules') : undefined;
    shippedDocs = dir && existsSync(dir) ? pathToFileURL(dir).href : undefined;
  }
  return shippedDocs ? `${shippedDocs}/${id}.md` : ruleDocsUrl(id);
}

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
    codeDescription: { href: ruleDocsHref(d.ruleId) },
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
