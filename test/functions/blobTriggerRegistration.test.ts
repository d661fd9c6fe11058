import { ConnectionNames } from '../../shared/config/settingNames';

const registered: { kind: string; name: string; options: Record<string, unknown> }[] = [];
jest.mock('@azure/functions', () => {
  const record = (kind: string) => (name: string, options: Record<string, unknown>) => registered.push({ kind, name, options });
  return { app: { eventGrid: record('eventGrid'), storageBlob: record('storageBlob') } };
});

describe('functions/ingest with INGEST_TRIGGER=blob', () => {
  it('registers the EventGrid-sourced blob trigger on raw/landing instead of the Event Grid trigger', () => {
    // Prepare
    process.env.INGEST_TRIGGER = 'blob';

    // Act
    jest.requireActual('../../functions/ingest');

    // Assess
    expect(registered).toHaveLength(1);
    expect(registered[0]).toMatchObject({ kind: 'storageBlob', name: 'ingest', options: { path: 'raw/landing/{flow}/{name}', source: 'EventGrid', connection: ConnectionNames.storage } });
    delete process.env.INGEST_TRIGGER;
  });
});
