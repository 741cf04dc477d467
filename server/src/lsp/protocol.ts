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

export interface ExtractPdfParams {
  /** A `file:` URI of a PDF. */
  uri: string;
}

/** The text a PDF is checked as, with each line's page; or why it cannot be read, in both languages. */
export type ExtractPdfResult = { text: string; linePages: number[]; warnings: { zh: string; en: string }[] } | { error: { zh: string; en: string } };

/**
 * `nianbao/extractPdf`: the server reads the PDF (the client bundles no PDF code) and the
 * client shows the text as a read-only document, which is then linted like any report.
 */
export const ExtractPdfRequest = new RequestType<ExtractPdfParams, ExtractPdfResult, void>('nianbao/extractPdf');
