import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../definitions/projectRoot';
import { ErrorCodes } from '../errors/errorCodes';
import { PipelineError } from '../errors/pipelineError';
import { BnfLevel, bnfLevels } from './bnfCodeStructure';
import { readReferenceCsv } from './readReferenceCsv';

export interface BnfCatalogue {
  /** Names by code, one map per level; the presentation map is the list of known codes. */
  names: Record<BnfLevel, Map<string, string>>;
  applianceChapters: Set<string>;
}

interface CatalogueFile {
  chapters: string;
  codeInformation: string[];
  presentations: string[];
}

const cataloguePath = 'reference/bnf/catalogue.json';

/** NHSBSA names the levels appliances do not have "DUMMY PARAGRAPH 200310" and so on: no name to show. */
const placeholderName = /^DUMMY /;

let catalogue: BnfCatalogue | undefined;

/**
 * BNF names by level from reference/bnf/catalogue.json. Files are read in the order listed and the first name
 * given to a code wins, so a full NHSBSA file listed first overrides the samples.
 */
export function bnfCatalogue(): BnfCatalogue {
  if (catalogue) return catalogue;
  const files = JSON.parse(readFileSync(join(projectRoot(), cataloguePath), 'utf8')) as CatalogueFile;
  const names = Object.fromEntries(bnfLevels.map(({ level }) => [level, new Map<string, string>()])) as Record<BnfLevel, Map<string, string>>;
  const applianceChapters = new Set<string>();
  const remember = (level: BnfLevel, code: string | undefined, name: string | undefined) => {
    const key = (code ?? '').trim();
    const value = (name ?? '').trim();
    if (key && value && !placeholderName.test(value) && !names[level].has(key)) names[level].set(key, value);
  };

  for (const row of readColumns(files.chapters, ['chapter_code', 'chapter_name', 'is_appliance'])) {
    remember('chapter', row.chapter_code, row.chapter_name);
    if (row.is_appliance.trim() === 'true') applianceChapters.add(row.chapter_code.trim());
  }
  for (const file of files.codeInformation) {
    for (const row of readColumns(file, bnfLevels.flatMap((level) => [level.codeColumn, level.nameColumn]))) {
      for (const level of bnfLevels) remember(level.level, row[level.codeColumn], row[level.nameColumn]);
    }
  }
  for (const file of files.presentations) {
    for (const row of readColumns(file, ['BNF_CODE', 'BNF_DESCRIPTION'])) remember('presentation', row.BNF_CODE, row.BNF_DESCRIPTION);
  }
  catalogue = { names, applianceChapters };
  return catalogue;
}

function readColumns(file: string, columns: string[]): Record<string, string>[] {
  const rows = readReferenceCsv(file);
  const header = rows.length > 0 ? Object.keys(rows[0]) : [];
  const missing = columns.filter((column) => !header.includes(column));
  if (missing.length > 0) throw new PipelineError(ErrorCodes.referenceData, `${file} has no column ${missing.map((c) => `'${c}'`).join(', ')}`);
  return rows;
}
