import { HttpAnswer, noStoreHeaders, textAnswer } from '../http/httpAnswer';
import { StageDependencies } from '../stages/StageDependencies';
import { dashboardFilterOptions } from './dashboardFilterOptions';
import { DashboardQuery } from './dashboardQuery';
import { loadDashboardDefinition } from './loadDashboardDefinition';
import { MetricsFilters } from './metricsFilters';
import { metricsRequestPatterns as patterns } from './metricsRequestPatterns';
import { renderDashboardHtml } from './renderDashboardHtml';

/**
 * Everything the page loads comes from this application; the policy holds it to that, so the dashboard works
 * offline and no figure can be sent elsewhere.
 */
const dashboardContentSecurityPolicy =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

/** GET /dashboard/{product}: the commissioner dashboard page. Query values that are not valid filters are ignored. */
export async function answerDashboardRequest(dependencies: StageDependencies, productId: string | undefined, query: DashboardQuery = {}): Promise<HttpAnswer> {
  if (!productId || !patterns.product.test(productId)) return textAnswer(400, 'product must be lowercase letters and digits, for example careflow');
  const product = dependencies.registry.products().find((candidate) => candidate.id === productId);
  if (!product) return textAnswer(404, `no product ${productId}`);
  const dashboard = loadDashboardDefinition(dependencies.registry, product.id);
  if (!dashboard) return textAnswer(404, `product ${productId} has no dashboard`);
  const options = await dashboardFilterOptions(dependencies, product, dashboard);
  const month = (value: string | null | undefined) => (value && patterns.month.test(value) ? value : undefined);
  const filters: MetricsFilters = {};
  const from = month(query.from);
  const to = month(query.to);
  if (from) filters.from = from;
  if (to && (!from || from <= to)) filters.to = to;
  if (query.provider && options.providers.some((provider) => provider.code === query.provider)) filters.provider = query.provider;
  return {
    status: 200,
    headers: { ...noStoreHeaders, 'content-type': 'text/html; charset=utf-8', 'content-security-policy': dashboardContentSecurityPolicy, 'referrer-policy': 'no-referrer' },
    body: renderDashboardHtml({ product, dashboard, options, filters }),
  };
}
