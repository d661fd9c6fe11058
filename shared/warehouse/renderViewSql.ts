import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ProductDefinition, ViewDefinition } from '../definitions/definitionTypes';
import { projectRoot } from '../definitions/projectRoot';

/** Fills a view's {{schema}} and {{parameter}} placeholders from the product definition; unknown names are an error. */
export function renderViewSql(product: ProductDefinition, view: ViewDefinition, schema: string): string {
  const template = readFileSync(join(projectRoot(), view.file), 'utf8');
  const values: Record<string, string | number> = { schema, ...product.parameters };
  const sql = template.replace(/\{\{\s*([A-Za-z][A-Za-z0-9_]*)\s*\}\}/g, (_match, name: string) => {
    if (!(name in values)) throw new Error(`view ${view.name} uses {{${name}}}, which product ${product.id} does not define`);
    return String(values[name]);
  });
  // Portable view bodies: no trailing semicolon (CREATE VIEW wraps them), comments kept.
  return sql.trim().replace(/;\s*$/, '');
}
