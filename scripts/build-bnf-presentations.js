#!/usr/bin/env node
/*
 * Rebuilds reference/bnf/bnf-presentations.csv: the distinct (BNF_CODE, BNF_DESCRIPTION) pairs of an NHSBSA
 * English Prescribing Data file. The committed file comes from the EPD September 2017 sample that openprescribing
 * kept as test data (OGL v3 data, MIT repository; see reference/bnf/SOURCES.md).
 *
 *   node scripts/build-bnf-presentations.js [path/to/EPD.csv]
 *
 * Without an argument it reads ../shared/reference/epd-201709-sample.csv beside the project. A code published with
 * two descriptions stops the build: the lookup must give one name per presentation, and picking one silently would
 * hide a change in the source.
 */
const { readFileSync, writeFileSync } = require('node:fs');
const { join, resolve } = require('node:path');
const Papa = require('papaparse');

const root = join(__dirname, '..');
const source = resolve(process.argv[2] ?? join(root, '..', 'shared', 'reference', 'epd-201709-sample.csv'));
const target = join(root, 'reference', 'bnf', 'bnf-presentations.csv');

const text = readFileSync(source, 'utf8').replace(/^\uFEFF/, '');
const parsed = Papa.parse(text, { header: true, skipEmptyLines: 'greedy' });
if (parsed.errors.length > 0) throw new Error(`${source} is malformed: ${parsed.errors[0].message} (row ${parsed.errors[0].row})`);

const descriptions = new Map();
for (const row of parsed.data) {
  const code = (row.BNF_CODE ?? '').trim();
  const description = (row.BNF_DESCRIPTION ?? '').trim();
  if (!code) continue;
  const known = descriptions.get(code);
  if (known !== undefined && known !== description) {
    throw new Error(`BNF code ${code} has two descriptions in ${source}: '${known}' and '${description}'`);
  }
  descriptions.set(code, description);
}

const rows = [...descriptions.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([code, description]) => [code, description]);
writeFileSync(target, `${Papa.unparse({ fields: ['BNF_CODE', 'BNF_DESCRIPTION'], data: rows }, { newline: '\n' })}\n`);
console.log(`wrote ${rows.length} presentations to ${target}`);
