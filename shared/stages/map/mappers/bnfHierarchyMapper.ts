import { Row } from '../../../flows/row';
import { bnfCatalogue } from '../../../reference/bnfCatalogue';
import { bnfLevels, isWellFormedBnfCode } from '../../../reference/bnfCodeStructure';
import { RowMapper } from './RowMapper';

/**
 * BNF code → chapter, section, paragraph, sub-paragraph, chemical substance, product and presentation, each as
 * code (cut from the code itself) and name (where the reference tables know it). A well-formed code the tables do
 * not know keeps its levels and is flagged `_known = false`; a malformed code gets no levels. No row is dropped.
 */
export function bnfHierarchyMapper(from: string, as: string): RowMapper {
  const catalogue = bnfCatalogue();
  const levels = bnfLevels.map(({ level, length }) => ({ level, length, codeOutput: `${as}_${level}_code`, nameOutput: `${as}_${level}_name` }));
  const flags = { wellFormed: `${as}_well_formed`, known: `${as}_known`, isAppliance: `${as}_is_appliance` };
  return {
    outputColumns: [...levels.flatMap((level) => [level.codeOutput, level.nameOutput]), flags.wellFormed, flags.known, flags.isAppliance],
    map(row: Row): void {
      const code = (row[from] ?? '').trim();
      const wellFormed = isWellFormedBnfCode(code);
      for (const level of levels) {
        // An 11-digit appliance code is its own product and presentation.
        const levelCode = wellFormed ? code.slice(0, level.length) : '';
        row[level.codeOutput] = levelCode;
        row[level.nameOutput] = levelCode ? catalogue.names[level.level].get(levelCode) ?? '' : '';
      }
      row[flags.wellFormed] = String(wellFormed);
      row[flags.known] = String(wellFormed && catalogue.names.presentation.has(code));
      row[flags.isAppliance] = String(wellFormed && catalogue.applianceChapters.has(code.slice(0, 2)));
    },
  };
}
