#!/usr/bin/env node
/*
 * Rebuilds reference/dids/dids-nicip-modality.csv and reference/dids/dids-snomed-modality.csv: one row per imaging
 * code with its modality group, from the NICIP -> SNOMED CT -> modality table and the modality groups of the DIDS
 * lookups (OGL v3 / MIT; see reference/dids/SOURCES.md). The `codeLookup` mapping needs one answer per code, and the
 * source table has one row per (NICIP, SNOMED CT) pair, so the codes are resolved here, where the choice is visible
 * and repeatable, rather than by file order at run time.
 *
 *   node scripts/build-dids-modality-lookups.js [path/to/dids-nicip-snomed-modality.csv] [path/to/dids-modality-groups.csv]
 *
 * Without arguments it reads the copies in reference/dids/.
 *
 * NICIP codes: a handful of codes are paired with a second SNOMED CT concept of another modality on a row marked
 * `Active? = No` (for example MADRB, MRI adrenals, also paired with a CT-guided ablation). Rows marked inactive are
 * used only for codes that have no other row. A code whose remaining rows still disagree stops the build: picking
 * one silently would hide a change in the source.
 * SNOMED CT codes: the modality is a property of the concept, so every row counts, inactive pairings included;
 * disagreement stops the build too.
 */
const { readFileSync, writeFileSync } = require('node:fs');
const { join, resolve } = require('node:path');
const Papa = require('papaparse');

const root = join(__dirname, '..');
const folder = join(root, 'reference', 'dids');
const pairsPath = resolve(process.argv[2] ?? join(folder, 'dids-nicip-snomed-modality.csv'));
const groupsPath = resolve(process.argv[3] ?? join(folder, 'dids-modality-groups.csv'));

function readCsv(path) {
  const parsed = Papa.parse(readFileSync(path, 'utf8').replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: 'greedy' });
  if (parsed.errors.length > 0) throw new Error(`${path} is malformed: ${parsed.errors[0].message} (row ${parsed.errors[0].row})`);
  return parsed.data;
}

const intermediateColumn = 'Modality (intermediate) (derived from NICIP/SNOMED)';
const groupOf = new Map(readCsv(groupsPath).map((row) => [row[intermediateColumn].trim(), row.Modality.trim()]));

const pairs = readCsv(pairsPath).map((row, index) => {
  const modality = (row.Modality ?? '').trim();
  const group = groupOf.get(modality);
  if (group === undefined) throw new Error(`${pairsPath} row ${index + 2}: modality '${modality}' is not in ${groupsPath}`);
  return {
    nicip: (row['NICIP short code'] ?? '').trim().toUpperCase(),
    snomed: (row['SNOMED-CT code'] ?? '').trim(),
    inactive: (row['Active?'] ?? '').trim() === 'No',
    group,
  };
});

/** One modality group per code, or the build stops naming the code and its groups. */
function resolveGroups(codeOf, preferActive) {
  const rowsByCode = new Map();
  for (const pair of pairs) {
    const code = codeOf(pair);
    if (!code) continue;
    if (!rowsByCode.has(code)) rowsByCode.set(code, []);
    rowsByCode.get(code).push(pair);
  }
  const resolved = [];
  for (const [code, rows] of rowsByCode) {
    const active = rows.filter((row) => !row.inactive);
    const counted = preferActive && active.length > 0 ? active : rows;
    const groups = [...new Set(counted.map((row) => row.group))];
    if (groups.length > 1) throw new Error(`code ${code} has more than one modality group in ${pairsPath}: ${groups.join(', ')}`);
    resolved.push([code, groups[0]]);
  }
  return resolved.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

function write(name, codeHeader, rows) {
  const target = join(folder, name);
  writeFileSync(target, `${Papa.unparse({ fields: [codeHeader, 'modality_group'], data: rows }, { newline: '\n' })}\n`);
  console.log(`wrote ${rows.length} codes to ${target}`);
}

write('dids-nicip-modality.csv', 'nicip_code', resolveGroups((pair) => pair.nicip, true));
write('dids-snomed-modality.csv', 'snomed_code', resolveGroups((pair) => pair.snomed, false));
