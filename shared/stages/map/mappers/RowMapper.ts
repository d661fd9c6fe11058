import { Row } from '../../../flows/row';

/** One mapping of a flow definition, compiled: the columns it adds and how it fills them on a row. */
export interface RowMapper {
  readonly outputColumns: readonly string[];
  map(row: Row): void;
}
