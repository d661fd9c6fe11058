import { MeasureDefinition } from '../../definitions/definitionTypes';
import { SqlRow } from '../../warehouse/warehouse.port';

/** Running values of a set of measures for one output row. */
export class MeasureAccumulator {
  private readonly values: number[];

  public constructor(private readonly measures: readonly MeasureDefinition[]) {
    this.values = measures.map(() => 0);
  }

  public add(row: SqlRow): void {
    for (let index = 0; index < this.measures.length; index += 1) {
      const measure = this.measures[index];
      if (measure.filter && !measure.filter.in.includes(String(row[measure.filter.column] ?? ''))) continue;
      switch (measure.fn) {
        case 'exists':
          this.values[index] = 1;
          break;
        case 'count':
          this.values[index] += 1;
          break;
        case 'countNonNull':
          if (row[measure.column!] !== null && row[measure.column!] !== undefined) this.values[index] += 1;
          break;
        case 'sum':
          this.values[index] += Number(row[measure.column!] ?? 0);
          break;
      }
    }
  }

  /** Output text per measure: booleans as true/false, sums to 4 decimal places (the warehouse DECIMAL scale). */
  public write(into: Record<string, string>): void {
    for (let index = 0; index < this.measures.length; index += 1) {
      const measure = this.measures[index];
      const value = this.values[index];
      into[measure.name] = measure.fn === 'exists' ? String(value === 1) : measure.fn === 'sum' ? (Math.round(value * 10_000) / 10_000).toString() : String(value);
    }
  }
}

/** The fact columns a set of measures reads. */
export function measureColumns(measures: readonly MeasureDefinition[]): string[] {
  return [...new Set(measures.flatMap((measure) => [measure.column, measure.filter?.column]).filter((column): column is string => Boolean(column)))];
}
