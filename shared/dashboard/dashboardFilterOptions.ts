import { ProductDefinition } from '../definitions/definitionTypes';
import { StageDependencies } from '../stages/StageDependencies';
import { DashboardDefinition } from './dashboardTypes';
import { metricsFrom, periodExpression, sqlIdentifier } from './metricsSource';

export interface DashboardFilterOptions {
  /** Providers the charted views break down by, with their names from the organisation dimension. */
  providers: { code: string; name: string }[];
  /** First and last month (YYYY-MM) of the charted monthly views; absent before any data has loaded. */
  firstMonth?: string;
  lastMonth?: string;
}

/**
 * What the filter form offers. Provider codes and month bounds describe where data exists, not how much, so they
 * are read without disclosure control.
 */
export async function dashboardFilterOptions(dependencies: StageDependencies, product: ProductDefinition, dashboard: DashboardDefinition): Promise<DashboardFilterOptions> {
  const schema = dependencies.model.schema;
  const charted = new Set(dashboard.charts.map((chart) => chart.view));
  const views = product.views.filter((view) => charted.has(view.name) && view.metrics);
  const codes = new Set<string>();
  const months: string[] = [];
  for (const view of views) {
    const metrics = view.metrics!;
    const from = metricsFrom(schema, view.name, metrics);
    if (metrics.provider) {
      const column = `v.${sqlIdentifier(metrics.provider.name)}`;
      for (const row of await dependencies.warehouse.query(`SELECT DISTINCT ${column} AS provider_code ${from} WHERE ${column} IS NOT NULL`)) codes.add(String(row.provider_code));
    }
    if (metrics.period.grain === 'month') {
      const period = periodExpression(metrics);
      const [bounds] = await dependencies.warehouse.query(`SELECT MIN(${period}) AS first_month, MAX(${period}) AS last_month ${from}`);
      for (const value of [bounds?.first_month, bounds?.last_month]) if (value !== null && value !== undefined) months.push(monthText(value));
    }
  }
  const names = new Map<string, string>();
  if (codes.size > 0) {
    for (const row of await dependencies.warehouse.query(`SELECT org_code, org_name FROM ${sqlIdentifier(schema)}.dim_organisation`)) {
      if (codes.has(String(row.org_code)) && row.org_name) names.set(String(row.org_code), String(row.org_name));
    }
  }
  const providers = [...codes].map((code) => ({ code, name: names.get(code) ?? code })).sort((a, b) => a.name.localeCompare(b.name) || a.code.localeCompare(b.code));
  months.sort();
  return { providers, ...(months.length > 0 ? { firstMonth: months[0], lastMonth: months[months.length - 1] } : {}) };
}

function monthText(value: unknown): string {
  return (value instanceof Date ? value.toISOString() : String(value)).slice(0, 7);
}
