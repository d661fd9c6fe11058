import { ErrorCodes } from '../errors/errorCodes';
import { PipelineError } from '../errors/pipelineError';
import { ProductDefinition, ViewDefinition } from './definitionTypes';

/**
 * The cross-references JSON Schema cannot express, checked at start-up so a mistake in a metrics block stops the
 * host instead of publishing an uncontrolled figure: a patient-level view must be aggregated, a rate must divide
 * declared counts or amounts, and every published column must have exactly one role.
 */
export function checkViewMetrics(product: ProductDefinition, view: ViewDefinition): void {
  const metrics = view.metrics;
  const fail = (problem: string): never => {
    throw new PipelineError(ErrorCodes.invalidDefinition, `view '${view.name}' metrics: ${problem}`, { product: product.id });
  };
  if (!metrics) return;
  if (view.patientLevel && !metrics.aggregate) fail('a patient-level view must declare an aggregate; its rows are never published');

  const names = [
    metrics.period.name,
    ...(metrics.provider ? [metrics.provider.name] : []),
    ...(metrics.dimensions ?? []).map((dimension) => dimension.name),
    ...metrics.counts.map((count) => count.name),
    ...(metrics.amounts ?? []).map((amount) => amount.name),
    ...(metrics.rates ?? []).map((rate) => rate.name),
  ];
  const repeated = names.filter((name, index) => names.indexOf(name) !== index);
  if (repeated.length > 0) fail(`columns declared twice: ${[...new Set(repeated)].join(', ')}`);

  const rootCounts = new Set(metrics.counts.filter((count) => !count.basis).map((count) => count.name));
  for (const count of metrics.counts) {
    if (count.basis && !rootCounts.has(count.basis)) fail(`count '${count.name}' has basis '${count.basis}', which is not a count without a basis of its own`);
  }
  const allCounts = new Set(metrics.counts.map((count) => count.name));
  for (const amount of metrics.amounts ?? []) {
    if (!allCounts.has(amount.basis)) fail(`amount '${amount.name}' has basis '${amount.basis}', which is not a declared count`);
  }
  const figures = new Set([...allCounts, ...(metrics.amounts ?? []).map((amount) => amount.name)]);
  for (const rate of metrics.rates ?? []) {
    for (const part of [rate.numerator, rate.denominator]) {
      if (!figures.has(part)) fail(`rate '${rate.name}' uses '${part}', which is not a declared count or amount`);
    }
  }

  const aggregate = metrics.aggregate;
  if (!aggregate) return;
  const grouped = new Set(aggregate.groupBy);
  const expectedGroups = [
    ...(aggregate.periodMonthOf ? [] : [metrics.period.name]),
    ...(metrics.provider ? [metrics.provider.name] : []),
    ...(metrics.dimensions ?? []).map((dimension) => dimension.name),
  ];
  // Filters select whole groups only when the period and provider are group columns; other group columns would
  // publish a breakdown no reader sees labelled.
  if (expectedGroups.length !== grouped.size || expectedGroups.some((name) => !grouped.has(name))) {
    fail(`aggregate.groupBy must be exactly the period (unless periodMonthOf), provider and dimensions: ${expectedGroups.join(', ')}`);
  }
  const measures = aggregate.measures.map((measure) => measure.name);
  const published = [...figures];
  if (measures.length !== published.length || published.some((name) => !measures.includes(name))) {
    fail(`aggregate.measures must be exactly the counts and amounts: ${published.join(', ')}`);
  }
  for (const measure of aggregate.measures) {
    if (measure.fn === 'count' && measure.column) fail(`measure '${measure.name}' counts rows and takes no column`);
    if (measure.fn !== 'count' && !measure.column) fail(`measure '${measure.name}' (${measure.fn}) needs a column`);
  }
}
