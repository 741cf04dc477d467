/**
 * The custom requests between the extension and the server, typed once and imported by both
 * sides (server/src/lsp and client/src): method name, params and result in one place.
 * Only types come from the core here (`import type` is erased): the client bundles no linter code.
 */
import { RequestType } from 'vscode-jsonrpc';
import type { Locale, Severity } from '../core/rule';
import type { Sheet, Summary } from '../core/summary/index';

export interface StatusParams {
  uri: string;
}

/** What the status bar shows for a document. */
export interface Status {
  /** Format version the report follows (`2021`, `2019` …), or null when the document is not linted. */
  format: string | null;
  errors: number;
  warnings: number;
  /** The document's message language (setting, else `.nianbaorc.json`, else Chinese): the status bar speaks it too. */
  locale: Locale;
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
/** What `nianbao/summary` can render besides the data: the texts the panel copies and saves. */
export type SummaryExportFormat = 'md' | 'tsv' | 'csv' | 'xlsx';

/** One report open in the editor (`uri`), or every report under some folders (`folders`, file URIs). */
export type SummaryParams = ({ uri: string; folders?: undefined } | { folders: string[]; uri?: undefined }) & {
  /** Also render the summary in this format (in the result's `export`). */
  export?: SummaryExportFormat;
};

/** A 0-based LSP position range. */
export interface PlaceRange {
  start: { line: number; character: number };
  end: { line: number; character: number };
}

/** The problems on one line of one report (a summary lists problems by place: report → line). */
export interface ProblemLine {
  /** 1-based, as people count lines. */
  line: number;
  /** The first problem's range on the line, in LSP positions (opens the file there). */
  range: PlaceRange;
  /** The same as UTF-16 offsets into the text the summary was made from (for a report open in the editor). */
  offsets: { start: number; end: number };
  items: { ruleId: string; severity: Severity; message: string; range: PlaceRange; offsets: { start: number; end: number } }[];
}

export interface ProblemPlace {
  /** As shown: relative to the workspace folder when it is under one. */
  file: string;
  uri: string;
  lines: ProblemLine[];
}

export interface SummaryResult {
  kind: Summary['kind'];
  /** The language of the sheets, the places' messages and the export. */
  locale: Locale;
  /** For one open report: the document version the offsets refer to. */
  version?: number;
  summary: Summary;
  /** The summary as sheets in `locale` (tables, checks, roster …), as the CLI's outputs draw it. */
  sheets: Sheet[];
  /** Problems by report, then by line. */
  places: ProblemPlace[];
  /** When asked: the rendered text (`utf8`) or workbook (`base64`). */
  export?: { format: SummaryExportFormat; encoding: 'utf8' | 'base64'; data: string };
}

/** `nianbao/summary`: null for a document the server does not have open. */
export const SummaryRequest = new RequestType<SummaryParams, SummaryResult | null, void>('nianbao/summary');
