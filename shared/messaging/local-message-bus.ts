import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { DeadLetterStore } from './dead-letter-store.port';
import { DeadLetter, MessageTransport } from './message-transport.port';
import { StageMessage } from './stageMessage';

export type QueueHandler = (body: unknown, deliveryCount: number) => Promise<void>;

interface QueuedMessage {
  queue: string;
  messageId: string;
  body: string;
  deliveryCount: number;
  enqueuedAt: string;
}

export interface LocalMessageBusOptions {
  maxDeliveryCount: number;
  /** Dead letters survive restarts here, so `deadletters list` sees what an earlier run left. */
  deadLetterFile?: string;
}

/**
 * The local stand-in for Service Bus, with the semantics stage code relies on: at-least-once delivery, a
 * failed delivery is redelivered, and after `maxDeliveryCount` failures the message goes to the dead-letter
 * store with a reason. Bodies are serialised on send, as on the wire, so no object is shared between stages.
 */
export class LocalMessageBus implements MessageTransport, DeadLetterStore {
  private readonly pending: QueuedMessage[] = [];
  private deadLetters: DeadLetter[];
  private sequence = 0;

  public constructor(private readonly options: LocalMessageBusOptions) {
    this.deadLetters = options.deadLetterFile ? readDeadLetters(options.deadLetterFile) : [];
  }

  public async send(queue: string, message: StageMessage): Promise<void> {
    this.sequence += 1;
    this.pending.push({ queue, messageId: `local-${Date.now().toString(36)}-${this.sequence}`, body: JSON.stringify(message), deliveryCount: 0, enqueuedAt: new Date().toISOString() });
  }

  public get pendingCount(): number {
    return this.pending.length;
  }

  /** Delivers messages one at a time, in order, until every queue is empty. Returns how many deliveries ran. */
  public async drain(handlers: Map<string, QueueHandler>, onDelivery?: (queue: string, pending: number) => void): Promise<number> {
    let deliveries = 0;
    for (let next = this.pending.shift(); next; next = this.pending.shift()) {
      const handler = handlers.get(next.queue);
      next.deliveryCount += 1;
      deliveries += 1;
      onDelivery?.(next.queue, this.pending.length);
      if (!handler) {
        this.deadLetter(next, 'NoHandler', `no handler listens on queue ${next.queue}`);
        continue;
      }
      try {
        await handler(JSON.parse(next.body), next.deliveryCount);
      } catch (error) {
        if (next.deliveryCount >= this.options.maxDeliveryCount) {
          this.deadLetter(next, 'MaxDeliveryCountExceeded', error instanceof Error ? error.message : String(error));
        } else {
          this.pending.push(next);
        }
      }
    }
    return deliveries;
  }

  public async list(queue: string, max: number): Promise<DeadLetter[]> {
    return this.deadLetters.filter((letter) => !queue || letter.queue === queue).slice(0, max);
  }

  public listAll(): DeadLetter[] {
    return [...this.deadLetters];
  }

  public async replay(queue: string, messageIds: string[]): Promise<number> {
    const chosen = this.deadLetters.filter((letter) => letter.queue === queue && messageIds.includes(letter.messageId));
    for (const letter of chosen) await this.send(letter.queue, letter.message);
    this.remove(chosen);
    return chosen.length;
  }

  public async purge(queue: string, messageIds: string[] | 'all'): Promise<number> {
    const chosen = this.deadLetters.filter((letter) => letter.queue === queue && (messageIds === 'all' || messageIds.includes(letter.messageId)));
    this.remove(chosen);
    return chosen.length;
  }

  private deadLetter(message: QueuedMessage, reason: string, description: string): void {
    this.deadLetters.push({
      queue: message.queue,
      messageId: message.messageId,
      message: JSON.parse(message.body) as StageMessage,
      deadLetterReason: reason,
      deadLetterErrorDescription: description,
      deliveryCount: message.deliveryCount,
      enqueuedAt: message.enqueuedAt,
    });
    this.persist();
  }

  private remove(letters: DeadLetter[]): void {
    this.deadLetters = this.deadLetters.filter((letter) => !letters.includes(letter));
    this.persist();
  }

  private persist(): void {
    if (!this.options.deadLetterFile) return;
    mkdirSync(dirname(this.options.deadLetterFile), { recursive: true });
    writeFileSync(this.options.deadLetterFile, JSON.stringify(this.deadLetters, null, 2));
  }
}

function readDeadLetters(file: string): DeadLetter[] {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as DeadLetter[];
  } catch {
    return [];
  }
}
