/**
 * Word (.docx) and web pages (.html/.htm), which is what reports are written and published as.
 * A .docx becomes HTML (mammoth keeps its tables), which the parser reads like any web page;
 * positions are described as paragraph / table row and column for the user.
 */
import { readFileSync, statSync } from 'node:fs';
import { extname } from 'node:path';
import type { Msg } from '../core/rule';
import { decode, readReportFile, type ReadResult } from './files';
import { isPdfBytes, readPdf } from './pdf/read';
import { zipTooLarge } from './zip-guard';
import type mammothModule from 'mammoth';

export const DOCUMENT_EXTENSIONS = ['.docx', '.html', '.htm', '.pdf'];

export function isDocument(path: string): boolean {
  return DOCUMENT_EXTENSIONS.includes(extname(path).toLowerCase());
}

/** A report file as `check` and `summary` both read it: Word converted to HTML, PDF to text with its pages, anything else decoded as text. */
export async function readAnyReport(path: string, maxBytes: number): Promise<ReadResult> {
  if (/\.docx$/i.test(path)) return readDocx(path, maxBytes);
  if (/\.pdf$/i.test(path)) return readPdfFile(path, maxBytes);
  const r = readReportFile(path, maxBytes);
  if (r.ok && /\.html?$/i.test(path)) {
    const depth = nestingDepth(r.text);
    if (depth > MAX_HTML_DEPTH) {
      r.warnings.push({
        zh: `网页元素嵌套深达 ${depth} 层（正常网页不过几十层），已只按其中的文字检查`,
        en: `the page's elements are nested ${depth} deep (a normal page has tens), so only its text was checked`,
      });
    }
  }
  return r;
}

/** Deeper than this, a web page is not one an agency published (a report page nests tens deep). */
const MAX_HTML_DEPTH = 1000;

/** The deepest nesting of elements, in one pass over the tags (no tree built: it cannot overflow). */
export function nestingDepth(html: string): number {
  let depth = 0;
  let max = 0;
  const VOID = /^(?:area|base|br|col|embed|hr|img|input|link|meta|source|track|wbr|p|li|td|th|tr|option)$/i;
  for (const m of html.matchAll(/<(\/?)([a-zA-Z][a-zA-Z0-9-]*)[^>]*?(\/?)>/g)) {
    // elements whose end tag may be left out are not counted: only containers can nest without bound unnoticed
    if (VOID.test(m[2]!) || m[3]) continue;
    if (m[1]) depth = Math.max(0, depth - 1);
    else if (++depth > max) max = depth;
  }
  return max;
}

/** A `.pdf` by its content: a PDF is read as one, a text file so named as text (and said so), anything else refused. */
export async function readPdfFile(path: string, maxBytes = 50 * 1024 * 1024): Promise<ReadResult> {
  let buf: Buffer;
  try {
    if (statSync(path).size > maxBytes) return tooLarge(maxBytes);
    buf = readFileSync(path);
  } catch (e) {
    return { ok: false, error: { zh: `无法读取：${(e as Error).message}`, en: `cannot read: ${(e as Error).message}` } };
  }
  // an empty file is the empty text it is (`check` says 空文件)
  if (!buf.length) return decode(buf);
  if (!isPdfBytes(buf)) {
    const text = decode(buf);
    if (!text.ok || !text.text.trim()) return { ok: false, error: { zh: '不是 PDF 文件（扩展名是 .pdf，内容不是）', en: 'not a PDF file (named .pdf, but its content is not PDF)' } };
    text.warnings.unshift({ zh: '扩展名是 .pdf，内容却是文本：已按文本检查', en: 'named .pdf but its content is text: checked as text' });
    return text;
  }
  const r = await readPdf(new Uint8Array(buf.buffer, buf.byteOffset, buf.length));
  if (!r.ok) return r;
  return { ok: true, text: r.text, bom: false, encoding: 'pdf', warnings: r.warnings, linePages: r.linePages };
}

function tooLarge(maxBytes: number): ReadResult {
  const mb = Math.round(maxBytes / 1024 / 1024);
  return { ok: false, error: { zh: `已跳过：文件大于 ${mb} MB`, en: `skipped: larger than ${mb} MB` } };
}

/**
 * What a Word file's parts may add up to once inflated. A report's are a few megabytes; mammoth
 * holds about fourteen times the XML in memory (400 MB of XML took 5.7 GB), so this keeps a
 * file well under 1 GB.
 */
export const DOCX_MAX_INFLATED = 64 * 1024 * 1024;

export async function readDocx(path: string, maxBytes = 50 * 1024 * 1024): Promise<ReadResult> {
  try {
    if (statSync(path).size > maxBytes) return tooLarge(maxBytes);
    const buf = readFileSync(path);
    // a zip's own directory says how large its parts become: refused before anything is inflated
    const bomb = zipTooLarge(buf, DOCX_MAX_INFLATED);
    if (bomb) return { ok: false, error: bomb };
    // loaded on first use: only .docx input needs it, and it is large
    // (require, not import(): the CLI runs from a vm.Script with a code cache, where import() is not available)
    const mammoth = require('mammoth') as typeof mammothModule;
    const r = await mammoth.convertToHtml({ buffer: buf });
    // one block element per line keeps the source positions readable and the parser's lines intact
    const html = r.value.replace(/(<\/(p|h[1-6]|tr|li|table)>)/g, '$1\n');
    return { ok: true, text: html, bom: false, encoding: 'docx', warnings: [] };
  } catch (e) {
    return { ok: false, error: { zh: `无法读取 Word 文件：${(e as Error).message}`, en: `cannot read the Word file: ${(e as Error).message}` } };
  }
}

/** "段落 3" / "表 2 第 5 行第 3 列" for an offset in HTML text. */
export function describeHtmlOffset(html: string, offset: number): Msg {
  const before = html.slice(0, offset);
  const tables = count(before, /<table\b/gi);
  const lastTable = before.toLowerCase().lastIndexOf('<table');
  const lastTableEnd = before.toLowerCase().lastIndexOf('</table>');
  if (lastTable >= 0 && lastTable > lastTableEnd) {
    const inTable = before.slice(lastTable);
    const row = count(inTable, /<tr\b/gi);
    const lastRow = inTable.toLowerCase().lastIndexOf('<tr');
    const col = count(inTable.slice(Math.max(0, lastRow)), /<t[dh]\b/gi);
    return { zh: `表 ${tables} 第 ${row} 行第 ${col} 列`, en: `table ${tables}, row ${row}, column ${col}` };
  }
  const para = count(before, /<(p|h[1-6]|li)\b/gi);
  return { zh: `段落 ${Math.max(1, para)}`, en: `paragraph ${Math.max(1, para)}` };
}

function count(s: string, re: RegExp): number {
  return (s.match(re) ?? []).length;
}
