import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DefinitionRegistry } from '../definitions/DefinitionRegistry';
import { projectRoot } from '../definitions/projectRoot';
import { checkDashboardDefinition } from './checkDashboardDefinition';
import { DashboardDefinition } from './dashboardTypes';

const loaded = new Map<string, DashboardDefinition | undefined>();

/**
 * The product's dashboard definition, validated against its schema and against the views it charts (every
 * column must be one the view publishes), read once. Undefined when the product has no dashboard.
 */
export function loadDashboardDefinition(registry: DefinitionRegistry, productId: string): DashboardDefinition | undefined {
  if (loaded.has(productId)) return loaded.get(productId);
  const file = join(projectRoot(), 'definitions', 'dashboards', `${productId}.json`);
  const dashboard = existsSync(file) ? checkDashboardDefinition(registry, productId, JSON.parse(readFileSync(file, 'utf8'))) : undefined;
  loaded.set(productId, dashboard);
  return dashboard;
}
