/** Builds a minimal real .docx (paragraphs and tables) for tests, with jszip. */
import JSZip from 'jszip';

export type Block = string | string[][];

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const para = (s: string) => `<w:p><w:r><w:t xml:space="preserve">${esc(s)}</w:t></w:r></w:p>`;

export async function makeDocx(blocks: Block[]): Promise<Buffer> {
  const body = blocks
    .map((b) => (typeof b === 'string' ? para(b) : `<w:tbl>${b.map((row) => `<w:tr>${row.map((c) => `<w:tc>${para(c)}</w:tc>`).join('')}</w:tr>`).join('')}</w:tbl>`))
    .join('');
  const zip = new JSZip();
  zip.file('[Content_Types].xml', '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>');
  zip.file('_rels/.rels', '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>');
  zip.file('word/document.xml', `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`);
  return zip.generateAsync({ type: 'nodebuffer' });
}

/** A report rendered as tab-separated text, turned into docx blocks: table rows become Word tables. */
export function blocksFromTsv(text: string): Block[] {
  const blocks: Block[] = [];
  let table: string[][] | undefined;
  for (const line of text.split('\n')) {
    if (line.includes('\t')) {
      (table ??= []).push(line.split('\t'));
      continue;
    }
    if (table) {
      blocks.push(table);
      table = undefined;
    }
    if (line.trim()) {
      // a lone label line inside a table region stays a one-cell row
      blocks.push(line);
    }
  }
  if (table) blocks.push(table);
  return blocks;
}
