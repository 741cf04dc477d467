import type { Rule } from '../../rule';
import { CITATIONS } from '../../words';
import { compactProse, contiguous, isHan, replaceEdits, srcRange } from './text';

/** 发文字号 shapes: a bracketed year and a number with 号, after an agency code. */
const NUMBER = /([[［【(（{〔])([0-9０-９]{2,4})([\]］】)）}〕])(第?)([0-9０-９]+)号/g;
/** The 条例 decree number, checked only right after the 条例's name (《条例》 is how reports abbreviate it). */
const DECREE = /(?:政府信息公开条例》?|《条例》)[（(]?(?:中华人民共和国)?国务院令第?([0-9０-９]+)号/g;

/** Word documents often have full-width digits: read them as ASCII. */
const ascii = (s: string) => s.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));

/** Citations whose year is known for a given code and number (format.md §1.7), kept as data in words/citations.json. */
const KNOWN = CITATIONS;

/** 发文字号 not in 机关代字〔YYYY〕N号 form, and known citations with a wrong year or number. */
const rule: Rule = {
  meta: {
    id: 'doc-number-format',
    category: 'prose',
    defaultSeverity: 'error',
    fixable: true,
    description: { zh: '发文字号格式不规范或引用的文号有误（应为“机关代字〔YYYY〕N号”）', en: 'A document number is malformed or cites the wrong year/number (机关代字〔YYYY〕N号)' },
  },
  check(ctx) {
    for (const { p, c } of compactProse(ctx.report)) {
      const s = c.s;
      NUMBER.lastIndex = 0;
      for (let m = NUMBER.exec(s); m; m = NUMBER.exec(s)) {
        if (!isHan(s.charCodeAt(m.index - 1))) continue;
        let cs = m.index;
        while (cs > 0 && m.index - cs < 12 && isHan(s.charCodeAt(cs - 1))) cs--;
        const codeRun = s.slice(cs, m.index);
        const [, open, yearRaw, close, di, numRaw] = m as unknown as string[];
        const yearText = ascii(yearRaw!);
        const numText = ascii(numRaw!);
        let year = Number(yearText);
        if (yearText!.length === 3) continue;
        if (yearText!.length === 2) year += year < 50 ? 2000 : 1900;
        if (year < 1949 || year > 2100) continue;
        const number = Number(numText);
        const problems: { zh: string; en: string }[] = [];
        if (open !== '〔' || close !== '〕') problems.push({ zh: `年份应使用六角括号“〔〕”`, en: 'the year goes in 〔〕' });
        if (yearText!.length === 2) problems.push({ zh: '年份应标全称', en: 'the year is written in full' });
        if (di) problems.push({ zh: '序号前不加“第”字', en: 'no 第 before the number' });
        if (numText!.length > 1 && numText!.startsWith('0')) problems.push({ zh: '序号不编虚位', en: 'no leading zeros' });
        const known = KNOWN.find((k) => codeRun.endsWith(k.code) && k.number === number && (!k.context || k.context.some((w) => s.includes(w))));
        const sameCode = KNOWN.filter((k) => codeRun.endsWith(k.code) && k.number === number);
        if (known && known.year !== year && !sameCode.some((k) => k.year === year)) {
          problems.push({ zh: `${known.code}${number}号的年份应为${known.year}`, en: `${known.code} No. ${number} is of ${known.year}` });
          year = known.year;
        }
        if (!problems.length) continue;
        const right = `〔${year}〕${number}号`;
        const code = KNOWN.find((k) => codeRun.endsWith(k.code))?.code ?? codeRun;
        const written = s.slice(m.index, m.index + m[0].length);
        const editRange = srcRange(c, m.index, m.index + m[0].length);
        const range = { start: srcRange(c, m.index - code.length, m.index).start, end: editRange.end };
        const oneLine = !ctx.text.slice(editRange.start, editRange.end).includes('\n');
        // on one line: one replacement (spaces inside go too); broken across lines (PDF): the
        // characters that differ, in place, when the lengths agree; otherwise no fix
        const edits = oneLine ? [{ range: editRange, newText: right }] : replaceEdits(c, m.index, written, right);
        ctx.report_({
          range,
          message: {
            zh: `文号“${code}${written}”不规范：${problems.map((x) => x.zh).join('；')}，应为“${code}${right}”`,
            en: `Document number “${code}${written}”: ${problems.map((x) => x.en).join('; ')}; should be “${code}${right}”`,
          },
          fix: edits ? { title: { zh: `改为“${code}${right}”`, en: `Change to “${code}${right}”` }, edits, safe: true } : undefined,
        });
      }
      DECREE.lastIndex = 0;
      for (let m = DECREE.exec(s); m; m = DECREE.exec(s)) {
        const n = Number(ascii(m[1]!));
        if (n === 711 || n === 492) continue;
        const at = m.index + m[0].length - 1 - m[1]!.length;
        const range = srcRange(c, at, at + m[1]!.length);
        ctx.report_({
          range,
          message: { zh: `《政府信息公开条例》为国务院令第711号，文中写作第${n}号`, en: `The 条例 is State Council Decree No. 711; the text says No. ${n}` },
          fix: contiguous(c, at, at + m[1]!.length) ? { title: { zh: '改为711', en: 'Change to 711' }, edits: [{ range, newText: '711' }], safe: true } : undefined,
        });
      }
    }
  },
};
export default rule;
