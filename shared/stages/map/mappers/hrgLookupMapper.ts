import { Row } from '../../../flows/row';
import { hrgCatalogue, isUngroupableHrg } from '../../../reference/hrgCatalogue';
import { RowMapper } from './RowMapper';

/** HRG code → name, chapter and subchapter; unknown codes are kept and flagged, never dropped. */
export function hrgLookupMapper(from: string, as: string): RowMapper {
  const catalogue = hrgCatalogue();
  const columns = {
    name: `${as}_name`,
    chapter: `${as}_chapter`,
    chapterName: `${as}_chapter_name`,
    subchapter: `${as}_subchapter`,
    known: `${as}_known`,
    ungroupable: `${as}_ungroupable`,
  };
  return {
    outputColumns: Object.values(columns),
    map(row: Row): void {
      const code = row[from] ?? '';
      const entry = code ? catalogue.get(code) : undefined;
      row[columns.name] = entry?.name ?? '';
      row[columns.chapter] = entry?.chapter ?? '';
      row[columns.chapterName] = entry?.chapterName ?? '';
      row[columns.subchapter] = entry?.subchapter ?? '';
      row[columns.known] = entry ? 'true' : 'false';
      row[columns.ungroupable] = code && isUngroupableHrg(code) ? 'true' : 'false';
    },
  };
}
