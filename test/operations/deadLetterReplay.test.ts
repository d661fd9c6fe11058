import { queueOf } from '../../shared/chain/chain';
import { listDeadLetters, replayDeadLetters } from '../../shared/operations/deadLetterOperations';
import { susApcCsv, susApcRow, testNhsNumbers } from '../factories/susApcRows';
import { startTestHost, TestHost } from '../support/startTestHost';
import { warehouseSnapshot } from '../support/warehouseSnapshot';

const rows = [
  susApcRow({ APCE_Ident: '3001', APCS_Ident: '7001' }),
  susApcRow({ APCE_Ident: '3002', APCS_Ident: '7002', NHS_Number: testNhsNumbers[1] }),
  susApcRow({ APCE_Ident: '3003', APCS_Ident: '7003', NHS_Number: testNhsNumbers[2] }),
];

async function factCount(t: TestHost): Promise<number> {
  const [row] = await t.host.dependencies.warehouse.query('SELECT count(*) AS n FROM dw.fact_activity');
  return Number(row.n);
}

describe('dead letters: list, fix, replay', () => {
  let t: TestHost;
  afterEach(async () => t?.stop());

  it('dead-letters a poisoned load, names it, and loads the facts once after the cause is fixed and it is replayed', async () => {
    // Prepare: the warehouse refuses every load, so the load message runs out of deliveries
    t = await startTestHost();
    const warehouse = t.host.dependencies.warehouse;
    const upsertFacts = warehouse.upsertFacts.bind(warehouse);
    warehouse.upsertFacts = async () => {
      throw new Error('warehouse unavailable (simulated outage)');
    };
    const ingest = await t.host.dropContent('sus-apc', 'sus_apc_202405_20240601.csv', susApcCsv(rows));
    await t.host.runUntilQuiet();

    // Act: list
    const listed = await listDeadLetters(t.host.bus);

    // Assess: one dead letter, on the load queue, whose reason names the extract and the stage
    expect(listed).toHaveLength(1);
    const [letter] = listed;
    expect(letter).toMatchObject({ queue: queueOf('load'), extractId: ingest.extractId, flow: 'sus-apc', product: 'careflow', stage: 'load', reason: 'MaxDeliveryCountExceeded', deliveryCount: 5 });
    expect(letter.description).toContain(`stage load failed for extract ${ingest.extractId}`);
    expect(letter.description).toContain('warehouse unavailable');
    expect(await factCount(t)).toBe(0);
    const manifest = await t.host.dependencies.manifests.read('sus-apc', ingest.extractId!);
    expect(manifest!.products.careflow.stages.load.status).toBe('dead-lettered');
    expect(t.telemetry.records.filter((record) => record.name === 'deadletter.count')).toHaveLength(1);
    const deadLetteredMessage = t.host.bus.listAll()[0].message;

    // Act: fix the cause, replay the extract's dead letters, run until quiet
    warehouse.upsertFacts = upsertFacts;
    const replay = await replayDeadLetters(t.host.bus, { queue: queueOf('load'), extractId: ingest.extractId });
    await t.host.runUntilQuiet();

    // Assess: loaded once, nothing left dead-lettered, the rest of the chain ran
    expect(replay).toMatchObject({ requested: 1, done: 1, messageIds: [letter.messageId] });
    expect(await factCount(t)).toBe(rows.length);
    expect(await listDeadLetters(t.host.bus)).toEqual([]);
    const after = await t.host.dependencies.manifests.read('sus-apc', ingest.extractId!);
    expect(after!.products.careflow.stages.load.status).toBe('succeeded');
    expect(after!.products.careflow.stages.dq?.status).toBe('succeeded');

    // Act: the same message delivered again after its work is done (a second replay of a stale copy)
    const before = await warehouseSnapshot(warehouse, t.host.dependencies.model);
    await t.host.bus.send(queueOf('load'), deadLetteredMessage);
    await t.host.runUntilQuiet();

    // Assess: the warehouse is unchanged
    expect(await warehouseSnapshot(warehouse, t.host.dependencies.model)).toEqual(before);
    expect(await factCount(t)).toBe(rows.length);
  });

  it('replays nothing, harmlessly, when the named dead letter is no longer there', async () => {
    // Prepare
    t = await startTestHost();

    // Act
    const replay = await replayDeadLetters(t.host.bus, { queue: queueOf('load'), ids: ['local-gone-1'] });

    // Assess
    expect(replay).toMatchObject({ requested: 1, done: 0 });
    expect(t.host.bus.pendingCount).toBe(0);
  });
});

