import { Row } from '../../../flows/row';
import { RowMapper } from './RowMapper';

/** The first non-empty of several columns, e.g. an A&E attendance's end: departure date, else arrival date. */
export function firstPresentMapper(from: readonly string[], as: string): RowMapper {
  return {
    outputColumns: [as],
    map(row: Row): void {
      row[as] = from.map((column) => row[column] ?? '').find((value) => value !== '') ?? '';
    },
  };
}
