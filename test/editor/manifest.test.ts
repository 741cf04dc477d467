/** The extension's manifest and data files agree with the code they describe. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { configSchema, lint } from '../../server/src/core';
import { settingsShape } from '../../server/src/lsp/settings';
import { fillTemplate } from '../../client/src/template';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const json = (p: string) => JSON.parse(readFileSync(ROOT + p, 'utf8'));
const pkg = json('package.json');

describe('package.json contributes', () => {
  it('every %key% has an English and a Chinese text, and commands are under 年报检查', () => {
    const keys = [...JSON.stringify(pkg.contributes).matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]!);
    assert.ok(keys.length > 10);
    const en = json('package.nls.json');
    const zh = json('package.nls.zh-cn.json');
    for (const k of keys) {
      assert.ok(en[k], `package.nls.json lacks ${k}`);
      assert.ok(zh[k], `package.nls.zh-cn.json lacks ${k}`);
      if (k !== 'category') assert.match(zh[k], /[\u4e00-\u9fff]/, `${k} is Chinese in zh-cn`);
    }
    for (const c of pkg.contributes.commands) assert.equal(zh[c.category.replaceAll('%', '')], '年报检查');
    assert.ok(!pkg.activationEvents.includes('*'));
  });

  it('the settings contributed are the settings the server validates', () => {
    const contributed = Object.keys(pkg.contributes.configuration.properties).map((k) => k.replace(/^nianbao\./, '')).sort();
    assert.deepEqual(contributed, Object.keys(settingsShape).sort());
    for (const [k, v] of Object.entries(pkg.contributes.configuration.properties) as [string, { enum?: string[]; default: unknown }][]) {
      const schema = settingsShape[k.replace(/^nianbao\./, '') as keyof typeof settingsShape];
      assert.ok(schema.safeParse(v.default).success, `${k}: default ${JSON.stringify(v.default)} passes the server's validation`);
      for (const e of v.enum ?? []) assert.ok(schema.safeParse(e).success, `${k}: ${e}`);
    }
  });

  it('the .nianbaorc.json JSON schema has the properties and enums of the zod config schema', () => {
    const schema = json('schemas/nianbaorc.schema.json');
    assert.deepEqual(Object.keys(schema.properties).sort(), Object.keys(configSchema.shape).sort());
    assert.deepEqual(schema.properties.locale.enum, configSchema.shape.locale.unwrap().options);
    assert.deepEqual(schema.properties.agencyType.enum, configSchema.shape.agencyType.unwrap().options);
    assert.deepEqual(Object.keys(schema.properties.words.properties).sort(), Object.keys(configSchema.shape.words.unwrap().shape).sort());
  });

  it('gov-report has its editor defaults: wrapped lines, no orange boxes on full-width marks, no rulers, Chinese word selection', () => {
    const d = pkg.contributes.configurationDefaults?.['[gov-report]'];
    assert.ok(d, 'configurationDefaults for [gov-report]');
    assert.equal(d['editor.wordWrap'], 'on');
    assert.equal(d['editor.unicodeHighlight.ambiguousCharacters'], false);
    assert.equal(d['editor.unicodeHighlight.invisibleCharacters'], false);
    assert.deepEqual(d['editor.rulers'], []);
    // keepAll would keep a run of Chinese characters unbroken: a long sentence would run off screen
    assert.notEqual(d['editor.wordBreak'], 'keepAll');
    assert.deepEqual(d['editor.wordSegmenterLocales'], ['zh-CN']);
  });

  it('the repository, homepage and doc links name one real-looking repository', () => {
    const text = JSON.stringify(pkg);
    assert.ok(!text.includes('example.invalid'));
    assert.equal(pkg.repository.url, 'https://github.com/nianbao-lint/nianbao-lint.git');
    for (const url of [pkg.homepage, pkg.bugs.url, pkg.scripts.package]) assert.match(url, /https:\/\/github\.com\/nianbao-lint\/nianbao-lint[/#]/);
  });

  it('the VSIX would hold only the bundles (and the lazily loaded vendor bundles), manifest, nls, grammar, schema, template and docs', () => {
    const r = spawnSync(process.execPath, [ROOT + 'node_modules/@vscode/vsce/vsce', 'ls', '--no-dependencies'], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    const files = r.stdout.trim().split('\n').sort();
    for (const f of files) assert.match(f, /^(dist\/(client|server)\.js|dist\/vendor\/(exceljs|mammoth|pdfjs|htmlparser2)\.js|package(\.nls(\.zh-cn)?)?\.json|syntaxes\/.+\.json|schemas\/.+\.json|client\/templates\/.+|docs\/rules\.md|docs\/rules\/[a-z-]+\.md|README\.md|LICENSE)$/, f);
    // exceljs, pdfjs and htmlparser2 are loaded on first use from dist/vendor (XLSX export, PDF and web-page reading)
    for (const need of ['docs/rules.md', 'docs/rules/typo.md', 'dist/client.js', 'dist/server.js', 'dist/vendor/exceljs.js', 'dist/vendor/pdfjs.js', 'syntaxes/gov-report.tmLanguage.json', 'client/templates/report-template.txt']) assert.ok(files.includes(need), need);
  });
});

describe('new-report template', () => {
  it('filled in, it is a complete 2021-format report with no errors', () => {
    const text = fillTemplate(readFileSync(ROOT + 'client/templates/report-template.txt', 'utf8'), { agency: '某某县人民政府办公室', year: 2025, date: '2026年1月20日' });
    assert.doesNotMatch(text, /\{\{/);
    const r = lint(text);
    assert.equal(r.report.format, '2021');
    assert.deepEqual(r.report.sections.map((s) => s.number), [1, 2, 3, 4, 5, 6]);
    assert.ok(r.report.table2 && r.report.table3 && r.report.table4);
    assert.deepEqual(r.diagnostics.filter((d) => d.severity === 'error').map((d) => d.ruleId), []);
  });
});
