import { DefinitionRegistry } from '../definitions/DefinitionRegistry';
import { describeSchemaErrors, schemaValidator } from '../definitions/jsonSchemas';
import { publishedColumns } from '../disclosure/publishedColumns';
import { ErrorCodes } from '../errors/errorCodes';
import { PipelineError } from '../errors/pipelineError';
import { DashboardDefinition } from './dashboardTypes';

const schemaPath = 'schemas/definitions/dashboard-definition.schema.json';

/**
 * A dashboard definition checked against its schema and against the views it charts: every column it names must be
 * one the view publishes, with the role its place in the chart needs.
 */
export function checkDashboardDefinition(registry: DefinitionRegistry, productId: string, candidate: unknown): DashboardDefinition {
  const fail = (problem: string): never => {
    throw new PipelineError(ErrorCodes.invalidDefinition, `dashboards/${productId}.json: ${problem}`, { product: productId });
  };
  const validate = schemaValidator(schemaPath);
  if (!validate(candidate)) fail(`does not match ${schemaPath}: ${describeSchemaErrors(validate.errors)}`);
  const dashboard = candidate as DashboardDefinition;
  if (dashboard.product !== productId) fail(`names product '${dashboard.product}'`);
  const product = registry.product(productId);
  const ids = new Set<string>();
  for (const chart of dashboard.charts) {
    if (ids.has(chart.id)) fail(`chart id '${chart.id}' is used twice`);
    ids.add(chart.id);
    const metrics = product.views.find((view) => view.name === chart.view)?.metrics;
    if (!metrics) fail(`chart '${chart.id}' charts '${chart.view}', which is not a view of ${productId} with metrics`);
    const columns = new Map(publishedColumns(metrics!).map((column) => [column.name, column]));
    const role = (name: string) => {
      const column = columns.get(name);
      if (!column) fail(`chart '${chart.id}' names '${name}', which ${chart.view} does not publish`);
      return column!;
    };
    if (!['period', 'dimension'].includes(role(chart.x).role)) fail(`chart '${chart.id}': x must be the period or a breakdown`);
    if (chart.seriesBy && !['provider', 'dimension'].includes(role(chart.seriesBy).role)) fail(`chart '${chart.id}': seriesBy must be the provider or a breakdown`);
    // Each point must be one published row: disclosed figures cannot be added up across a breakdown the chart
    // leaves out (rounded figures do not sum, and a suppressed one has no value to add).
    const breakdowns = [...columns.values()].filter((column) => ['period', 'provider', 'dimension'].includes(column.role)).map((column) => column.name);
    const charted = [chart.x, ...(chart.seriesBy ? [chart.seriesBy] : [])];
    if (breakdowns.some((name) => !charted.includes(name))) fail(`chart '${chart.id}' must chart every breakdown of ${chart.view} (${breakdowns.join(', ')}) as x or seriesBy`);
    const formats = new Set(chart.values.map((name) => {
      const column = role(name);
      if (!['count', 'amount', 'rate'].includes(column.role)) fail(`chart '${chart.id}': '${name}' is not a count, amount or rate`);
      return `${column.role === 'rate' ? column.format : column.role}:${column.unit ?? ''}`;
    }));
    // One y axis per chart: mixing a percentage with a count would mislabel one of them.
    if (formats.size > 1) fail(`chart '${chart.id}' plots values of different formats on one axis`);
    for (const name of chart.tableColumns ?? []) role(name);
  }
  return dashboard;
}
