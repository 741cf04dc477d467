import type { Rule } from '../../rule';
import { prose } from './text';

/** Two or more 点号 in a row (。； ，， ：。). ？！ and ！！ are allowed combinations and not matched. */
const RUN = /[，。；：、]{2,}|、(?=等)/g;

/** Doubled or conflicting punctuation. */
const rule: Rule = {
  meta: {
    id: 'punctuation-repeat',
    category: 'prose',
    defaultSeverity: 'warning',
    fixable: true,
    description: { zh: '标点重复或冲突（如“。；”“，，”“、等”）', en: 'Doubled or conflicting punctuation (。；, ，，, 、等)' },
    docs: {
      zh: '两个点号连用（“。；”“，，”“：。”）或“等”前用顿号（GB/T 15834 B.1.2）。快速修复只保留最后一个标点（通常是改写时新加的那个），“、等”删去顿号。“？！”“！！”不报告。',
      en: 'Two 点号 in a row (。；, ，，, ：。) or a 顿号 before 等 (GB/T 15834 B.1.2). The fix keeps the last mark (usually the one added when the sentence was rewritten); for 、等 it drops the 顿号. ？！ and ！！ are allowed.',
    },
  },
  check(ctx) {
    for (const p of prose(ctx.report)) {
      RUN.lastIndex = 0;
      for (let m = RUN.exec(p.text); m; m = RUN.exec(p.text)) {
        const start = p.range.start + m.index;
        const range = { start, end: start + m[0].length };
        const keep = m[0] === '、' ? '' : m[0][m[0].length - 1]!;
        const zh = m[0] === '、' ? '“等”前不用顿号' : `标点“${m[0]}”重复或冲突，应只保留一个`;
        const en = m[0] === '、' ? 'No 顿号 before 等' : `Doubled or conflicting punctuation “${m[0]}”: keep one`;
        ctx.report_({
          range,
          message: { zh, en },
          fix: { title: keep ? { zh: `只保留“${keep}”`, en: `Keep “${keep}”` } : { zh: '删除顿号', en: 'Delete the 顿号' }, edits: [{ range, newText: keep }], safe: true },
        });
      }
    }
  },
};
export default rule;
