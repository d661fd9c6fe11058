/** A row as it moves through the stages: column name to text value, '' for empty. */
export type Row = Record<string, string>;
