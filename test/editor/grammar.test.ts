/** The TextMate grammar, tokenized by the engine VS Code uses (vscode-textmate + Oniguruma). */
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import * as textmate from 'vscode-textmate';
import * as onig from 'vscode-oniguruma';
import { SEEDS } from '../helpers/cli';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const require = createRequire(import.meta.url);
let grammar: textmate.IGrammar;

before(async () => {
  await onig.loadWASM(readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm')).buffer as ArrayBuffer);
  const registry = new textmate.Registry({
    onigLib: Promise.resolve({ createOnigScanner: (p) => new onig.OnigScanner(p), createOnigString: (s) => new onig.OnigString(s) }),
    loadGrammar: async () => textmate.parseRawGrammar(readFileSync(ROOT + 'syntaxes/gov-report.tmLanguage.json', 'utf8'), 'gov-report.tmLanguage.json'),
  });
  grammar = (await registry.loadGrammar('text.gov-report'))!;
  assert.ok(grammar);
});

/** The scopes of each token of one line, as `text → innermost scope`. */
function tokens(line: string): [string, string][] {
  const r = grammar.tokenizeLine(line, textmate.INITIAL);
  return r.tokens.map((t) => [line.slice(t.startIndex, t.endIndex), t.scopes.filter((s) => s !== 'text.gov-report').join(' ')]);
}

function scopeOf(line: string, piece: string): string {
  const t = tokens(line);
  const hit = t.find(([text]) => text.includes(piece));
  assert.ok(hit, `"${piece}" is a token of ${JSON.stringify(t)}`);
  return hit[1];
}

describe('gov-report grammar', () => {
  it('section headings, sub-headings and the title', () => {
    assert.match(scopeOf('三、收到和处理政府信息公开申请情况', '收到'), /markup\.heading\.2/);
    assert.match(scopeOf('六、其他需要报告的事项', '其他'), /markup\.heading\.2/);
    assert.match(scopeOf('（二）依申请公开', '依申请公开'), /markup\.heading\.3/);
    assert.match(scopeOf('某某县人民政府2023年政府信息公开工作年度报告', '年度报告'), /markup\.heading\.1/);
    assert.equal(scopeOf('三、我们开会研究了工作。', '研究'), '', 'a numbered sentence is not a heading');
  });

  it('table labels, numbers and totals', () => {
    const row = '（七）总计\t21\t0\t0\t0\t0\t0\t21';
    assert.match(scopeOf(row, '总计'), /keyword\.other\.total/);
    assert.match(scopeOf(row, '21'), /constant\.numeric/);
    assert.match(scopeOf('规章\t0\t0\t12', '规章'), /table-label/);
    assert.match(scopeOf('规章\t0\t0\t12', '12'), /constant\.numeric/);
  });

  it('文号 and dates', () => {
    assert.match(scopeOf('（国办公开办函〔2021〕30号）要求', '〔2021〕'), /document-number/);
    assert.match(scopeOf('2024年1月20日', '2024年'), /constant\.other\.date/);
  });

  it('tokenizes every line of a seed report without error', () => {
    const text = readFileSync(`${SEEDS}/000_b5a011f3d089b4ff.txt`, 'utf8');
    let state = textmate.INITIAL;
    let headings = 0;
    for (const line of text.split(/\r?\n/)) {
      const r = grammar.tokenizeLine(line, state);
      state = r.ruleStack;
      if (r.tokens.some((t) => t.scopes.some((s) => s.startsWith('markup.heading.2')))) headings++;
    }
    assert.ok(headings >= 4, `section headings found: ${headings}`);
  });
});
