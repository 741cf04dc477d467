import type { Cell, TableBase, TableRow } from '../../model';
import type { Problem, Rule } from '../../rule';
import { t3ColumnLabel, t4CellName } from './cells';

const LETTER_O = /[OoＯｏ〇]/g;
/** Up to this many blank cells in one table are named one by one; more are one warning for the table. */
const MAX_BLANKS_NAMED = 3;

/** A cell that is not a valid number; `where` names it (callers build names only for such cells). */
function problemFor(cell: Cell, where: { zh: string; en: string }): Problem | undefined {
  if (cell.kind === 'number') return undefined;
  if (cell.kind === 'blank') {
    return {
      range: cell.range,
      message: { zh: `${where.zh}为空，应填数字（没有则填 0）`, en: `${where.en} is blank; a number is required (0 if none)` },
      fix: { title: { zh: '填入 0', en: 'Fill in 0' }, edits: [{ range: cell.range, newText: '0' }], safe: true },
      // blank is not 0: many published tables leave blanks for nothing happened; a warning, not an error
      severity: 'warning',
    };
  }
  const raw = cell.raw;
  if (/^[0-9OoＯｏ〇]+$/.test(raw) && LETTER_O.test(raw)) {
    const fixed = raw.replace(LETTER_O, '0').replace(/^0+(?=\d)/, '');
    return {
      range: cell.range,
      message: { zh: `${where.zh}“${raw}”中的字母 O 应为数字 0`, en: `${where.en} “${raw}” has the letter O for the digit 0` },
      fix: { title: { zh: `改为 ${fixed}`, en: `Change to ${fixed}` }, edits: [{ range: cell.range, newText: fixed }], safe: true },
    };
  }
  const why = /^-|^－|^−/.test(raw) && /\d/.test(raw)
    ? { zh: '件数不能为负数', en: 'a count cannot be negative' }
    : /^\d+\.\d+$/.test(raw)
      ? { zh: '件数应为整数', en: 'a count must be a whole number' }
      : { zh: '应填数字（没有则填 0），不应写“/”“-”“无”等', en: 'must be a number (0 if none), not “/”, “-”, “无” or the like' };
  return { range: cell.range, message: { zh: `${where.zh}“${raw}”无效：${why.zh}`, en: `${where.en} “${raw}” is not valid: ${why.en}` } };
}

/** A number with a unit in its cell (`1288件`): the number is read, the unit does not belong there. */
function unitProblem(cell: Cell | undefined, where: () => { zh: string; en: string }): Problem | undefined {
  if (!cell?.unit) return undefined;
  const w = where();
  const u = cell.unit.text;
  return {
    range: cell.unit.range,
    message: { zh: `${w.zh}“${cell.raw}${u}”不应写单位“${u}”，只填数字`, en: `${w.en} “${cell.raw}${u}” has the unit “${u}” in the cell; write the number only` },
    fix: { title: { zh: `删去“${u}”`, en: `Remove “${u}”` }, edits: [{ range: cell.unit.range, newText: '' }], safe: true },
  };
}

function missingCells(row: TableRow, what: { zh: string; en: string }, width: number): Problem | undefined {
  const present = row.cells.filter((c) => c).length;
  if (present === width) return undefined;
  return {
    range: row.label.range,
    message: {
      zh: `${what.zh}只有 ${present} 个数值，应有 ${width} 个（空白单元格应填 0）`,
      en: `${what.en} has ${present} value(s) where ${width} are required (fill blank cells with 0)`,
    },
  };
}

/** Every cell a non-negative whole number (表二（八） may be decimal; 2019 本年增/减 may be negative). */
const rule: Rule = {
  meta: {
    id: 'table-cell-invalid',
    category: 'table',
    defaultSeverity: 'error',
    fixable: true,
    description: { zh: '表格单元格必须是有效数字：不能为空，不能写“/”“-”“无”、字母 O、负数或小数件数，不能带单位', en: 'Table cells must be valid numbers: not blank, “/”, “-”, “无”, the letter O, negative or fractional counts, no unit' },
  },
  check(ctx) {
    const { report, template: t } = ctx;
    // blank cells of one table: a few are named one by one; a table that leaves blanks throughout
    // (a common way of writing 0 on web pages) gets one warning, not one per cell
    let blanks: Problem[] = [];
    const flushBlanks = (table: { zh: string; en: string }) => {
      if (blanks.length > MAX_BLANKS_NAMED) {
        const first = blanks[0]!;
        ctx.report_({
          range: first.range,
          message: {
            zh: `${table.zh}有 ${blanks.length} 个空白单元格（第一个：${first.message.zh.replace(/为空，.*$/, '')}），格式要求每格填数字，没有则填 0`,
            en: `${table.en} has ${blanks.length} blank cells (the first: ${first.message.en.replace(/ is blank;.*$/, '')}); the format wants a number in every cell, 0 if none`,
          },
          fix: { title: { zh: `全部填入 0（${blanks.length} 处）`, en: `Fill in 0 (${blanks.length} cells)` }, edits: blanks.flatMap((b) => b.fix!.edits), safe: true },
          severity: 'warning',
        });
      } else for (const b of blanks) ctx.report_(b);
      blanks = [];
    };
    // a cell the parser could not read (`2 05`) is reported by table-unreadable
    const unread = (c: Cell | undefined, table: { unreadable: { range: { start: number; end: number } }[] }) =>
      !!c && table.unreadable.some((u) => u.range.start <= c.range.start && c.range.end <= u.range.end);
    // numbers that are there but not placed: unreadable (table-unreadable) or read several ways (table-ambiguous)
    const held = (table: TableBase) => [...table.unreadable, ...(table.ambiguous ?? [])];
    for (const b of report.table2?.blocks ?? []) {
      const tb = t.table2.blocks.find((x) => x.key === b.key);
      for (const row of b.rows) {
        row.cells.forEach((c, i) => {
          const col = tb?.columns[i]?.label ?? '';
          const where = () => ({ zh: `表二“${row.label.standard}”${col}`, en: `Table 2 “${row.label.standard}” ${col}` });
          const p = c && !unread(c, report.table2!) && (c.kind !== 'number' ? problemFor(c, where()) : unitProblem(c, where));
          if (p) (c.kind === 'blank' ? blanks.push(p) : ctx.report_(p));
        });
        const m = missingCells(row, { zh: `表二“${row.label.standard}”行`, en: `Table 2 row “${row.label.standard}”` }, b.columns.length);
        if (m && !held(report.table2!).some((u) => u.range.start >= row.label.range.start && u.range.start <= row.label.range.end + 200)) ctx.report_(m);
      }
    }
    flushBlanks({ zh: '表二', en: 'Table 2' });
    for (const row of report.table3?.rows ?? []) {
      const name = row.label.standard.replace(/（区分处理的.*$/, '');
      row.cells.forEach((c, i) => {
        const where = () => ({ zh: `表三“${name}”${t3ColumnLabel(t, i)}`, en: `Table 3 “${name}” ${t3ColumnLabel(t, i)}` });
        const p = c && !unread(c, report.table3!) && (c.kind !== 'number' ? problemFor(c, where()) : unitProblem(c, where));
        if (p) (c.kind === 'blank' ? blanks.push(p) : ctx.report_(p));
      });
      const unreadable = held(report.table3!).some((u) => u.range.start >= row.label.range.start && u.range.start < row.label.range.end + 400 && row.cells.every((c) => !c));
      if (!unreadable) {
        const m = missingCells(row, { zh: `表三“${name}”行`, en: `Table 3 row “${name}”` }, report.table3!.columns.length);
        if (m) ctx.report_(m);
      }
    }
    flushBlanks({ zh: '表三', en: 'Table 3' });
    const t4 = report.table4;
    if (t4 && !held(t4).length) {
      t4.cells.forEach((c, i) => {
        if (!c) return;
        const where = () => {
          const n = t4CellName(t, i);
          return { zh: `表四“${n.zh}”`, en: `Table 4 “${n.en}”` };
        };
        const p = c.kind !== 'number' ? problemFor(c, where()) : unitProblem(c, where);
        if (p) (c.kind === 'blank' ? blanks.push(p) : ctx.report_(p));
      });
      flushBlanks({ zh: '表四', en: 'Table 4' });
      const present = t4.cells.filter((c) => c).length;
      if (present > 0 && present < t4.cells.length) {
        ctx.report_({
          range: t4.range,
          message: { zh: `表四只有 ${present} 个数值，应有 ${t4.cells.length} 个（空白单元格应填 0）`, en: `Table 4 has ${present} values where ${t4.cells.length} are required (fill blank cells with 0)` },
        });
      }
    }
  },
};
export default rule;
