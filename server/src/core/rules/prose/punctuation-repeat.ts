import type { Rule } from '../../rule';
import { prose } from './text';

/**
 * Two or more 点号 in a row (。； ，， ：。). ？！ and ！！ are allowed combinations and not matched.
 * 、 before 等 (and 等等), but not before a word that starts with 等 (分类、等级保护; 等待, 等同, 等次).
 */
const RUN = /[，。；：、](?:[ \t\u3000\r\n]{0,4}[，。；：、])+|、(?=[ \t\u3000\r\n]{0,4}等(?![ \t\u3000\r\n]{0,4}[级待候同额次量效值价距高比分号第于]))/g;
const SPACE = /[ \t\u3000\r\n]/g;
const SPACE_CHARS = ' \t\u3000\r\n';

/** Doubled or conflicting punctuation. */
const rule: Rule = {
  meta: {
    id: 'punctuation-repeat',
    category: 'prose',
    defaultSeverity: 'warning',
    fixable: true,
    description: { zh: '标点重复或冲突（如“。；”“，，”“、等”）', en: 'Doubled or conflicting punctuation (。；, ，，, 、等)' },
  },
  check(ctx) {
    for (const p of prose(ctx.report)) {
      RUN.lastIndex = 0;
      for (let m = RUN.exec(p.text); m; m = RUN.exec(p.text)) {
        const start = p.range.start + m.index;
        const range = { start, end: start + m[0].length };
        const marks = m[0].replace(SPACE, '');
        const keep = marks === '、' ? '' : marks[marks.length - 1]!;
        const zh = marks === '、' ? '“等”前不用顿号' : `标点“${marks}”重复或冲突，应只保留一个`;
        const en = marks === '、' ? 'No 顿号 before 等' : `Doubled or conflicting punctuation “${marks}”: keep one`;
        // delete every mark but the last; a line break between them (PDF text) stays
        const edits = [];
        for (let k = 0; k < m[0].length; k++) {
          if (SPACE_CHARS.includes(m[0][k]!) || (keep && k === m[0].length - 1)) continue;
          edits.push({ range: { start: start + k, end: start + k + 1 }, newText: '' });
        }
        ctx.report_({
          range,
          message: { zh, en },
          fix: { title: keep ? { zh: `只保留“${keep}”`, en: `Keep “${keep}”` } : { zh: '删除顿号', en: 'Delete the 顿号' }, edits, safe: true },
        });
      }
    }
  },
};
export default rule;
