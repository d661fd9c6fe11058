import { DefinitionRegistry } from '../../definitions/DefinitionRegistry';
import { linkedTableName } from '../buildWarehouseModel';
import { WarehouseModel } from '../warehouseModel';
import { renderAccessDdl } from './renderAccessDdl';
import { renderSynapseDdl } from './renderSynapseDdl';

export interface SynapseDdlFile {
  /** File name under infra/sql/. */
  name: string;
  title: string;
  batches: string[];
}

/**
 * The DDL split the way a DBA deploys it: one file for the schemas, conformed dimensions and system tables, then
 * one per product (its facts, linked outputs, their staging and statistics, and its views), then the read roles;
 * run in name order.
 */
export function synapseDdlFiles(model: WarehouseModel, registry: DefinitionRegistry): SynapseDdlFile[] {
  const ddl = renderSynapseDdl(model);
  const owner = new Map<string, string>();
  for (const product of registry.products()) {
    for (const flowId of product.flows) {
      const table = registry.flow(flowId).fact.table;
      if (!owner.has(table)) owner.set(table, product.id);
    }
    for (const output of product.link.outputs) owner.set(linkedTableName(product, output), product.id);
  }
  const filesFor = (productId: string | undefined) => {
    const tables = ddl.tables.filter((table) => owner.get(table.name) === productId);
    const views = ddl.views.filter((view) => (productId === undefined ? false : view.product === productId));
    return [
      ...tables.map((table) => table.create),
      ...tables.flatMap((table) => table.statistics),
      ...views.flatMap((view) => [view.ensure, view.define]),
    ];
  };
  return [
    { name: '00_shared.sql', title: 'schemas, conformed dimensions and system tables', batches: [...ddl.schemas, ...filesFor(undefined)] },
    ...registry.products().map((product, index) => ({
      name: `${String((index + 1) * 10).padStart(2, '0')}_${product.id}.sql`,
      title: `${product.title}: facts, linked outputs and views`,
      batches: filesFor(product.id),
    })),
    { name: '90_access.sql', title: 'read access by role (members: infra/sql/access/members.sql)', batches: renderAccessDdl(model) },
  ];
}

/** The file as committed: a header saying where it comes from, batches separated by GO (sqlcmd, SSMS). */
export function renderDdlFileText(file: SynapseDdlFile): string {
  const header = [
    `-- dscro-flows, Azure Synapse dedicated SQL pool: ${file.title}.`,
    '-- Generated from the definitions through the warehouse model the embedded DuckDB warehouse also uses',
    '-- (shared/warehouse/buildWarehouseModel.ts) by `npm run build && node scripts/generate-synapse-ddl.js`.',
    '-- Do not edit: change the definitions and regenerate; test/warehouse/synapse/ddlDrift.test.ts fails when they disagree.',
    '-- Every batch is idempotent. Run the files in name order, e.g. sqlcmd -G -S <server> -d <database> -i <file>.',
  ].join('\n');
  return `${header}\n\n${file.batches.map((batch) => `${batch}\nGO\n`).join('\n')}`;
}
