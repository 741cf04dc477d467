/**
 * The report model: what the parser reads out of a report's text.
 *
 * Every label and every cell carries its exact source range (UTF-16 offsets into the text
 * the parser was given, end exclusive), so a diagnostic can point at the very cell.
 * Invariant: nothing here knows about LSP or about text layouts.
 */

/** Half-open UTF-16 offset range [start, end) into the report text. */
export interface Range {
  start: number;
  end: number;
}

export type FormatVersion = '2021' | '2019' | 'pre2019' | 'unknown';

/** A piece of source text with its range. */
export interface Span {
  text: string;
  range: Range;
}

/** A label as written in the report, matched to a template label. */
export interface Label extends Span {
  /** The template's standard wording of this label. */
  standard: string;
  /** True when the written label (ignoring spacing, line breaks and punctuation width) is the standard one. */
  exact: boolean;
}

/**
 * One numeric cell of a table.
 * `value` is null when the cell is not a valid number (blank, `/`, `-`, `无`, letter O …).
 */
export interface Cell {
  /** Source text of the cell; empty for a blank cell. */
  raw: string;
  /** Where the cell is; for a blank cell an empty range where the value belongs. */
  range: Range;
  value: number | null;
  /** number: a valid count (or amount); blank: nothing written; invalid: something that is not a number. */
  kind: 'number' | 'blank' | 'invalid';
  /** Set when the cell was recovered from digits run together (`801000081`). */
  recovered?: boolean;
  /** A unit written in the cell after the number (`1288件`): the number is read, the unit is not allowed. */
  unit?: Span;
}

export interface TableRow {
  /** Template row key, e.g. `三.3.1` or `20.1/regulations`. */
  key: string;
  label: Label;
  /** Cells in template column order; `undefined` where the table has no cell at all for a column. */
  cells: (Cell | undefined)[];
}

/** Where a table could not be read unambiguously. */
export interface Unreadable {
  range: Range;
  reason: { zh: string; en: string };
}

/** Digits run together that can be read in several ways, each consistent with the relations: listed, never guessed. */
export interface Ambiguity {
  range: Range;
  /** The row (or table) they belong to, for the message. */
  where: { zh: string; en: string };
  /** Each reading: the row's cell values in column order. */
  readings: number[][];
}

export interface TableBase {
  /** The whole region the parser read as this table. */
  range: Range;
  /** Rows whose run-together digits admit several consistent readings (solve.ts); their cells are left empty. */
  ambiguous?: Ambiguity[];
  /** Standard labels whose rows were not found, by template key. */
  missingRows: string[];
  /** Regions with numbers the parser could not assign to cells. */
  unreadable: Unreadable[];
  /** Column header labels found (for typo checks), in document order. */
  columnLabels: Label[];
}

/** 表二 主动公开政府信息情况: blocks by 第二十条 item. */
export interface PublicityTable extends TableBase {
  blocks: PublicityBlock[];
  /** Template block keys not found. */
  missingBlocks: string[];
}

export interface PublicityBlock {
  key: string;
  label: Label;
  columns: string[];
  rows: TableRow[];
}

/** 表三 收到和处理政府信息公开申请情况: 7 columns × the template's data rows. */
export interface RequestsTable extends TableBase {
  /** Data rows found, in template order. */
  rows: TableRow[];
  /** Column keys in order (自然人 … 总计). */
  columns: string[];
  /** Row-group labels found (三、本年度办理结果, （三）不予公开 …; for typo checks). */
  groupLabels: Label[];
  /** Sub-rows also written under a group row with values (（六）其他处理): left out, the group row stands for them. */
  itemsUnderGroup?: string[];
}

/** 表四 政府信息公开行政复议、行政诉讼情况: one row of 15 cells, in three groups of five. */
export interface ReviewLitigationTable extends TableBase {
  cells: (Cell | undefined)[];
}

export interface Heading extends Span {
  /** Nesting level: 1 = 一、, 2 = （一）, 3 = 1., 4 = （1） */
  level: number;
  /** The numeral as written, e.g. `一`, `（二）`, `3.` */
  marker: string;
}

export interface Section {
  /** 1–6, as numbered by the standard format. */
  number: number;
  heading: Label;
  /** The body of the section: from the end of its heading line to the next section heading. */
  body: Range;
  subheadings: Heading[];
}

/** A block of prose text outside the tables (one source line or paragraph). */
export interface Paragraph extends Span {
  /** The section the paragraph belongs to (1–6), or 0 before section 一. */
  section: number;
}

export interface Report {
  /** The text the rules read: the input as given; for a web page its markup masked as spaces (same offsets). */
  text: string;
  /** A web page only: the page as written (`text` masks its markup). A fix that adds markup reads it. */
  source?: string;
  /** A web page only: source ranges of its tags and comments (start, end, …, ascending); no diagnostic points into one. */
  markup?: Int32Array;
  format: FormatVersion;
  /** Why the format was chosen (labels that decided it). */
  formatEvidence: string[];
  title?: Span;
  agency?: Span;
  /** The report year (the year being reported on). */
  year?: { value: number; range: Range };
  /** The statistics period statement (统计期限 …), if present. */
  period?: { range: Range; startYear?: number; endYear?: number };
  /** The date line (落款日期) at the end, if present; `range` covers the date only. */
  dateLine?: {
    range: Range;
    year: number;
    month: number;
    day: number;
    /** The signing agency (落款单位) on the line above the date or before it on the same line. */
    signer?: Span;
  };
  /** Section headings found, in document order (may be duplicated or out of order). */
  sections: Section[];
  table2?: PublicityTable;
  table3?: RequestsTable;
  table4?: ReviewLitigationTable;
  /** Prose outside tables, in document order. */
  paragraphs: Paragraph[];
  /** Ranges occupied by tables (prose rules skip these). */
  tableRanges: Range[];
  /**
   * Flattened text only (a crawled page on one line): source offsets, ascending, where the
   * parser began a line that has no line feed in the source (parse/relayout.ts). Rules that
   * speak of lines use `logical-lines.ts`, which counts these as line starts.
   */
  virtualBreaks?: number[];
  /** Web-page chrome around the report (当前位置、打印本页 …) that the parser passed over, ascending. */
  pageChrome?: Range[];
}
