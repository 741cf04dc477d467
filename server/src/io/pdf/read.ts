/**
 * A PDF file → report text with a map from each line to its page. PDF.js (pdfjs-dist, bundled
 * apart as dist/vendor/pdfjs.js and loaded on first use) gives each page's positioned text and
 * its operator list, from which the ruling lines are taken; geometry.ts does the rest.
 * Never throws: a PDF that cannot be read is a message for that file, in both languages.
 */
import type { Msg } from '../../core/rule';
import { readPage, continues, joinCutCells, rowText, type Char, type Segment, type Table, type PageLine } from './geometry';

/** Reports run to tens of pages; a file of thousands is read up to here and said so. */
export const MAX_PAGES = 100;
/** Time for one file: past it the pages read so far are used and the rest said to be unread. */
export const MAX_SECONDS = 30;

export interface PdfText {
  text: string;
  /** The page (1-based) of each line of `text`. */
  linePages: number[];
  pages: number;
  warnings: Msg[];
}

export type PdfRead = ({ ok: true } & PdfText) | { ok: false; error: Msg };

/* The little of PDF.js used here, typed by hand (its own types pull in the DOM's). */
interface TextItem {
  str?: string;
  transform: number[];
  width: number;
  height: number;
}
interface PdfPage {
  view: number[];
  getViewport(o: { scale: number }): { transform: number[]; width: number; height: number };
  getTextContent(): Promise<{ items: TextItem[] }>;
  getOperatorList(): Promise<{ fnArray: number[]; argsArray: unknown[][] }>;
  cleanup(): void;
}
interface PdfDoc {
  numPages: number;
  getPage(n: number): Promise<PdfPage>;
  destroy(): Promise<void>;
}
interface Pdfjs {
  getDocument(o: object): { promise: Promise<PdfDoc>; destroy(): Promise<void> };
  OPS: Record<string, number>;
}

let pdfjs: Pdfjs | undefined;
export function load(): Pdfjs {
  if (pdfjs) return pdfjs;
  // PDF.js says on loading that it has no canvas (it needs none to read text): not for the user's stdout
  const log = console.log;
  console.log = () => {};
  try {
    // require, not import(): the CLI runs from a vm.Script, where import() is not available
    pdfjs = require('pdfjs') as Pdfjs;
  } finally {
    console.log = log;
  }
  return pdfjs;
}

/** `%PDF-` in the first kilobyte, where readers look for it. */
export function isPdfBytes(buf: Uint8Array): boolean {
  const head = Buffer.from(buf.buffer, buf.byteOffset, Math.min(buf.length, 1024)).toString('latin1');
  return head.includes('%PDF-');
}

const ERR = {
  password: { zh: 'PDF 已加密，需要密码才能打开，无法检查', en: 'the PDF is encrypted: it needs a password to open, so it cannot be checked' },
  broken: (m: string): Msg => ({ zh: `PDF 文件已损坏或不完整，无法读取（${m}）`, en: `the PDF is damaged or incomplete and cannot be read (${m})` }),
  scanned: (pages: number): Msg => ({
    zh: `PDF 没有文字层（共 ${pages} 页，可能是扫描件或图片），无法检查；请提供可复制文字的 PDF 或原文档，或先做文字识别（OCR）`,
    en: `the PDF has no text layer (${pages} page(s); probably scanned or images), so it cannot be checked; use a PDF with selectable text or the source document, or run OCR first`,
  }),
};

export async function readPdf(data: Uint8Array): Promise<PdfRead> {
  let lib: Pdfjs;
  try {
    lib = load();
  } catch (e) {
    return { ok: false, error: { zh: `无法加载 PDF 读取组件：${(e as Error).message}`, en: `cannot load the PDF reader: ${(e as Error).message}` } };
  }
  const task = lib.getDocument({
    data,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    isOffscreenCanvasSupported: false,
    // images are not read (a scanned page's would be decoded for nothing)
    maxImageSize: 1,
    stopAtErrors: false,
    verbosity: 0,
  });
  let doc: PdfDoc;
  try {
    doc = await task.promise;
  } catch (e) {
    await task.destroy().catch(() => {});
    const name = (e as Error)?.name;
    if (name === 'PasswordException') return { ok: false, error: ERR.password };
    return { ok: false, error: ERR.broken((e as Error)?.message ?? String(e)) };
  }
  try {
    return await readPages(doc, lib.OPS);
  } catch (e) {
    return { ok: false, error: ERR.broken((e as Error)?.message ?? String(e)) };
  } finally {
    await doc.destroy().catch(() => {});
  }
}

async function readPages(doc: PdfDoc, OPS: Record<string, number>): Promise<PdfRead> {
  const warnings: Msg[] = [];
  const pages = Math.min(doc.numPages, MAX_PAGES);
  if (doc.numPages > MAX_PAGES) {
    warnings.push({ zh: `PDF 共 ${doc.numPages} 页，只读取了前 ${MAX_PAGES} 页`, en: `the PDF has ${doc.numPages} pages; only the first ${MAX_PAGES} were read` });
  }
  const started = Date.now();
  const read: { lines: PageLine[]; tables: Table[]; page: number }[] = [];
  let chars = 0;
  for (let n = 1; n <= pages; n++) {
    if (Date.now() - started > MAX_SECONDS * 1000) {
      warnings.push({ zh: `PDF 读取超过 ${MAX_SECONDS} 秒，只读取了前 ${n - 1} 页`, en: `reading the PDF took over ${MAX_SECONDS} s; only the first ${n - 1} page(s) were read` });
      break;
    }
    let page: PdfPage;
    try {
      page = await doc.getPage(n);
    } catch (e) {
      warnings.push({ zh: `第 ${n} 页无法读取（${(e as Error).message}）`, en: `page ${n} cannot be read (${(e as Error).message})` });
      continue;
    }
    const vt = page.getViewport({ scale: 1 }).transform;
    const pageChars = charsOf((await page.getTextContent()).items, vt);
    chars += pageChars.filter((c) => c.ch !== ' ').length;
    // a page without text has no table to read: its drawing is not interpreted (a scanned page's image stays undecoded)
    const segments = pageChars.length ? segmentsOf(await page.getOperatorList(), OPS, vt) : [];
    read.push({ ...readPage(pageChars, segments), page: n });
    page.cleanup();
  }
  if (!chars) return { ok: false, error: ERR.scanned(doc.numPages) };
  return { ok: true, ...assemble(read), pages: doc.numPages, warnings };
}

/** The pages' lines in order, a table continued over a page break read as one. */
function assemble(pages: { lines: PageLine[]; tables: Table[]; page: number }[]): { text: string; linePages: number[] } {
  for (let i = 1; i < pages.length; i++) {
    const prev = pages[i - 1]!;
    const cur = pages[i]!;
    const lastItem = prev.lines[prev.lines.length - 1];
    const firstItem = cur.lines[0];
    if (lastItem?.table !== undefined && firstItem?.table !== undefined) {
      const a = prev.tables[lastItem.table]!;
      const b = cur.tables[firstItem.table]!;
      if (continues(a, b)) joinCutCells(a, b);
    }
  }
  const out: string[] = [];
  const linePages: number[] = [];
  for (const p of pages) {
    for (const item of p.lines) {
      const lines = item.table === undefined ? [item.text] : tableLines(p.tables[item.table]!);
      for (const l of lines) {
        out.push(l);
        linePages.push(p.page);
      }
    }
  }
  return { text: out.join('\n') + '\n', linePages: [...linePages, linePages[linePages.length - 1] ?? 1] };
}

/** A table's rows, the empty cells before a row's first text left out (the rest of a cut cell, a merged label's column). */
function tableLines(t: Table): string[] {
  return t.rows
    .map((row) => {
      const first = row.findIndex((c) => c.text);
      return first < 0 ? '' : rowText(row.slice(first));
    })
    .filter((l) => l);
}

/** Text items → one box per character (an item's width shared out evenly), top-down. */
export function charsOf(items: readonly TextItem[], vt: number[]): Char[] {
  const out: Char[] = [];
  for (const it of items) {
    const s = it.str;
    if (!s || !s.trim()) continue;
    const [a, b, c, d, e, f] = it.transform as [number, number, number, number, number, number];
    const size = Math.hypot(c, d) || Math.hypot(a, b) || it.height || 1;
    const [x, y] = apply(vt, e, f);
    const glyphs = [...s];
    const w = (it.width || size * glyphs.length) / glyphs.length;
    // spaces are kept: in ASCII text they are the only word breaks
    glyphs.forEach((ch, i) => out.push({ ch: ch.trim() ? ch : ' ', x0: x + i * w, x1: x + (i + 1) * w, y, size }));
  }
  return out;
}

function apply(m: number[], x: number, y: number): [number, number] {
  return [m[0]! * x + m[2]! * y + m[4]!, m[1]! * x + m[3]! * y + m[5]!];
}

function multiply(m: number[], n: number[]): number[] {
  return [
    m[0]! * n[0]! + m[2]! * n[1]!,
    m[1]! * n[0]! + m[3]! * n[1]!,
    m[0]! * n[2]! + m[2]! * n[3]!,
    m[1]! * n[2]! + m[3]! * n[3]!,
    m[0]! * n[4]! + m[2]! * n[5]! + m[4]!,
    m[1]! * n[4]! + m[3]! * n[5]! + m[5]!,
  ];
}

/**
 * The ruling lines of a page from its operator list: the path of each `constructPath` under the
 * current transformation (save/restore/transform followed), kept when it is painted — every
 * stroked straight line, and filled rectangles thin enough to be a line. Clipping paths are not
 * drawn and are left out.
 */
export function segmentsOf(list: { fnArray: number[]; argsArray: unknown[][] }, OPS: Record<string, number>, vt: number[]): Segment[] {
  const STROKES = new Set([OPS.stroke, OPS.closeStroke, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke]);
  const FILLS = new Set([OPS.fill, OPS.eoFill]);
  const out: Segment[] = [];
  let ctm = [1, 0, 0, 1, 0, 0];
  const stack: number[][] = [];
  let pending: { lines: Segment[]; rects: Segment[] } | undefined;
  for (let i = 0; i < list.fnArray.length; i++) {
    const fn = list.fnArray[i];
    const args = list.argsArray[i];
    if (fn === OPS.save) stack.push(ctm);
    else if (fn === OPS.restore) ctm = stack.pop() ?? ctm;
    else if (fn === OPS.transform) ctm = multiply(ctm, args as number[]);
    else if (fn === OPS.constructPath) pending = pathOf(args as [number[], number[]], OPS, multiply(vt, ctm));
    else if (pending && STROKES.has(fn!)) {
      // a loop, not push(...): a path of a million lines would overflow the arguments
      for (const l of pending.lines) out.push(l);
      for (const r of pending.rects) for (const side of sides(r)) out.push(side);
      pending = undefined;
    } else if (pending && FILLS.has(fn!)) {
      for (const r of pending.rects) if (Math.min(Math.abs(r.x1 - r.x0), Math.abs(r.y1 - r.y0)) <= 2) out.push(thin(r));
      pending = undefined;
    } else if (fn === OPS.endPath) pending = undefined;
  }
  return out;
}

/** A path's straight lines and rectangles, in page coordinates. Curves are no ruling. */
function pathOf([ops, coords]: [number[], number[]], OPS: Record<string, number>, m: number[]): { lines: Segment[]; rects: Segment[] } {
  const lines: Segment[] = [];
  const rects: Segment[] = [];
  let j = 0;
  let cur: [number, number] | undefined;
  let start: [number, number] | undefined;
  for (const op of ops) {
    if (op === OPS.moveTo) {
      cur = start = apply(m, coords[j]!, coords[j + 1]!);
      j += 2;
    } else if (op === OPS.lineTo) {
      const p = apply(m, coords[j]!, coords[j + 1]!);
      if (cur) lines.push({ x0: cur[0], y0: cur[1], x1: p[0], y1: p[1] });
      cur = p;
      j += 2;
    } else if (op === OPS.rectangle) {
      const [x, y, w, h] = [coords[j]!, coords[j + 1]!, coords[j + 2]!, coords[j + 3]!];
      const p = apply(m, x, y);
      const q = apply(m, x + w, y + h);
      rects.push({ x0: Math.min(p[0], q[0]), y0: Math.min(p[1], q[1]), x1: Math.max(p[0], q[0]), y1: Math.max(p[1], q[1]) });
      cur = start = p;
      j += 4;
    } else if (op === OPS.curveTo) {
      cur = apply(m, coords[j + 4]!, coords[j + 5]!);
      j += 6;
    } else if (op === OPS.curveTo2 || op === OPS.curveTo3) {
      cur = apply(m, coords[j + 2]!, coords[j + 3]!);
      j += 4;
    } else if (op === OPS.closePath) {
      if (cur && start) lines.push({ x0: cur[0], y0: cur[1], x1: start[0], y1: start[1] });
      cur = start;
    }
  }
  return { lines, rects };
}

const sides = (r: Segment): Segment[] => [
  { x0: r.x0, y0: r.y0, x1: r.x1, y1: r.y0 },
  { x0: r.x0, y0: r.y1, x1: r.x1, y1: r.y1 },
  { x0: r.x0, y0: r.y0, x1: r.x0, y1: r.y1 },
  { x0: r.x1, y0: r.y0, x1: r.x1, y1: r.y1 },
];

/** A thin filled rectangle as the line it draws. */
const thin = (r: Segment): Segment =>
  r.x1 - r.x0 >= r.y1 - r.y0 ? { x0: r.x0, y0: (r.y0 + r.y1) / 2, x1: r.x1, y1: (r.y0 + r.y1) / 2 } : { x0: (r.x0 + r.x1) / 2, y0: r.y0, x1: (r.x0 + r.x1) / 2, y1: r.y1 };
