/**
 * Word (.docx) and web pages (.html/.htm), which is what reports are written and published as.
 * A .docx becomes HTML (mammoth keeps its tables), which the parser reads like any web page;
 * positions are described as paragraph / table row and column for the user.
 */
import { readFileSync, statSync } from 'node:fs';
import { extname } from 'node:path';
import type { Msg } from '../core/rule';
import { readReportFile, type ReadResult } from './files';
import type mammothModule from 'mammoth';

export const DOCUMENT_EXTENSIONS = ['.docx', '.html', '.htm'];

export function isDocument(path: string): boolean {
  return DOCUMENT_EXTENSIONS.includes(extname(path).toLowerCase());
}

/** A report file as `check` and `summary` both read it: Word converted to HTML, anything else decoded as text. */
export async function readAnyReport(path: string, maxBytes: number): Promise<ReadResult> {
  return /\.docx$/i.test(path) ? readDocx(path, maxBytes) : readReportFile(path, maxBytes);
}

export async function readDocx(path: string, maxBytes = 50 * 1024 * 1024): Promise<ReadResult> {
  try {
    if (statSync(path).size > maxBytes) {
      const mb = Math.round(maxBytes / 1024 / 1024);
      return { ok: false, error: { zh: `已跳过：文件大于 ${mb} MB`, en: `skipped: larger than ${mb} MB` } };
    }
    const buf = readFileSync(path);
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
