import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { projectRoot } from '../definitions/projectRoot';

/** One real NICIP examination with the SNOMED CT concept it maps to and the group DIDS reports it under. */
export interface ImagingExamination {
  nicip: string;
  snomed: string;
  /** CT, MRI, Nuclear medicine, Plain film (x-ray), Ultrasound (non-obstetrics) or Other. */
  modalityGroup: string;
  /** Guided biopsies, drainages and the like: done far less often than plain diagnostic examinations. */
  interventional: boolean;
}

export interface DidsImagingCodes {
  /** Active NICIP to SNOMED CT pairs with both codes present, in file order. */
  examinations: readonly ImagingExamination[];
  /** Every NICIP code and every SNOMED CT code the table names, active or not: what a lookup can resolve. */
  knownNicip: ReadonlySet<string>;
  knownSnomed: ReadonlySet<string>;
}

export interface DidsImagingCodeFiles {
  /** The NICIP to SNOMED CT mapping with its modality column (sheet Lookup_image_code of the DIDS lookups). */
  pairs: string;
  /** The modality to reporting group table (sheet Lookup_modality). */
  modalityGroups: string;
}

const pairsFileName = 'dids-nicip-snomed-modality.csv';
const groupsFileName = 'dids-modality-groups.csv';

/**
 * The project's copy under reference/dids/ when it is there (the one the pipeline's lookups are built from),
 * otherwise the shared reference folder beside the project, where the tables were first placed.
 */
export function didsImagingCodeFiles(root: string = projectRoot()): DidsImagingCodeFiles {
  for (const folder of [join(root, 'reference', 'dids'), join(root, '..', 'shared', 'reference')]) {
    const files = { pairs: join(folder, pairsFileName), modalityGroups: join(folder, groupsFileName) };
    if (existsSync(files.pairs) && existsSync(files.modalityGroups)) return files;
  }
  throw new Error(`no ${pairsFileName} with ${groupsFileName} under reference/dids/ or ../shared/reference/`);
}

const loaded = new Map<string, DidsImagingCodes>();

/** Reads the tables once per pair of files; pass other files to point the generator at another release. */
export function loadDidsImagingCodes(files: DidsImagingCodeFiles = didsImagingCodeFiles()): DidsImagingCodes {
  const key = `${files.pairs}\n${files.modalityGroups}`;
  const cached = loaded.get(key);
  if (cached) return cached;

  const groupOf = new Map(
    readCsv(files.modalityGroups).map((row) => [cell(row, 'Modality (intermediate) (derived from NICIP/SNOMED)', files.modalityGroups), cell(row, 'Modality', files.modalityGroups)]),
  );
  const examinations: ImagingExamination[] = [];
  const knownNicip = new Set<string>();
  const knownSnomed = new Set<string>();
  for (const row of readCsv(files.pairs)) {
    // Codes are matched upper-cased and trimmed, as the pipeline's lookups normalise them.
    const nicip = cell(row, 'NICIP short code', files.pairs).toUpperCase();
    const snomed = cell(row, 'SNOMED-CT code', files.pairs);
    if (nicip) knownNicip.add(nicip);
    if (snomed) knownSnomed.add(snomed);
    // An inactive pairing is kept for lookups of old data, never sent as new activity.
    if (!nicip || !snomed || cell(row, 'Active?', files.pairs) === 'No') continue;
    const modality = cell(row, 'Modality', files.pairs);
    const modalityGroup = groupOf.get(modality);
    if (modalityGroup === undefined) throw new Error(`${files.pairs}: modality "${modality}" of ${nicip} is not in ${files.modalityGroups}`);
    examinations.push({ nicip, snomed, modalityGroup, interventional: cell(row, 'Interventional', files.pairs).endsWith('Yes') });
  }
  if (examinations.length === 0) throw new Error(`${files.pairs} holds no active NICIP to SNOMED CT pair`);
  const codes = { examinations, knownNicip, knownSnomed };
  loaded.set(key, codes);
  return codes;
}

function readCsv(path: string): Record<string, string>[] {
  const parsed = Papa.parse<Record<string, string>>(readFileSync(path, 'utf8').replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: 'greedy' });
  if (parsed.errors.length > 0) throw new Error(`${path} is malformed: ${parsed.errors[0].message} (row ${parsed.errors[0].row})`);
  return parsed.data;
}

function cell(row: Record<string, string>, column: string, path: string): string {
  const value = row[column];
  if (value === undefined) throw new Error(`${path} has no column "${column}"`);
  return value.trim();
}
