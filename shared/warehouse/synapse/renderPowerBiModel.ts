import { DefinitionRegistry } from '../../definitions/DefinitionRegistry';
import { ProductDefinition, ViewDefinition } from '../../definitions/definitionTypes';
import { linkedTableName } from '../buildWarehouseModel';
import { TableModel, WarehouseModel } from '../warehouseModel';
import { synapseType } from './synapseTypes';

/**
 * A product's semantic layer for Power BI authors, generated from the definitions: each view's columns with the
 * friendly name to give them and the measures commissioners may see, then the star's facts, linked outputs and
 * conformed dimensions with their labels and Synapse types. Friendly names come from the view's `metrics` labels,
 * else from the label of the table column of the same name, else from the column name itself (marked so).
 */
export function renderPowerBiModel(product: ProductDefinition, model: WarehouseModel, registry: DefinitionRegistry, viewColumns: Map<string, string[]>): string {
  const tables = productTables(product, model, registry);
  const lines: string[] = [
    `# ${product.title}: Power BI model`,
    '',
    `Generated from \`definitions/products/${product.id}.json\` and the warehouse model by`,
    '`npm run build && node scripts/generate-synapse-ddl.js`; do not edit by hand. See [docs/powerbi.md](../../docs/powerbi.md) for',
    'how to connect, disclosure control and the dashboard pages.',
    '',
    '## Views (schema `dw`)',
    '',
  ];
  for (const view of product.views) {
    lines.push(`### \`${view.name}\``, '', view.description, '');
    if (view.patientLevel) {
      lines.push('Patient level: never shown row by row; only the aggregation below is published.', '');
    }
    const labels = metricLabels(view);
    const tableLabels = columnLabels(tables, model.views.find((candidate) => candidate.name === view.name)?.sql ?? '');
    const roles = metricRoles(view);
    lines.push('| column | friendly name | role |', '| --- | --- | --- |');
    for (const column of viewColumns.get(view.name) ?? []) {
      const label = labels.get(column) ?? tableLabels.get(column);
      lines.push(`| \`${column}\` | ${label ?? `${humanise(column)} *(from the name)*`} | ${roles.get(column) ?? ''} |`);
    }
    lines.push('');
    const measures = measureLines(view);
    if (measures.length > 0) lines.push('Published measures (disclosure-controlled):', '', '| measure | friendly name | kind | from |', '| --- | --- | --- | --- |', ...measures, '');
  }
  lines.push('## Facts, linked outputs and dimensions', '');
  for (const table of tables) {
    lines.push(`### \`dw.${table.name}\` (${table.kind})`, '', table.description, '', '| column | Synapse type | friendly name |', '| --- | --- | --- |');
    for (const column of table.columns) lines.push(`| \`${column.name}\` | ${synapseType(column)} | ${column.label ?? humanise(column.name)} |`);
    lines.push('');
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

function productTables(product: ProductDefinition, model: WarehouseModel, registry: DefinitionRegistry): TableModel[] {
  const names = new Set<string>([
    ...product.flows.map((flow) => registry.flow(flow).fact.table),
    ...product.link.outputs.map((output) => linkedTableName(product, output)),
  ]);
  return model.tables.filter((table) => names.has(table.name) || table.kind === 'dimension');
}

/** Labels of table columns by name, from the tables the view reads first, so a name shared by tables reads right. */
function columnLabels(tables: TableModel[], viewSql: string): Map<string, string> {
  const read = (table: TableModel) => new RegExp(`\\.${table.name}\\b`).test(viewSql);
  const labels = new Map<string, string>();
  for (const table of [...tables.filter(read), ...tables.filter((table) => !read(table))]) {
    for (const column of table.columns) if (column.label && !labels.has(column.name)) labels.set(column.name, column.label);
  }
  return labels;
}

function metricLabels(view: ViewDefinition): Map<string, string> {
  const labels = new Map<string, string>();
  const metrics = view.metrics;
  if (!metrics) return labels;
  const columns = [metrics.period, metrics.provider, ...(metrics.dimensions ?? []), ...metrics.counts, ...(metrics.amounts ?? []), ...(metrics.rates ?? [])];
  for (const column of columns) if (column) labels.set(column.name, column.label);
  return labels;
}

function metricRoles(view: ViewDefinition): Map<string, string> {
  const roles = new Map<string, string>();
  const metrics = view.metrics;
  if (!metrics) return roles;
  const aggregate = metrics.aggregate;
  if (aggregate) {
    // A patient-level view's own columns are inputs to the published aggregation, not figures in their own right.
    if (aggregate.periodMonthOf) roles.set(aggregate.periodMonthOf, `period: its month is \`${metrics.period.name}\``);
    for (const column of aggregate.groupBy) roles.set(column, column === metrics.period.name ? 'period: grouped by' : 'grouped by');
    for (const measure of aggregate.measures) {
      if (measure.column && !roles.has(measure.column)) roles.set(measure.column, `${measure.fn} into \`${measure.name}\``);
      else if (measure.column) roles.set(measure.column, `${roles.get(measure.column)}, ${measure.fn} into \`${measure.name}\``);
    }
    return roles;
  }
  roles.set(metrics.period.name, metrics.period.grain === 'financialYear' ? 'period (financial year)' : 'period (month)');
  if (metrics.provider) roles.set(metrics.provider.name, 'provider (ODS code)');
  for (const dimension of metrics.dimensions ?? []) roles.set(dimension.name, 'breakdown');
  for (const count of metrics.counts) roles.set(count.name, 'count');
  for (const amount of metrics.amounts ?? []) roles.set(amount.name, 'amount (£)');
  for (const rate of metrics.rates ?? []) roles.set(rate.name, 'rate: recompute from disclosed figures');
  return roles;
}

function measureLines(view: ViewDefinition): string[] {
  const metrics = view.metrics;
  if (!metrics) return [];
  return [
    ...metrics.counts.map((count) => `| \`${count.name}\` | ${count.label} | count | ${count.basis ? `suppressed with \`${count.basis}\`` : ''} |`),
    ...(metrics.amounts ?? []).map((amount) => `| \`${amount.name}\` | ${amount.label} | amount (nearest £) | suppressed with \`${amount.basis}\` |`),
    ...(metrics.rates ?? []).map(
      (rate) => `| \`${rate.name}\` | ${rate.label} | ${rate.format === 'percent' ? 'rate (%)' : 'average'} | \`${rate.numerator}\` ÷ \`${rate.denominator}\`, both disclosed |`,
    ),
  ];
}

function humanise(name: string): string {
  const words = name.replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
