#!/usr/bin/env node
/*
 * Builds the ILLUSTRATIVE admitted patient care price table in the NHS Payment Scheme Annex A layout over the real
 * HRG4+ code list. The official prices are not redistributable here; these numbers are derived deterministically
 * from each code so tests and demos are stable. Replace the file with the official Annex A CSV for real use.
 */
const { createHash } = require('node:crypto');
const { readFileSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');
const Papa = require('papaparse');

const root = join(__dirname, '..');
const tree = JSON.parse(readFileSync(join(root, 'reference/hrg/hrg-codes.json'), 'utf8'));
const trim = new Map(
  Papa.parse(readFileSync(join(root, 'reference/hrg/hrg-trimpoints.csv'), 'utf8'), { header: true, skipEmptyLines: true })
    .data.map((row) => [row.sushrg, row]),
);

const header = [
  'HRG code', 'HRG name', 'Combined day case / ordinary elective spell tariff (£)', 'Day case spell tariff (£)',
  'Ordinary elective spell tariff (£)', 'Ordinary elective long stay trim point (days)', 'Non-elective spell tariff (£)',
  'Non-elective long stay trim point (days)', 'Per day long stay payment (for days exceeding trim point) (£)',
  'Reduced short stay emergency tariff _applicable?', '% applied in calculation of reduced short stay emergency tariff',
  'Reduced short stay emergency tariff (£)',
];
// One table per financial year; later years carry an illustrative uplift so year selection is visible in tests.
const years = [
  { file: 'apc-prices-2024-25-illustrative.csv', uplift: 1 },
  { file: 'apc-prices-2025-26-illustrative.csv', uplift: 1.02 },
];
for (const year of years) {
  const rows = [];
  for (const [chapter, chapterNode] of Object.entries(tree)) {
    for (const [sub, subNode] of Object.entries(chapterNode.subchapters)) {
      // Undefined groups and non-admitted consultations have no admitted patient care price.
      if (chapter === 'U' || (chapter === 'W' && sub === 'F')) continue;
      for (const [code, name] of Object.entries(subNode.hrgs)) rows.push(priceRow(code, name, year.uplift));
    }
  }
  const out = join(root, 'reference/tariff', year.file);
  writeFileSync(out, Papa.unparse([header, ...rows], { newline: '\n' }) + '\n');
  console.log(`wrote ${rows.length} illustrative prices to ${out}`);
}

function priceRow(code, name, uplift) {
  const h = createHash('sha256').update(code).digest();
  const combined = Math.round((400 + (h.readUInt16BE(0) % 7600)) * uplift);
  const published = trim.get(code);
  const electiveTrim = Number(published?.elective) || 5 + (h[2] % 25);
  const nonElectiveTrim = electiveTrim + (h[3] % 10);
  const perDay = Number(published?.emergency) || 200 + (h[4] % 150);
  const rsse = h[5] % 5 < 3;
  const percent = 25 + (h[6] % 40);
  const nonElective = Math.round(combined * 1.2);
  return [
    code, name, combined, Math.round(combined * 0.85), Math.round(combined * 1.05), electiveTrim, nonElective,
    nonElectiveTrim, perDay, rsse ? 'Yes' : 'No', rsse ? percent : '-', rsse ? Math.round((nonElective * percent) / 100) : '-',
  ];
}
