import { ViewMetricsDefinition } from '../definitions/viewMetricsTypes';

const identifier = /^[a-z][a-z0-9_]*$/;

/**
 * Names from definitions go into SQL as identifiers; the definition schema already restricts them to this
 * pattern, and checking again here keeps the rule beside the string building that depends on it.
 */
export function sqlIdentifier(name: string): string {
  if (!identifier.test(name)) throw new Error(`'${name}' is not a plain SQL identifier`);
  return name;
}

/** FROM clause over a view: `v` is the view; `d` the date dimension when the period is the month of a date column. */
export function metricsFrom(schema: string, view: string, metrics: ViewMetricsDefinition): string {
  const monthOf = metrics.aggregate?.periodMonthOf;
  const from = `FROM ${sqlIdentifier(schema)}.${sqlIdentifier(view)} v`;
  return monthOf ? `${from} JOIN ${sqlIdentifier(schema)}.dim_date d ON d.date_key = v.${sqlIdentifier(monthOf)}` : from;
}

/** The SQL expression of the published period: a view column, or the month of a date column. */
export function periodExpression(metrics: ViewMetricsDefinition): string {
  return metrics.aggregate?.periodMonthOf ? 'd.month_start' : `v.${sqlIdentifier(metrics.period.name)}`;
}
