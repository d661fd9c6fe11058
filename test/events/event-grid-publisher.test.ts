import { SendEventGridEventInput } from '@azure/eventgrid';
import { EventGridPublisher, EventGridSender } from '../../shared/events/event-grid-publisher';
import { PlatformEvent } from '../../shared/events/event-publisher.port';

class RecordingSender implements EventGridSender {
  public readonly batches: SendEventGridEventInput<Record<string, unknown>>[][] = [];

  public async send(events: SendEventGridEventInput<Record<string, unknown>>[]): Promise<void> {
    this.batches.push(events);
  }
}

const published = new Date('2024-05-02T10:15:00Z');

function dqCompleted(overrides: Partial<PlatformEvent> = {}): PlatformEvent {
  return {
    eventType: 'Dscro.Dq.Completed',
    subject: 'products/careflow-insights/extracts/a1b2c3',
    dataVersion: '1',
    data: { extractId: 'a1b2c3', status: 'pass', report: 'reports/careflow-insights/2024-04/a1b2c3/dq.json', rowsIn: 10 },
    ...overrides,
  };
}

describe('EventGridPublisher', () => {
  it('sends all events in one call in the Event Grid schema, stamped with the publish time', async () => {
    // Prepare
    const sender = new RecordingSender();
    const publisher = new EventGridPublisher(sender, () => published);
    const first = dqCompleted();
    const second = dqCompleted({ eventType: 'Dscro.Dq.Failed', data: { extractId: 'a1b2c3', status: 'fail' } });

    // Act
    await publisher.publish([first, second]);

    // Assess
    expect(sender.batches).toEqual([
      [
        { id: EventGridPublisher.idOf(first), eventType: first.eventType, subject: first.subject, dataVersion: '1', data: first.data, eventTime: published },
        { id: EventGridPublisher.idOf(second), eventType: 'Dscro.Dq.Failed', subject: second.subject, dataVersion: '1', data: second.data, eventTime: published },
      ],
    ]);
    expect(EventGridPublisher.idOf(first)).not.toBe(EventGridPublisher.idOf(second));
  });

  it('gives the same event the same id whatever the key order of its data, so subscribers can drop repeats', () => {
    // Prepare
    const event = dqCompleted({ data: { extractId: 'a1b2c3', counts: { in: 10, out: 9 } } });
    const reordered = dqCompleted({ data: { counts: { out: 9, in: 10 }, extractId: 'a1b2c3' } });

    // Act
    const id = EventGridPublisher.idOf(event);

    // Assess
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(EventGridPublisher.idOf(reordered)).toBe(id);
    expect(EventGridPublisher.idOf(dqCompleted({ data: { extractId: 'a1b2c3', counts: { in: 10, out: 8 } } }))).not.toBe(id);
    expect(EventGridPublisher.idOf(dqCompleted({ subject: 'products/community-360/extracts/a1b2c3', data: event.data }))).not.toBe(id);
  });

  it('makes no call for an empty batch', async () => {
    // Prepare
    const sender = new RecordingSender();
    const publisher = new EventGridPublisher(sender);

    // Act
    await publisher.publish([]);

    // Assess
    expect(sender.batches).toEqual([]);
  });

  it('lets a send failure reach the caller once, leaving retries to the SDK', async () => {
    // Prepare
    const failure = Object.assign(new Error('Service Unavailable'), { statusCode: 503 });
    let attempts = 0;
    const publisher = new EventGridPublisher({
      send: async () => {
        attempts += 1;
        throw failure;
      },
    });

    // Act
    const publishing = publisher.publish([dqCompleted()]);

    // Assess
    await expect(publishing).rejects.toBe(failure);
    expect(attempts).toBe(1);
  });
});
