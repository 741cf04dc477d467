/**
 * The custom requests between the extension and the server, typed once and imported by both
 * sides (server/src/lsp and client/src): method name, params and result in one place.
 */
import { RequestType } from 'vscode-jsonrpc';

export interface StatusParams {
  uri: string;
}

/** What the status bar shows for a document. */
export interface Status {
  /** Format version the report follows (`2021`, `2019` …), or null when the document is not linted. */
  format: string | null;
  errors: number;
  warnings: number;
}

/** `nianbao/status`: null for a document the server does not have open. */
export const StatusRequest = new RequestType<StatusParams, Status | null, void>('nianbao/status');
