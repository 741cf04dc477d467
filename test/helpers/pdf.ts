/** Test PDFs made by code (pdf-lib): text pages, a page with only an image (a "scan"), a ruled table. */
import { PDFDocument, StandardFonts, rgb } from 'pdf-lib';

/** Pages of ASCII text (the standard fonts have no Chinese), `lines` per page. */
export async function textPdf(pages: string[][]): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (const lines of pages) {
    const page = doc.addPage([595, 842]);
    lines.forEach((l, i) => page.drawText(l, { x: 72, y: 770 - i * 16, size: 11, font }));
  }
  return doc.save();
}

/** A table of ASCII cells drawn with ruling lines, as report PDFs draw theirs; the first column's labels wrap. */
export async function ruledTablePdf(rows: string[][], colWidth = 70, rowHeight = 30): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const page = doc.addPage([595, 842]);
  const x0 = 60;
  const top = 780;
  const cols = Math.max(...rows.map((r) => r.length));
  for (let r = 0; r <= rows.length; r++) page.drawLine({ start: { x: x0, y: top - r * rowHeight }, end: { x: x0 + cols * colWidth, y: top - r * rowHeight }, thickness: 0.5, color: rgb(0, 0, 0) });
  for (let c = 0; c <= cols; c++) page.drawLine({ start: { x: x0 + c * colWidth, y: top }, end: { x: x0 + c * colWidth, y: top - rows.length * rowHeight }, thickness: 0.5, color: rgb(0, 0, 0) });
  rows.forEach((row, r) =>
    row.forEach((cell, c) => {
      // a cell's text wraps at its width, one word a line, as a narrow cell wraps a label
      cell.split('\n').forEach((part, k) => page.drawText(part, { x: x0 + c * colWidth + 3, y: top - r * rowHeight - 11 - k * 10, size: 8, font }));
    }),
  );
  return doc.save();
}

/** A page holding only an image: what a scanner makes. */
export async function imageOnlyPdf(pages = 2): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  // a 1×1 grey PNG
  const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR4nGNoAAAAggCBd81ytgAAAABJRU5ErkJggg==', 'base64');
  const img = await doc.embedPng(png);
  for (let i = 0; i < pages; i++) doc.addPage([595, 842]).drawImage(img, { x: 0, y: 0, width: 595, height: 842 });
  return doc.save();
}

/** A page crossed by `n` horizontal and `n` vertical lines (a drawing, not a table) with a line of text. */
export async function gridDrawingPdf(n: number): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const page = doc.addPage([595, 842]);
  for (let i = 0; i < n; i++) {
    page.drawLine({ start: { x: 10, y: 10 + (i * 820) / n }, end: { x: 585, y: 10 + (i * 820) / n }, thickness: 0.1 });
    page.drawLine({ start: { x: 10 + (i * 575) / n, y: 10 }, end: { x: 10 + (i * 575) / n, y: 830 }, thickness: 0.1 });
  }
  page.drawText('drawing title', { x: 72, y: 800, size: 11, font });
  return doc.save();
}
