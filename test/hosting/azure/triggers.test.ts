import { InvocationContext } from '@azure/functions';
import { ingestFromBlobTrigger, ingestFromEventGrid } from '../../../shared/hosting/azure/ingestTriggers';
import { stageTrigger } from '../../../shared/hosting/azure/stageTrigger';
import { statusTrigger } from '../../../shared/hosting/azure/statusTrigger';
import { susApcCsv, susApcRow } from '../../factories/susApcRows';
import { startTestHost, TestHost } from '../../support/startTestHost';

/** Handlers run as the Functions host calls them, with an InvocationContext; no host needed. */
describe('Azure trigger handlers', () => {
  let t: TestHost;
  const dependencies = () => Promise.resolve(t.host.dependencies);
  beforeAll(async () => {
    t = await startTestHost();
  });
  afterAll(async () => t.stop());

  it('ingests from an Event Grid BlobCreated event and ignores other events', async () => {
    // Prepare
    await t.host.dependencies.blobs.write('raw', 'landing/sus-apc/eg_20240601.csv', susApcCsv([susApcRow()]));
    const context = new InvocationContext({ functionName: 'ingest' });
    const sent: string[] = [];
    const send = t.host.bus.send.bind(t.host.bus);
    t.host.bus.send = async (queue, message) => {
      sent.push(`${queue}:${message.flow}`);
      await send(queue, message);
    };

    // Act
    await ingestFromEventGrid(dependencies)({ id: '1', eventType: 'Microsoft.Storage.BlobDeleted', subject: '/blobServices/default/containers/raw/blobs/landing/sus-apc/eg_20240601.csv', data: {}, dataVersion: '1', eventTime: new Date().toISOString() } as never, context);
    await ingestFromEventGrid(dependencies)({ id: '2', eventType: 'Microsoft.Storage.BlobCreated', subject: '/blobServices/default/containers/raw/blobs/landing/sus-apc/eg_20240601.csv', data: {}, dataVersion: '1', eventTime: new Date().toISOString() } as never, context);

    // Assess
    expect(sent).toEqual(['dscro-pseudonymise:sus-apc']);
    t.host.bus.send = send;
  });

  it('ingests from the blob trigger path and runs a stage with the delivery count from trigger metadata', async () => {
    // Prepare
    await t.host.dependencies.blobs.write('raw', 'landing/sus-apc/bt_20240602.csv', susApcCsv([susApcRow({ APCE_Ident: '77' })]));
    await ingestFromBlobTrigger(dependencies)(Buffer.alloc(0), new InvocationContext({ triggerMetadata: { blobTrigger: 'raw/landing/sus-apc/bt_20240602.csv' } }));
    const letters = await t.host.bus.list('', 10);
    expect(letters).toEqual([]);

    // Act: an invalid message on the map queue fails validation before any work
    const handler = stageTrigger('map', dependencies);
    await expect(handler({ stage: 'map' }, new InvocationContext({ triggerMetadata: { deliveryCount: 2 } }))).rejects.toThrow(/DSCRO-MSG-001/);
    await t.host.runUntilQuiet();

    // Assess
    const facts = await t.host.dependencies.warehouse.query("SELECT apce_ident FROM dw.fact_activity WHERE apce_ident = '77'");
    expect(facts).toEqual([{ apce_ident: '77' }]);
  });

  it('answers the status HTTP request', async () => {
    // Act
    const response = await statusTrigger(dependencies)({ params: { extractId: 'not-an-id' }, query: new URLSearchParams() } as never);

    // Assess
    expect(response).toEqual({ status: 400, jsonBody: { error: 'extract id must be 32 lowercase hex characters' } });
  });
});
