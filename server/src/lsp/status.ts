/** The custom request `nianbao/status`: what the status bar shows for a document. */
import { RequestType } from 'vscode-languageserver/node';
import type { DocState } from './linter';

export interface StatusParams {
  uri: string;
}

export interface Status {
  /** Format version the report follows (`2021`, `2019` …), or null when the document is not linted. */
  format: string | null;
  errors: number;
  warnings: number;
}

export const StatusRequest = new RequestType<StatusParams, Status | null, void>('nianbao/status');

export function status(state: DocState | undefined): Status | null {
  if (!state) return null;
  if (!state.result) return { format: null, errors: 0, warnings: 0 };
  let errors = 0;
  let warnings = 0;
  for (const d of state.result.diagnostics) {
    if (d.severity === 'error') errors++;
    else if (d.severity === 'warning') warnings++;
  }
  return { format: state.result.report.format, errors, warnings };
}
