import { createHash } from 'node:crypto';
import { ServiceBusClient, ServiceBusMessage, ServiceBusReceivedMessage } from '@azure/service-bus';
import type { TokenCredential } from '@azure/identity';
import { DeadLetterStore } from './dead-letter-store.port';
import { DeadLetter } from './message-transport.port';
import { StageMessage } from './stageMessage';

/** Service Bus rejects message ids longer than this. */
const maxMessageIdLength = 128;

/** The part of the SDK receiver this adapter uses, so tests can stand in a dead-letter queue held in memory. */
export interface DeadLetterReceiver {
  peekMessages(maxMessageCount: number): Promise<ServiceBusReceivedMessage[]>;
  receiveMessages(maxMessageCount: number, options?: { maxWaitTimeInMs?: number }): Promise<ServiceBusReceivedMessage[]>;
  completeMessage(message: ServiceBusReceivedMessage): Promise<void>;
  abandonMessage(message: ServiceBusReceivedMessage): Promise<void>;
  close(): Promise<void>;
}

/** The part of `ServiceBusClient` this adapter uses. */
export interface DeadLetterClient {
  createReceiver(
    queue: string,
    options: { subQueueType: 'deadLetter'; receiveMode?: 'peekLock' | 'receiveAndDelete' },
  ): DeadLetterReceiver;
  createSender(queue: string): { sendMessages(message: ServiceBusMessage): Promise<void>; close(): Promise<void> };
  close(): Promise<void>;
}

export interface DeadLetterReaderOptions {
  /** How long a receive waits for the next dead letter before the scan decides the queue is exhausted. */
  receiveWaitMs?: number;
  /** Messages asked for per receive or peek. */
  batchSize?: number;
}

/** Reads, replays and purges the dead-letter queues of the stage queues in a Service Bus namespace. */
export class ServiceBusDeadLetterReader implements DeadLetterStore {
  private readonly receiveWaitMs: number;
  private readonly batchSize: number;

  public constructor(
    private readonly client: DeadLetterClient,
    options: DeadLetterReaderOptions = {},
  ) {
    this.receiveWaitMs = options.receiveWaitMs ?? 5000;
    this.batchSize = options.batchSize ?? 50;
  }

  public static fromConnectionString(connectionString: string, options?: DeadLetterReaderOptions): ServiceBusDeadLetterReader {
    return new ServiceBusDeadLetterReader(new ServiceBusClient(connectionString), options);
  }

  public static fromNamespace(
    fullyQualifiedNamespace: string,
    credential: TokenCredential,
    options?: DeadLetterReaderOptions,
  ): ServiceBusDeadLetterReader {
    return new ServiceBusDeadLetterReader(new ServiceBusClient(fullyQualifiedNamespace, credential), options);
  }

  public async list(queue: string, max: number): Promise<DeadLetter[]> {
    const receiver = this.client.createReceiver(queue, { subQueueType: 'deadLetter' });
    const found: DeadLetter[] = [];
    try {
      // A peek returns at most what the broker has at hand, not `max`; each call continues where the last stopped.
      while (found.length < max) {
        const batch = await receiver.peekMessages(Math.min(this.batchSize, max - found.length));
        if (batch.length === 0) break;
        for (const message of batch) found.push(toDeadLetter(queue, message));
      }
    } finally {
      await receiver.close();
    }
    return found;
  }

  public async replay(queue: string, messageIds: string[]): Promise<number> {
    const sender = this.client.createSender(queue);
    try {
      return await this.settleMatching(queue, new Set(messageIds), async (receiver, message) => {
        // Send before completing: a crash in between leaves the dead letter in place to replay again, and the
        // handlers are idempotent, whereas the other order could lose the message.
        await sender.sendMessages(replayOf(message));
        await receiver.completeMessage(message);
      });
    } finally {
      await sender.close();
    }
  }

  public async purge(queue: string, messageIds: string[] | 'all'): Promise<number> {
    if (messageIds !== 'all') {
      return this.settleMatching(queue, new Set(messageIds), (receiver, message) => receiver.completeMessage(message));
    }
    const receiver = this.client.createReceiver(queue, { subQueueType: 'deadLetter', receiveMode: 'receiveAndDelete' });
    let purged = 0;
    try {
      for (;;) {
        const batch = await receiver.receiveMessages(this.batchSize, { maxWaitTimeInMs: this.receiveWaitMs });
        if (batch.length === 0) return purged;
        purged += batch.length;
      }
    } finally {
      await receiver.close();
    }
  }

  public async close(): Promise<void> {
    await this.client.close();
  }

  /**
   * Service Bus cannot fetch a dead letter by id, so this receives through the dead-letter queue, settles the wanted
   * ones and keeps the rest locked (the SDK renews the locks) so the scan does not see them twice; they are released
   * when the scan ends.
   */
  private async settleMatching(
    queue: string,
    wanted: Set<string>,
    settle: (receiver: DeadLetterReceiver, message: ServiceBusReceivedMessage) => Promise<void>,
  ): Promise<number> {
    const receiver = this.client.createReceiver(queue, { subQueueType: 'deadLetter', receiveMode: 'peekLock' });
    const held: ServiceBusReceivedMessage[] = [];
    let settled = 0;
    try {
      while (wanted.size > 0) {
        const batch = await receiver.receiveMessages(this.batchSize, { maxWaitTimeInMs: this.receiveWaitMs });
        if (batch.length === 0) break;
        for (const message of batch) {
          const id = idOf(message);
          if (!wanted.has(id)) {
            held.push(message);
            continue;
          }
          try {
            await settle(receiver, message);
          } catch (error) {
            held.push(message);
            throw error;
          }
          wanted.delete(id);
          settled += 1;
        }
      }
    } finally {
      for (const message of held) {
        // A failed release is harmless: the lock expires and the message is back in the dead-letter queue.
        await receiver.abandonMessage(message).catch(() => undefined);
      }
      await receiver.close();
    }
    return settled;
  }
}

function toDeadLetter(queue: string, message: ServiceBusReceivedMessage): DeadLetter {
  return {
    queue,
    messageId: idOf(message),
    message: message.body as StageMessage,
    deadLetterReason: message.deadLetterReason ?? '',
    deadLetterErrorDescription: message.deadLetterErrorDescription ?? '',
    deliveryCount: message.deliveryCount ?? 0,
    enqueuedAt: message.enqueuedTimeUtc?.toISOString() ?? '',
  };
}

function idOf(message: ServiceBusReceivedMessage): string {
  return message.messageId === undefined ? '' : String(message.messageId);
}

/**
 * A replay needs an id duplicate detection has not seen: the original id is still inside the detection window and
 * the resend would be dropped silently. Counting replays keeps the id deterministic and traceable to the original.
 */
function replayOf(message: ServiceBusReceivedMessage): ServiceBusMessage {
  const match = /^(.*):replay:(\d+)$/.exec(idOf(message));
  let base = match ? match[1] : idOf(message);
  const attempt = match ? Number(match[2]) + 1 : 1;
  const suffix = `:replay:${attempt}`;
  if (base.length + suffix.length > maxMessageIdLength) base = createHash('sha256').update(base).digest('hex');
  return {
    body: message.body,
    contentType: message.contentType,
    messageId: `${base}${suffix}`,
    correlationId: message.correlationId,
    subject: message.subject,
    applicationProperties: message.applicationProperties,
  };
}
