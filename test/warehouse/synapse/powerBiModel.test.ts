import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DefinitionRegistry } from '../../../shared/definitions/DefinitionRegistry';
import { projectRoot } from '../../../shared/definitions/projectRoot';
import { BlobStore } from '../../../shared/storage/blob-store.port';
import { buildWarehouseModel } from '../../../shared/warehouse/buildWarehouseModel';
import { DuckDbWarehouse } from '../../../shared/warehouse/DuckDbWarehouse';
import { describeViewColumns } from '../../../shared/warehouse/synapse/describeViewColumns';
import { renderPowerBiModel } from '../../../shared/warehouse/synapse/renderPowerBiModel';
import { WarehouseModel } from '../../../shared/warehouse/warehouseModel';

describe('the Power BI model descriptions (infra/powerbi/<product>-model.md)', () => {
  const registry = DefinitionRegistry.load();
  const model: WarehouseModel = buildWarehouseModel(registry);
  let viewColumns: Map<string, string[]>;

  beforeAll(async () => {
    // Creating tables and views reads no blobs.
    const warehouse = await DuckDbWarehouse.open(':memory:', {} as BlobStore);
    await warehouse.applyModel(model);
    await warehouse.applyViews(model.views);
    viewColumns = await describeViewColumns(warehouse, model);
    await warehouse.close();
  });

  it('reads every view\'s columns from the warehouse itself', () => {
    // Prepare / Act
    const columns = viewColumns.get('vw_careflow_mh_referrals_after_discharge');

    // Assess
    expect(columns).toEqual(['discharge_month', 'provider_code', 'discharged_spells', 'spells_followed_by_mh_referral', 'followed_rate']);
  });

  it.each(registry.products().map((product) => [product.id]))('%s: the committed description is what the generator writes', (productId) => {
    // Prepare
    const product = registry.product(productId);
    const committed = readFileSync(join(projectRoot(), 'infra', 'powerbi', `${productId}-model.md`), 'utf8');

    // Act
    const generated = renderPowerBiModel(product, model, registry, viewColumns);

    // Assess
    if (committed !== generated) {
      throw new Error(`infra/powerbi/${productId}-model.md is out of date: regenerate with \`npm run build && node scripts/generate-synapse-ddl.js\``);
    }
    for (const view of product.views) for (const column of viewColumns.get(view.name)!) expect(committed).toContain(`| \`${column}\` |`);
  });
});
