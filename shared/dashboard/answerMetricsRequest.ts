import { ProductDefinition, ViewDefinition } from '../definitions/definitionTypes';
import { discloseMetricRows } from '../disclosure/discloseMetricRows';
import { disclosureRule } from '../disclosure/disclosureRule';
import { publishedColumns } from '../disclosure/publishedColumns';
import { HttpAnswer, jsonAnswer } from '../http/httpAnswer';
import { StageDependencies } from '../stages/StageDependencies';
import { buildMetricsQuery } from './buildMetricsQuery';
import { MetricsFilters } from './metricsFilters';
import { metricsRequestPatterns as patterns } from './metricsRequestPatterns';

/** The request as it arrived: route values and query parameters, unvalidated. */
export interface MetricsRequest {
  product: string | undefined;
  view: string | undefined;
  from?: string | null;
  to?: string | null;
  provider?: string | null;
}

type Resolved = { product: ProductDefinition; view: ViewDefinition; filters: MetricsFilters };

/**
 * GET /api/products/{product}/metrics/{view}?from=YYYY-MM&to=YYYY-MM&provider=CODE: a view's published table under
 * disclosure control. Malformed input is a 400 that says what was expected; a product, view or provider that does
 * not exist is a 404.
 */
export async function answerMetricsRequest(dependencies: StageDependencies, request: MetricsRequest): Promise<HttpAnswer> {
  const resolved = await resolveMetricsRequest(dependencies, request);
  if ('status' in resolved) return resolved;
  const { product, view, filters } = resolved;
  const metrics = view.metrics!;
  const query = buildMetricsQuery(dependencies.model.schema, view.name, metrics, filters);
  const disclosed = discloseMetricRows(metrics, await dependencies.warehouse.query(query.sql, query.parameters));
  return jsonAnswer(200, {
    product: product.id,
    view: view.name,
    description: view.description,
    aggregated: Boolean(metrics.aggregate),
    filters: { from: filters.from ?? null, to: filters.to ?? null, provider: filters.provider ?? null, periodGrain: metrics.period.grain },
    columns: publishedColumns(metrics),
    rows: disclosed.rows,
    disclosure: { rule: disclosureRule, suppressed: disclosed.suppressed },
  });
}

/** Validates the request against the patterns, the definitions and the organisation dimension. */
async function resolveMetricsRequest(dependencies: StageDependencies, request: MetricsRequest): Promise<Resolved | HttpAnswer> {
  const { product: productId, view: viewName } = request;
  if (!productId || !patterns.product.test(productId)) return badRequest('product must be lowercase letters and digits, for example careflow');
  if (!viewName || !patterns.view.test(viewName)) return badRequest('view must be a view name: vw_ followed by lowercase letters, digits and underscores');
  const from = present(request.from);
  const to = present(request.to);
  const provider = present(request.provider);
  for (const [name, month] of [['from', from], ['to', to]] as const) {
    if (month !== undefined && !patterns.month.test(month)) return badRequest(`${name} must be a month as YYYY-MM, for example 2024-05`);
  }
  if (from && to && from > to) return badRequest(`from (${from}) is after to (${to})`);
  if (provider !== undefined && !patterns.provider.test(provider)) return badRequest('provider must be an ODS code: 3 to 5 capital letters or digits, for example RRK');

  const product = dependencies.registry.products().find((candidate) => candidate.id === productId);
  if (!product) return notFound(`no product ${productId}`);
  const view = product.views.find((candidate) => candidate.name === viewName);
  if (!view) return notFound(`product ${productId} has no view ${viewName}`);
  if (!view.metrics) return notFound(`view ${viewName} publishes no metrics`);
  if (provider !== undefined) {
    if (!view.metrics.provider) return badRequest(`view ${viewName} is not broken down by provider; leave provider out`);
    const known = await dependencies.warehouse.query(`SELECT org_code FROM ${dependencies.model.schema}.dim_organisation WHERE org_code = $provider_code`, { provider_code: provider });
    if (known.length === 0) return notFound(`no organisation with ODS code ${provider}`);
  }
  return { product, view, filters: { ...(from ? { from } : {}), ...(to ? { to } : {}), ...(provider ? { provider } : {}) } };
}

/** An empty query parameter (an unfilled form field) means no filter. */
function present(value: string | null | undefined): string | undefined {
  return value === null || value === undefined || value === '' ? undefined : value;
}

function badRequest(message: string): HttpAnswer {
  return jsonAnswer(400, { error: message });
}

function notFound(message: string): HttpAnswer {
  return jsonAnswer(404, { error: message });
}
