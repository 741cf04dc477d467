/** Inlay hints: after a total cell whose sum is wrong, the sum it should have (`= 3`). */
import { InlayHintKind, type InlayHint, type Range as LspRange } from 'vscode-languageserver/node';
import type { DocState } from './linter';

export function inlayHints(state: DocState, range: LspRange): InlayHint[] {
  if (!state.result || !state.docConfig.settings.inlayHints) return [];
  const out: InlayHint[] = [];
  const from = state.index.offset(range.start.line, range.start.character);
  const to = state.index.offset(range.end.line, range.end.character);
  for (const d of state.result.diagnostics) {
    if (!d.hint || d.range.end < from || d.range.end > to) continue;
    out.push({ position: state.index.position(d.range.end), label: d.hint, kind: InlayHintKind.Parameter, paddingLeft: true });
  }
  return out;
}
