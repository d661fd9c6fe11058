import { CodeNormalisation } from '../../../definitions/definitionTypes';
import { Row } from '../../../flows/row';
import { codeLookupTable } from '../../../reference/codeLookupTable';
import { normaliseCode } from '../../../reference/normaliseCode';
import { RowMapper } from './RowMapper';

/**
 * A code looked up in a catalogued reference table (reference/lookups.json): adds `${as}_code` (the normalised
 * code, so "04" and "4" group together), `${as}_<value>` for each value column of the entry, and `${as}_known`.
 * Unknown codes keep their code with empty values and are flagged, never dropped.
 */
export function codeLookupMapper(reference: string, from: string, as: string, normalisation?: CodeNormalisation): RowMapper {
  const table = codeLookupTable(reference, normalisation);
  const codeColumn = `${as}_code`;
  const knownColumn = `${as}_known`;
  const valueColumns = table.valueNames.map((name) => ({ name, column: `${as}_${name}` }));
  return {
    outputColumns: [codeColumn, ...valueColumns.map((value) => value.column), knownColumn],
    map(row: Row): void {
      const code = normaliseCode(row[from], normalisation);
      const values = code ? table.find(code) : undefined;
      row[codeColumn] = code;
      for (const value of valueColumns) row[value.column] = values?.[value.name] ?? '';
      row[knownColumn] = String(values !== undefined);
    },
  };
}
