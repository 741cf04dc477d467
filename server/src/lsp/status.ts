/** Answers `nianbao/status` (see protocol.ts): what the status bar shows for a document. */
import type { DocState } from './linter';
import type { Status } from './protocol';

export { StatusRequest, type Status, type StatusParams } from './protocol';

export function status(state: DocState | undefined): Status | null {
  if (!state) return null;
  if (!state.result) return { format: null, errors: 0, warnings: 0, locale: state.docConfig.locale };
  let errors = 0;
  let warnings = 0;
  for (const d of state.result.diagnostics) {
    if (d.severity === 'error') errors++;
    else if (d.severity === 'warning') warnings++;
  }
  return { format: state.result.report.format, errors, warnings, locale: state.docConfig.locale };
}
