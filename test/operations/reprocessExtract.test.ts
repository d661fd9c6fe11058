import * as hrgCatalogueModule from '../../shared/reference/hrgCatalogue';
import { ErrorCodes } from '../../shared/errors/errorCodes';
import { reprocessExtract } from '../../shared/operations/reprocessExtract';
import { susApcCsv, susApcRow, testNhsNumbers } from '../factories/susApcRows';
import { startTestHost, TestHost } from '../support/startTestHost';
import { warehouseSnapshot } from '../support/warehouseSnapshot';

const rows = [
  susApcRow({ APCE_Ident: '4001', APCS_Ident: '8001', Spell_Core_HRG: 'EB10A', Episode_HRG: 'EB10A' }),
  susApcRow({ APCE_Ident: '4002', APCS_Ident: '8002', NHS_Number: testNhsNumbers[1], Spell_Core_HRG: 'EB10A', Episode_HRG: 'EB10A' }),
  susApcRow({ APCE_Ident: '4003', APCS_Ident: '8003', NHS_Number: testNhsNumbers[3], Admission_Date: 'not a date' }),
];

describe('reprocessExtract', () => {
  let t: TestHost;
  let extractId: string;
  let firstRun: Record<string, unknown[]>;
  beforeAll(async () => {
    t = await startTestHost();
    extractId = (await t.host.dropContent('sus-apc', 'sus_apc_202405_20240601.csv', susApcCsv(rows))).extractId!;
    await t.host.runUntilQuiet();
    firstRun = await warehouseSnapshot(t.host.dependencies.warehouse, t.host.dependencies.model);
  });
  afterAll(async () => t.stop());
  afterEach(() => jest.restoreAllMocks());

  it('re-maps after a reference-data change and leaves the facts as if the extract had run once', async () => {
    // Prepare: the HRG reference data changes the chapter of EB10A
    const { warehouse, model } = t.host.dependencies;
    const before = await warehouseSnapshot(warehouse, model);
    const chapterColumn = model.tables.find((table) => table.name === 'fact_activity')!.columns.find((column) => column.from === 'spell_core_hrg_chapter')!.name;
    const original = hrgCatalogueModule.hrgCatalogue();
    const changed = new Map(original);
    changed.set('EB10A', { ...original.get('EB10A')!, chapter: 'ZZ' });
    jest.spyOn(hrgCatalogueModule, 'hrgCatalogue').mockReturnValue(changed);

    // Act
    const outcome = await reprocessExtract(t.host.dependencies, { extractId, from: 'map' });
    await t.host.runUntilQuiet();

    // Assess: the same rows, once, with the new reference value; every other table as it was
    expect(outcome.messages.map((message) => [message.stage, message.product, message.blobs[0].path])).toEqual([['map', 'careflow', `careflow/sus-apc/pseudonymised/${extractId}.csv.gz`]]);
    const after = await warehouseSnapshot(warehouse, model);
    expect(after.fact_activity).toHaveLength(2);
    expect(after.fact_activity.map((row) => (row as Record<string, unknown>)[chapterColumn])).toEqual(['ZZ', 'ZZ']);
    expect(before.fact_activity.map((row) => ({ ...(row as Record<string, unknown>), [chapterColumn]: 'ZZ' }))).toEqual(after.fact_activity);
    for (const table of Object.keys(before).filter((name) => name !== 'fact_activity')) expect([table, after[table]]).toEqual([table, before[table]]);
    expect(t.host.bus.listAll()).toEqual([]);
  });

  it('re-runs from pseudonymise off the accepted raw copy, back to the first run with the reference data restored', async () => {
    // Prepare
    const { warehouse, model, manifests } = t.host.dependencies;

    // Act
    await reprocessExtract(t.host.dependencies, { extractId, from: 'pseudonymise' });
    await t.host.runUntilQuiet();

    // Assess: the malformed row is quarantined again, not twice; the warehouse is exactly the first run's
    expect(await warehouseSnapshot(warehouse, model)).toEqual(firstRun);
    const manifest = await manifests.read('sus-apc', extractId);
    expect(manifest!.products.careflow.stages.pseudonymise).toMatchObject({ status: 'succeeded', rowsIn: 3, rowsOut: 2, rowsQuarantined: 1 });
  });

  it.each(['load', 'link', 'dq'] as const)('re-runs from %s and changes nothing', async (from) => {
    // Prepare
    const { warehouse, model } = t.host.dependencies;
    const before = await warehouseSnapshot(warehouse, model);

    // Act
    const outcome = await reprocessExtract(t.host.dependencies, { extractId, from });
    await t.host.runUntilQuiet();

    // Assess
    expect(outcome.messages[0]).toMatchObject({ stage: from, keyVersion: expect.any(String), periods: ['2024-05'] });
    expect(await warehouseSnapshot(warehouse, model)).toEqual(before);
    expect(t.host.bus.listAll()).toEqual([]);
  });

  it('names what is missing: an unknown extract, or an unknown stage', async () => {
    await expect(reprocessExtract(t.host.dependencies, { extractId: 'f'.repeat(32), from: 'map' })).rejects.toMatchObject({ code: ErrorCodes.reprocessInputMissing });
    await expect(reprocessExtract(t.host.dependencies, { extractId, from: 'ingest' as never })).rejects.toMatchObject({ code: ErrorCodes.invalidOperation });
  });
});
