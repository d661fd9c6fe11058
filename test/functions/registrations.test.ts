import { chain } from '../../shared/chain/chain';
import { ConnectionNames } from '../../shared/config/settingNames';

/** The Functions registrations come from the chain definition: one queue trigger per stage, nothing hand-copied. */
const registered: { kind: string; name: string; options: Record<string, unknown> }[] = [];
jest.mock('@azure/functions', () => {
  const record = (kind: string) => (name: string, options: Record<string, unknown>) => registered.push({ kind, name, options });
  return { app: { serviceBusQueue: record('serviceBusQueue'), eventGrid: record('eventGrid'), storageBlob: record('storageBlob'), http: record('http') } };
});

describe('functions/ registrations', () => {
  beforeAll(() => {
    for (const file of ['ingest', 'pseudonymise', 'map', 'load', 'link', 'dq', 'status']) jest.requireActual(`../../functions/${file}`);
  });

  it('registers one Service Bus trigger per stage on the stage queue from the chain', () => {
    const queues = registered.filter((entry) => entry.kind === 'serviceBusQueue').map((entry) => [entry.name, entry.options.queueName, entry.options.connection]);
    expect(queues).toEqual(chain.map((link) => [link.stage, link.queue, ConnectionNames.serviceBus]));
  });

  it('registers the Event Grid ingest trigger by default and the status HTTP function', () => {
    expect(registered.filter((entry) => entry.kind === 'eventGrid').map((entry) => entry.name)).toEqual(['ingest']);
    expect(registered.find((entry) => entry.kind === 'http')).toMatchObject({ name: 'status', options: { route: 'status/{extractId?}', methods: ['GET'] } });
  });
});
