// Developer aid: print what the parser read from a report (tables as grids, sections, etc.).
// Usage: npx tsx scripts/dump-model.ts FILE…
import { readFileSync } from 'node:fs';
import { parseReport, LineIndex } from '../server/src/core';

for (const f of process.argv.slice(2)) {
  const text = readFileSync(f, 'utf8').replace(/^\ufeff/, '');
  const r = parseReport(text);
  const idx = new LineIndex(text);
  const ln = (o: number) => idx.position(o).line + 1;
  console.log(`== ${f}\nformat=${r.format} [${r.formatEvidence.join(',')}] title=${r.title?.text} agency=${r.agency?.text} year=${r.year?.value} period=${r.period?.startYear}-${r.period?.endYear} date=${r.dateLine ? `${r.dateLine.year}-${r.dateLine.month}-${r.dateLine.day}` : ''}`);
  console.log('sections:', r.sections.map((s) => `${s.number}@${ln(s.heading.range.start)}${s.heading.exact ? '' : '~'}`).join(' '));
  const cells = (cs: ({ value: number | null; kind: string; recovered?: boolean } | undefined)[]) => cs.map((c) => (c ? (c.kind === 'number' ? String(c.value) + (c.recovered ? 'r' : '') : c.kind === 'blank' ? '_' : '!') : '?')).join(' ');
  if (r.table2) {
    for (const b of r.table2.blocks) for (const row of b.rows) console.log(`  T2 ${row.key.padEnd(22)} @${ln(row.label.range.start)}${row.label.exact ? '' : '~'} ${cells(row.cells)}`);
    console.log('  T2 missing', r.table2.missingRows.join(','), 'cols', r.table2.columnLabels.filter((l) => !l.exact).map((l) => `${l.text}→${l.standard}@${ln(l.range.start)}`).join(','));
  }
  if (r.table3) {
    for (const row of r.table3.rows) console.log(`  T3 ${row.key.padEnd(8)} @${ln(row.label.range.start)}${row.label.exact ? '' : `~(${row.label.text.replace(/\s/g, '')})`} ${cells(row.cells)}`);
    console.log('  T3 missing', r.table3.missingRows.join(','), 'unreadable', r.table3.unreadable.map((u) => ln(u.range.start)).join(','), 'cols', r.table3.columnLabels.filter((l) => !l.exact).map((l) => l.text).join(','));
  }
  if (r.table4) console.log(`  T4 @${ln(r.table4.range.start)} ${cells(r.table4.cells)} unreadable=${r.table4.unreadable.length}`);
  console.log('  paragraphs', r.paragraphs.length, 'tableRanges', r.tableRanges.map((t) => `${ln(t.start)}-${ln(t.end)}`).join(' '));
}
