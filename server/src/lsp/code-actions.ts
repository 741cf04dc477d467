/**
 * Code actions: each fixable diagnostic's quick fix, "fix all of this rule" when a rule has
 * several, and source.fixAll.nianbao (minimal non-overlapping edits from the core's
 * fixAllEdits). Edits name the document version they were computed for, so a client never
 * applies them to a changed text.
 */
import { CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic as LspDiagnostic, type WorkspaceEdit } from 'vscode-languageserver/node';
import { z } from 'zod';
import { fixAllEdits, localize, suppressionKey, type Diagnostic, type TextEdit } from '../core/index';
import { rangesTouch, toLspDiagnostic, toLspEdit } from './convert';
import type { DocState } from './linter';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.nianbao`;

/** workspace/executeCommand: record one problem in the workspace's .nianbao-suppressions.json. */
export const SUPPRESS_COMMAND = 'nianbao.suppressProblem';
export const suppressArgs = z.object({ uri: z.string(), rule: z.string().min(1), text: z.string(), context: z.string() }).strict();
export type SuppressArgs = z.infer<typeof suppressArgs>;

export interface EditSupport {
  /** The client takes versioned documentChanges (checked against its own version). */
  documentChanges: boolean;
}

export function workspaceEdit(state: DocState, edits: readonly TextEdit[], support: EditSupport): WorkspaceEdit {
  const lspEdits = edits.map((e) => toLspEdit(state.index, e));
  if (support.documentChanges) return { documentChanges: [{ textDocument: { uri: state.uri, version: state.version }, edits: lspEdits }] };
  return { changes: { [state.uri]: lspEdits } };
}

/** Whether the request asks for actions of `kind` (no `only` means every kind). */
function wants(only: string[] | undefined, kind: string): boolean {
  return !only || only.some((o) => kind === o || kind.startsWith(`${o}.`));
}

export function codeActions(state: DocState, params: CodeActionParams, support: EditSupport): CodeAction[] {
  const result = state.result;
  if (!result) return [];
  const { locale } = state.docConfig;
  const only = params.context.only;
  const actions: CodeAction[] = [];
  const lsp = (d: Diagnostic): LspDiagnostic => toLspDiagnostic(d, state.index, state.uri, locale);

  if (wants(only, CodeActionKind.QuickFix)) {
    const here = result.diagnostics.filter((d) => d.fix && d.fix.edits.length && rangesTouch(lsp(d).range, params.range));
    const doneRules = new Set<string>();
    for (const d of here) {
      actions.push({
        title: localize(d.fix!.title, locale),
        kind: CodeActionKind.QuickFix,
        diagnostics: [lsp(d)],
        isPreferred: d.fix!.safe,
        edit: workspaceEdit(state, d.fix!.edits, support),
      });
      if (doneRules.has(d.ruleId)) continue;
      doneRules.add(d.ruleId);
      const sameRule = result.diagnostics.filter((x) => x.ruleId === d.ruleId && x.fix?.safe && x.fix.edits.length);
      if (sameRule.length > 1) {
        const edits = fixAllEdits(result.diagnostics, { onlyRule: d.ruleId });
        actions.push({
          title: locale === 'en' ? `Fix all ${d.ruleId} problems (${sameRule.length})` : `修复全部 ${d.ruleId} 问题（${sameRule.length} 处）`,
          kind: CodeActionKind.QuickFix,
          diagnostics: sameRule.map(lsp),
          edit: workspaceEdit(state, edits, support),
        });
      }
    }
  }

  // 忽略此问题: any problem of a file in a workspace folder (the suppressions file lives at its root)
  if (wants(only, CodeActionKind.QuickFix) && state.docConfig.suppressions) {
    for (const d of result.diagnostics) {
      const diagnostic = lsp(d);
      if (!rangesTouch(diagnostic.range, params.range)) continue;
      const title = locale === 'en' ? `Ignore this problem (${d.ruleId})` : `忽略此问题（${d.ruleId}）`;
      const args: SuppressArgs = { uri: state.uri, ...suppressionKey(state.text, d) };
      actions.push({ title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], command: { title, command: SUPPRESS_COMMAND, arguments: [args] } });
    }
  }

  // source.fixAll.nianbao answers both `source.fixAll` (codeActionsOnSave) and our own kind
  if (wants(only, FIX_ALL_KIND)) {
    const edits = fixAllEdits(result.diagnostics);
    if (edits.length) {
      actions.push({
        title: locale === 'en' ? 'Fix all auto-fixable nianbao problems' : '修复全部可自动修复的年报问题',
        kind: FIX_ALL_KIND,
        edit: workspaceEdit(state, edits, support),
      });
    }
  }
  return actions;
}
