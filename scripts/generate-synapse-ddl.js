#!/usr/bin/env node
/*
 * Writes the Synapse dedicated SQL pool DDL (infra/sql/*.sql) and each product's Power BI model description
 * (infra/powerbi/<product>-model.md) from the definitions, through the same warehouse model the embedded DuckDB
 * warehouse is built from, so the two warehouses cannot drift. Runs the compiled code:
 *
 *   npm run build && node scripts/generate-synapse-ddl.js
 *
 * test/warehouse/synapse/ddlDrift.test.ts fails when the committed DDL differs from what this writes.
 * The view columns listed in the model descriptions come from the views themselves: they are created in an
 * in-memory DuckDB warehouse and read back from its INFORMATION_SCHEMA.
 */
const { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');
const dist = join(root, 'dist', 'shared');
if (!existsSync(join(dist, 'warehouse', 'synapse', 'synapseDdlFiles.js'))) {
  console.error('dist/ is missing or stale: run `npm run build` first.');
  process.exit(1);
}

const { DefinitionRegistry } = require(join(dist, 'definitions', 'DefinitionRegistry'));
const { buildWarehouseModel } = require(join(dist, 'warehouse', 'buildWarehouseModel'));
const { DuckDbWarehouse } = require(join(dist, 'warehouse', 'DuckDbWarehouse'));
const { synapseDdlFiles, renderDdlFileText } = require(join(dist, 'warehouse', 'synapse', 'synapseDdlFiles'));
const { describeViewColumns } = require(join(dist, 'warehouse', 'synapse', 'describeViewColumns'));
const { renderPowerBiModel } = require(join(dist, 'warehouse', 'synapse', 'renderPowerBiModel'));

/** Creating tables and views reads no blobs; anything that tries is a mistake worth stopping on. */
const noBlobs = new Proxy({}, { get: (_target, name) => () => { throw new Error(`generate-synapse-ddl does not read blobs (${String(name)})`); } });

async function main() {
  const registry = DefinitionRegistry.load(root);
  const model = buildWarehouseModel(registry);

  const sqlFolder = join(root, 'infra', 'sql');
  mkdirSync(sqlFolder, { recursive: true });
  const files = synapseDdlFiles(model, registry);
  const written = new Set(files.map((file) => file.name));
  for (const stale of readdirSync(sqlFolder).filter((name) => /^\d\d_.*\.sql$/.test(name) && !written.has(name))) {
    rmSync(join(sqlFolder, stale));
    console.log(`removed infra/sql/${stale} (no longer generated)`);
  }
  for (const file of files) {
    writeFileSync(join(sqlFolder, file.name), renderDdlFileText(file));
    console.log(`wrote infra/sql/${file.name} (${file.batches.length} batches)`);
  }

  const warehouse = await DuckDbWarehouse.open(':memory:', noBlobs);
  try {
    await warehouse.applyModel(model);
    await warehouse.applyViews(model.views);
    const viewColumns = await describeViewColumns(warehouse, model);
    const powerBiFolder = join(root, 'infra', 'powerbi');
    mkdirSync(powerBiFolder, { recursive: true });
    for (const product of registry.products()) {
      writeFileSync(join(powerBiFolder, `${product.id}-model.md`), renderPowerBiModel(product, model, registry, viewColumns));
      console.log(`wrote infra/powerbi/${product.id}-model.md`);
    }
  } finally {
    await warehouse.close();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
