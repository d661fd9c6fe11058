import { AggregateMeasure, ViewMetricsDefinition } from '../definitions/viewMetricsTypes';
import { financialYearOf } from '../tariff/financialYearOf';
import { SqlParameters } from '../warehouse/warehouse.port';
import { MetricsFilters } from './metricsFilters';
import { metricsFrom, periodExpression, sqlIdentifier } from './metricsSource';

export interface MetricsQuery {
  sql: string;
  parameters: SqlParameters;
}

/**
 * The SELECT behind one metrics answer, in the SQL DuckDB and Synapse T-SQL share (CAST, COUNT DISTINCT, GROUP BY;
 * no dialect functions). Identifiers come from the validated definitions; the reader's filters only ever travel
 * as parameters. A patient-level view is grouped here, so its rows never leave the warehouse.
 */
export function buildMetricsQuery(schema: string, view: string, metrics: ViewMetricsDefinition, filters: MetricsFilters): MetricsQuery {
  const period = periodExpression(metrics);
  const provider = metrics.provider ? `v.${sqlIdentifier(metrics.provider.name)}` : undefined;
  const dimensions = (metrics.dimensions ?? []).map((dimension) => `v.${sqlIdentifier(dimension.name)}`);
  const groups = [period, ...(provider ? [provider] : []), ...dimensions];

  const conditions: string[] = [];
  const parameters: SqlParameters = {};
  // Month periods are month-start dates; financial years compare as text ("2024/25" < "2025/26").
  const periodValue = (month: string) => (metrics.period.grain === 'month' ? `${month}-01` : financialYearOf(`${month}-01`));
  const periodParameter = (name: string) => (metrics.period.grain === 'month' ? `CAST($${name} AS DATE)` : `$${name}`);
  if (filters.from) {
    conditions.push(`${period} >= ${periodParameter('period_from')}`);
    parameters.period_from = periodValue(filters.from);
  }
  if (filters.to) {
    conditions.push(`${period} <= ${periodParameter('period_to')}`);
    parameters.period_to = periodValue(filters.to);
  }
  if (filters.provider) {
    if (!provider) throw new Error('this view is not broken down by provider');
    conditions.push(`${provider} = $provider_code`);
    parameters.provider_code = filters.provider;
  }
  const where = conditions.length > 0 ? ` WHERE ${conditions.join(' AND ')}` : '';
  const from = metricsFrom(schema, view, metrics);

  const aggregate = metrics.aggregate;
  if (aggregate) {
    const select = [
      `${period} AS ${sqlIdentifier(metrics.period.name)}`,
      ...(provider ? [provider] : []),
      ...dimensions,
      ...aggregate.measures.map((measure) => `${measureExpression(measure)} AS ${sqlIdentifier(measure.name)}`),
    ];
    return { sql: `SELECT ${select.join(', ')} ${from}${where} GROUP BY ${groups.join(', ')} ORDER BY ${groups.join(', ')}`, parameters };
  }
  const figures = [...metrics.counts, ...(metrics.amounts ?? [])].map((figure) => `v.${sqlIdentifier(figure.name)}`);
  return { sql: `SELECT ${[...groups, ...figures].join(', ')} ${from}${where} ORDER BY ${groups.join(', ')}`, parameters };
}

function measureExpression(measure: AggregateMeasure): string {
  const column = () => `v.${sqlIdentifier(measure.column ?? '')}`;
  switch (measure.fn) {
    case 'count':
      return 'COUNT(*)';
    case 'countDistinct':
      return `COUNT(DISTINCT ${column()})`;
    case 'countNonNull':
      return `COUNT(${column()})`;
    case 'sum':
      return `SUM(${column()})`;
  }
}
