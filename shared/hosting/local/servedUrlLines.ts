import { dashboardPaths } from '../../dashboard/dashboardPaths';
import { ProductDefinition } from '../../definitions/definitionTypes';

/** What the local runtime serves, one line per URL, for the console once the server is listening. */
export function servedUrlLines(baseUrl: string, products: ProductDefinition[]): string[] {
  const entries: [string, string][] = [[`${baseUrl}/api/status`, 'extract status (JSON)']];
  for (const product of products) {
    entries.push([`${baseUrl}${dashboardPaths.page(product.id)}`, `${product.title} dashboard`]);
    entries.push([`${baseUrl}${dashboardPaths.metrics(product.id)}{view}`, `${product.title} metrics API (JSON; views: ${product.views.filter((view) => view.metrics).map((view) => view.name).join(', ')})`]);
    entries.push([`${baseUrl}${dashboardPaths.dqReport(product.id)}`, `${product.title} DQ report`]);
  }
  const width = Math.max(...entries.map(([url]) => url.length));
  return entries.map(([url, what]) => `  ${url.padEnd(width)}  ${what}`);
}
