import type { Rule } from '../../rule';
import { isHtmlDocument, prose } from './text';

/** Word field codes left by docx → text conversion: `[bookmark: _GoBack]`, `[image: …]`. */
const FIELD = /\[(?:bookmark|image|footnoteRef|endnoteRef|comment|anchor|TOC)(?::[^\]\n]{0,80})?\]/g;
/** HTML entities that survived copying from a web page. */
const ENTITY = /&(?:nbsp|amp|lt|gt|quot|ensp|emsp|mdash|ldquo|rdquo|lsquo|rsquo|middot|hellip|#\d{2,5});/g;
/** What an entity stands for: the fix writes the character, so “&ldquo;公开&rdquo;” keeps its quotes. */
const DECODED: Record<string, string> = { nbsp: ' ', amp: '&', lt: '<', gt: '>', quot: '"', ensp: ' ', emsp: ' ', mdash: '—', ldquo: '“', rdquo: '”', lsquo: '‘', rsquo: '’', middot: '·', hellip: '…' };

function decode(entity: string): string {
  const name = entity.slice(1, -1);
  if (name.startsWith('#')) {
    const code = Number(name.slice(1));
    return code >= 0x20 && code <= 0xffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCharCode(code) : '';
  }
  return DECODED[name] ?? '';
}
/** A whole line of web-page chrome: breadcrumbs and page buttons. */
const CHROME = /^(?:(?:当前位置|您当前的位置|您的位置|你的位置|当前所在位置)[:：].*|首页\s*[>＞»›].*[>＞»›].*|【?打印本页】?|【?关闭窗口】?|【打印】\s*【关闭】|扫一扫在手机打开当前页|分享到[:：]?.*|【字体[:：]\s*大\s*中\s*小】|字号[:：]\s*\[?\s*大\s*中\s*小\s*\]?)$/;

function entityFix(entity: string, range: { start: number; end: number }) {
  const ch = decode(entity);
  const shown = ch.trim() ? `“${ch}”` : ch ? 'a space' : '';
  return ch
    ? { title: { zh: ch.trim() ? `改为“${ch}”` : '改为空格', en: `Replace with ${shown}` }, edits: [{ range, newText: ch }], safe: true }
    : { title: { zh: '删除残留', en: 'Delete the residue' }, edits: [{ range, newText: '' }], safe: true };
}

/** Text left behind by conversion from Word or a web page. PDF page markers (`- 3 -`) are normal in PDF text and not reported. */
const rule: Rule = {
  meta: {
    id: 'conversion-residue',
    category: 'prose',
    defaultSeverity: 'warning',
    fixable: true,
    description: { zh: '格式转换残留（如“[bookmark: _GoBack]”、“&nbsp;”、网页导航）', en: 'Conversion residue ([bookmark: _GoBack], &nbsp;, web breadcrumbs)' },
  },
  check(ctx) {
    const { text } = ctx;
    const seenLines = new Set<number>();
    // in an HTML page entities are markup (the parser decodes them), not residue
    const patterns = isHtmlDocument(ctx.report) ? [FIELD] : [FIELD, ENTITY];
    for (const p of prose(ctx.report)) {
      for (const re of patterns) {
        re.lastIndex = 0;
        for (let m = re.exec(p.text); m; m = re.exec(p.text)) {
          const start = p.range.start + m.index;
          const range = { start, end: start + m[0].length };
          ctx.report_({
            range,
            message: { zh: `格式转换残留“${m[0]}”`, en: `Conversion residue “${m[0]}”` },
            fix: re === ENTITY ? entityFix(m[0], range) : { title: { zh: '删除残留', en: 'Delete the residue' }, edits: [{ range, newText: '' }], safe: true },
          });
        }
      }
      // chrome lines: checked line by line inside the paragraph (not past its end: an HTML </p> is not residue)
      for (let i = p.range.start; i < p.range.end; ) {
        // scanned up to the paragraph's end only: a flattened page is one line of megabytes
        let end = i;
        while (end < p.range.end && text.charCodeAt(end) !== 10) end++;
        const raw = text.slice(i, end);
        const s = raw.trim();
        if (s && s.length <= 80 && CHROME.test(s) && !seenLines.has(i)) {
          seenLines.add(i);
          const lead = raw.search(/\S/);
          const range = { start: i + lead, end: i + lead + s.length };
          ctx.report_({
            range,
            message: { zh: `网页残留“${s}”`, en: `Web page residue “${s}”` },
            fix: { title: { zh: '删除残留', en: 'Delete the residue' }, edits: [{ range, newText: '' }], safe: true },
          });
        }
        i = end + 1;
      }
    }
  },
};
export default rule;
