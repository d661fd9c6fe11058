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
    for (const file of ['ingest', 'pseudonymise', 'map', 'load', 'link', 'dq', 'status', 'metrics', 'dashboard', 'static', 'dqReport']) jest.requireActual(`../../functions/${file}`);
  });

  it('registers one Service Bus trigger per stage on the stage queue from the chain', () => {
    const queues = registered.filter((entry) => entry.kind === 'serviceBusQueue').map((entry) => [entry.name, entry.options.queueName, entry.options.connection]);
    expect(queues).toEqual(chain.map((link) => [link.stage, link.queue, ConnectionNames.serviceBus]));
  });

  it('registers the Event Grid ingest trigger by default and the status HTTP function', () => {
    expect(registered.filter((entry) => entry.kind === 'eventGrid').map((entry) => entry.name)).toEqual(['ingest']);
    expect(registered.find((entry) => entry.kind === 'http')).toMatchObject({ name: 'status', options: { route: 'api/status/{extractId?}', methods: ['GET'], authLevel: 'function' } });
  });

  it('registers the commissioner-facing HTTP functions on the routes the local server serves', () => {
    // host.json clears the route prefix, so these are the full paths in Azure as on a laptop.
    const http = registered.filter((entry) => entry.kind === 'http' && entry.name !== 'status').map((entry) => [entry.name, entry.options.route, entry.options.methods]);
    expect(http).toEqual([
      ['metrics', 'api/products/{product}/metrics/{view}', ['GET']],
      ['dashboard', 'dashboard/{product}', ['GET']],
      ['static', 'static/{asset}', ['GET']],
      ['dqReport', 'reports/dq/{product}/latest', ['GET']],
    ]);
  });

  it('serves routes without the default /api prefix, so API routes name /api themselves', () => {
    const host = jest.requireActual('../../host.json') as { extensions: { http?: { routePrefix?: string } } };
    expect(host.extensions.http?.routePrefix).toBe('');
  });
});
