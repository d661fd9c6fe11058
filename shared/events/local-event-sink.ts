import { appendFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { EventPublisher, PlatformEvent } from './event-publisher.port';

/**
 * Stands in for Event Grid locally: each event becomes one JSON line in `<folder>/events.jsonl`, which an operator
 * can tail, and is kept in `published` so tests can assert on what a stage announced.
 */
export class LocalEventSink implements EventPublisher {
  public readonly published: PlatformEvent[] = [];
  public readonly file: string;

  public constructor(
    private readonly folder: string,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.file = path.join(folder, 'events.jsonl');
  }

  public async publish(events: PlatformEvent[]): Promise<void> {
    if (events.length === 0) return;
    await mkdir(this.folder, { recursive: true });
    const eventTime = this.now().toISOString();
    const lines = events.map((event) => `${JSON.stringify({ eventTime, ...event })}\n`).join('');
    // One append per batch, so a batch's lines land together rather than interleaved with another publisher's.
    await appendFile(this.file, lines, 'utf8');
    this.published.push(...events);
  }
}
