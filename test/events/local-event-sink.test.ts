import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PlatformEvent } from '../../shared/events/event-publisher.port';
import { LocalEventSink } from '../../shared/events/local-event-sink';

function event(extractId: string): PlatformEvent {
  return {
    eventType: 'Dscro.Dq.Completed',
    subject: `products/careflow-insights/extracts/${extractId}`,
    dataVersion: '1',
    data: { extractId, status: 'pass' },
  };
}

describe('LocalEventSink', () => {
  let state: string;

  beforeEach(async () => {
    state = await mkdtemp(path.join(tmpdir(), 'dscro-events-'));
  });

  afterEach(async () => {
    await rm(state, { recursive: true, force: true });
  });

  it('appends one JSON line per event to events.jsonl, creating the folder', async () => {
    // Prepare
    const folder = path.join(state, 'events', 'nested');
    const sink = new LocalEventSink(folder, () => new Date('2024-05-02T10:15:00Z'));

    // Act
    await sink.publish([event('e1'), event('e2')]);
    await sink.publish([event('e3')]);

    // Assess
    const lines = (await readFile(path.join(folder, 'events.jsonl'), 'utf8')).split('\n');
    expect(lines.pop()).toBe('');
    expect(lines.map((line) => JSON.parse(line) as unknown)).toEqual([
      { eventTime: '2024-05-02T10:15:00.000Z', ...event('e1') },
      { eventTime: '2024-05-02T10:15:00.000Z', ...event('e2') },
      { eventTime: '2024-05-02T10:15:00.000Z', ...event('e3') },
    ]);
    expect(sink.file).toBe(path.join(folder, 'events.jsonl'));
  });

  it('keeps what it published in memory, in order', async () => {
    // Prepare
    const sink = new LocalEventSink(state);

    // Act
    await sink.publish([event('e1')]);
    await sink.publish([event('e2'), event('e3')]);

    // Assess
    expect(sink.published).toEqual([event('e1'), event('e2'), event('e3')]);
  });

  it('adds to a file an earlier run left behind', async () => {
    // Prepare
    await new LocalEventSink(state).publish([event('earlier')]);
    const sink = new LocalEventSink(state);

    // Act
    await sink.publish([event('later')]);

    // Assess
    const lines = (await readFile(path.join(state, 'events.jsonl'), 'utf8')).trim().split('\n');
    expect(lines.map((line) => (JSON.parse(line) as PlatformEvent).data.extractId)).toEqual(['earlier', 'later']);
    expect(sink.published).toEqual([event('later')]);
  });
});
