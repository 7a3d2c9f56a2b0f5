/** `npm run contract`: writes docs/data-contract.md from the contract as code. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CONTRACT_DOC_PATH, contractMarkdown } from '../src/domain/contract-markdown';

const target = resolve(dirname(fileURLToPath(import.meta.url)), '..', CONTRACT_DOC_PATH);
mkdirSync(dirname(target), { recursive: true });
writeFileSync(target, contractMarkdown());
console.log(`Wrote ${CONTRACT_DOC_PATH}`);
