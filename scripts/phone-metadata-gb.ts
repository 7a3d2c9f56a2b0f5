/**
 * Writes src/ingest/phone-metadata-gb.json: libphonenumber-js's smallest ("min") metadata cut
 * down to the United Kingdom (+44), about 3 kB instead of 83 kB, so the ingest worker finds UK
 * phone numbers without carrying every country's rules. Run after upgrading libphonenumber-js:
 * `npx tsx scripts/phone-metadata-gb.ts`.
 */
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const full = require('libphonenumber-js/metadata.min.json') as {
  version: number;
  country_calling_codes: Record<string, string[]>;
  countries: Record<string, unknown>;
};
const gb = {
  version: full.version,
  country_calling_codes: { '44': ['GB'] },
  countries: { GB: full.countries.GB },
  nonGeographic: {},
};
const out = new URL('../src/ingest/phone-metadata-gb.json', import.meta.url);
writeFileSync(out, JSON.stringify(gb) + '\n');
console.log(`wrote ${out.pathname} (${JSON.stringify(gb).length} characters)`);
