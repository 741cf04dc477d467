/** The extension's UI strings: Chinese unless English is asked for, both languages complete. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { MESSAGE_KEYS, t, uiLocale } from '../../client/src/l10n';

describe('client UI strings', () => {
  it('follow nianbao.locale, not the display language: English only when the setting says en', () => {
    assert.equal(uiLocale('en'), 'en');
    for (const l of ['zh-CN', 'auto', 'en-GB', 'en-US', '', undefined, null, 42]) assert.equal(uiLocale(l), 'zh-CN', String(l));
  });

  it('fill placeholders in both languages', () => {
    assert.equal(t('zh-CN', 'statusErrors', '2021版格式', 3), '年报 2021版格式 · 3 个错误');
    assert.equal(t('en', 'statusTooltip', 3, 1), 'nianbao: 3 errors, 1 warnings (click to open Problems)');
  });

  it('every message has the same placeholders in Chinese and English, and Chinese text in Chinese', () => {
    assert.ok(MESSAGE_KEYS.length > 10);
    for (const k of MESSAGE_KEYS) {
      const marks = (s: string) => (s.match(/\{\d\}/g) ?? []).sort().join();
      const zh = t('zh-CN', k, '{0}', '{1}');
      const en = t('en', k, '{0}', '{1}');
      assert.equal(marks(zh), marks(en), k);
      assert.match(zh, /[\u4e00-\u9fff]/, k);
      assert.notEqual(zh, en, k);
    }
  });
});
