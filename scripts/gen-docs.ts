// Generates docs/rules.md from the rule metadata (the single source). `npm run docs`.
// test/core/docs.test.ts fails when the committed file is stale.
import { writeFileSync } from 'node:fs';
import { renderRulesDoc } from './rules-doc';

writeFileSync(new URL('../docs/rules.md', import.meta.url), renderRulesDoc());
console.log('docs/rules.md written');
