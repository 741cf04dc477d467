/** The summary-table commands (issue 5) register here; filled by the summary work. */
import type * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';

export function registerSummaryCommands(_context: vscode.ExtensionContext, _client: LanguageClient): void {
  // intentionally empty until the summary commands land
}
