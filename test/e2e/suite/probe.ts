/**
 * Self-check of the in-host harness with the throwaway probe extension
 * (test/e2e/fixtures/probe-extension): diagnostics and a code action through the real `vscode` API.
 * NIANBAO_E2E_PROBE_FAIL adds a failing test, to show a failure reaches the driver outside.
 */
import * as vscode from 'vscode';
import assert from 'node:assert/strict';
import { runAll, test, waitFor } from './harness';

test('the probe extension flags 本年度止件数 and fixes it through a code action', async () => {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'a workspace folder is open');
  const uri = vscode.Uri.joinPath(folder.uri, 'a.txt');
  const doc = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(doc);
  const diag = await waitFor('the probe diagnostic', () => vscode.languages.getDiagnostics(uri).find((d) => d.code === 'probe-typo'));
  assert.equal(doc.getText(diag.range), '本年度止件数');
  const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, diag.range, vscode.CodeActionKind.QuickFix.value);
  const fix = actions.find((a) => a.edit);
  assert.ok(fix, 'a quick fix with an edit');
  assert.ok(await vscode.workspace.applyEdit(fix.edit!));
  assert.equal(doc.getText(diag.range), '本年废止件数');
});

if (process.env.NIANBAO_E2E_PROBE_FAIL) {
  test('deliberately failing', () => assert.equal(1, 2));
}

export function run(): Promise<void> {
  return runAll();
}
