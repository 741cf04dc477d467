/**
 * A summary as an XLSX workbook (exceljs): one sheet per part, frozen header rows, header cells
 * merged as in the standard form, numbers as numbers, failing totals marked with their equation.
 */
import type ExcelJSModule from 'exceljs';
import { escapeFormula, summarySheets, type Locale, type Summary } from '../core';

export async function toXlsx(s: Summary, locale: Locale = 'zh-CN'): Promise<Buffer> {
  // loaded on first use: exceljs is large, and most runs of the CLI never write a workbook
  // (require, not import(): the CLI runs from a vm.Script with a code cache, where import() is not available)
  const ExcelJS = require('exceljs') as typeof ExcelJSModule;
  const wb = new ExcelJS.Workbook();
  wb.creator = 'nianbao-lint';
  for (const sh of summarySheets(s, locale)) {
    const ws = wb.addWorksheet(sh.name, { views: [{ state: 'frozen', ySplit: sh.headerRows, xSplit: 0 }] });
    sh.rows.forEach((row, r) => {
      const xr = ws.getRow(r + 1);
      row.forEach((c, col) => {
        if (c.value === null) return;
        const cell = xr.getCell(col + 1);
        // text is written as text (never a formula); numbers as numbers, exact decimals parsed once
        cell.value = typeof c.value === 'string' ? escapeFormula(c.value) : Number(c.value.n);
        if (c.fail) {
          cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFC7CE' } };
          cell.note = `✗ ${c.fail}`;
        }
      });
      if (r < sh.headerRows) xr.font = { bold: true };
    });
    for (const [r1, c1, r2, c2] of sh.merges) ws.mergeCells(r1 + 1, c1 + 1, r2 + 1, c2 + 1);
    for (let r = 1; r <= sh.headerRows; r++) ws.getRow(r).alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
    ws.columns.forEach((col, i) => {
      col.width = Math.min(40, Math.max(8, ...sh.rows.map((row) => [...String(row[i]?.value === null || row[i] === undefined ? '' : typeof row[i]!.value === 'string' ? row[i]!.value : (row[i]!.value as { n: string }).n)].length * 1.6)));
    });
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
