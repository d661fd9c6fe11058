/** An Event Grid event in the Event Grid schema; `data` carries references and counts, never patient rows. */
export interface PlatformEvent {
  eventType: string;
  subject: string;
  dataVersion: string;
  data: Record<string, unknown>;
}

export interface EventPublisher {
  publish(events: PlatformEvent[]): Promise<void>;
}
