import { createHash } from 'node:crypto';
import { EventGridPublisherClient, SendEventGridEventInput } from '@azure/eventgrid';
import type { TokenCredential } from '@azure/identity';
import { EventPublisher, PlatformEvent } from './event-publisher.port';

/** The part of `EventGridPublisherClient<'EventGrid'>` this adapter uses. */
export interface EventGridSender {
  send(events: SendEventGridEventInput<Record<string, unknown>>[]): Promise<void>;
}

/** Publishes platform events to an Event Grid topic in the Event Grid schema, with managed identity in Azure. */
export class EventGridPublisher implements EventPublisher {
  public constructor(
    private readonly client: EventGridSender,
    private readonly now: () => Date = () => new Date(),
  ) {}

  public static fromEndpoint(endpoint: string, credential: TokenCredential): EventGridPublisher {
    return new EventGridPublisher(new EventGridPublisherClient(endpoint, 'EventGrid', credential));
  }

  public async publish(events: PlatformEvent[]): Promise<void> {
    if (events.length === 0) return;
    const eventTime = this.now();
    await this.client.send(
      events.map((event) => ({
        id: EventGridPublisher.idOf(event),
        eventType: event.eventType,
        subject: event.subject,
        dataVersion: event.dataVersion,
        data: event.data,
        eventTime,
      })),
    );
  }

  /**
   * Derived from the content, so the same event published again by a redelivered stage carries the same id and
   * subscribers can drop the repeat, as the stages themselves are idempotent.
   */
  public static idOf(event: PlatformEvent): string {
    const canonical = canonicalJson([event.eventType, event.subject, event.dataVersion, event.data]);
    const hex = createHash('sha256').update(canonical).digest('hex');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
  }
}

/** JSON with object keys sorted, so two equal payloads built in a different key order hash alike. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) => {
    if (inner === null || typeof inner !== 'object' || Array.isArray(inner)) return inner;
    return Object.fromEntries(Object.entries(inner as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  });
}
