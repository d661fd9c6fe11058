import { ServiceBusMessage, ServiceBusReceivedMessage } from '@azure/service-bus';
import { DeadLetterClient, DeadLetterReceiver, ServiceBusDeadLetterReader } from '../../shared/messaging/service-bus-dead-letters';
import { StageMessage } from '../../shared/messaging/stageMessage';

type Stored = Omit<ServiceBusReceivedMessage, '_rawAmqpMessage' | 'deliveryCount'> & { deliveryCount: number };

/**
 * A namespace whose dead-letter queues live in memory and behave as the broker does where the reader depends on it:
 * peeks continue from the last one and hand out fewer than asked, locked messages are not received twice,
 * completing needs the lock, abandoning releases it, receiveAndDelete removes on receipt.
 */
class FakeNamespace implements DeadLetterClient {
  public readonly calls: string[] = [];
  public readonly sent: { queue: string; message: ServiceBusMessage }[] = [];
  public readonly deadLetters = new Map<string, Stored[]>();
  public readonly locked = new Set<Stored>();
  public failSends = false;
  /** The broker returns at most this many per call, whatever the caller asks for. */
  public readonly brokerBatch = 2;

  public createReceiver(queue: string, options: { subQueueType: 'deadLetter'; receiveMode?: 'peekLock' | 'receiveAndDelete' }): DeadLetterReceiver {
    this.calls.push(`createReceiver ${queue} ${JSON.stringify(options)}`);
    const mode = options.receiveMode ?? 'peekLock';
    const dlq = this.dlq(queue);
    const mine = new Set<Stored>();
    let peekCursor = 0;
    return {
      peekMessages: async (max: number) => {
        this.calls.push(`peek ${max}`);
        const batch = dlq.slice(peekCursor, peekCursor + Math.min(max, this.brokerBatch));
        peekCursor += batch.length;
        return batch.map(asReceived);
      },
      receiveMessages: async (max: number, options?: { maxWaitTimeInMs?: number }) => {
        this.calls.push(`receive ${max} wait=${options?.maxWaitTimeInMs}`);
        const batch = dlq.filter((message) => !this.locked.has(message)).slice(0, Math.min(max, this.brokerBatch));
        for (const message of batch) {
          if (mode === 'receiveAndDelete') dlq.splice(dlq.indexOf(message), 1);
          else {
            this.locked.add(message);
            mine.add(message);
          }
        }
        return batch.map(asReceived);
      },
      completeMessage: async (received: ServiceBusReceivedMessage) => {
        this.calls.push(`complete ${received.messageId}`);
        const message = this.held(dlq, mine, received, mode);
        dlq.splice(dlq.indexOf(message), 1);
        this.locked.delete(message);
        mine.delete(message);
      },
      abandonMessage: async (received: ServiceBusReceivedMessage) => {
        this.calls.push(`abandon ${received.messageId}`);
        const message = this.held(dlq, mine, received, mode);
        message.deliveryCount += 1;
        this.locked.delete(message);
        mine.delete(message);
      },
      close: async () => {
        this.calls.push(`closeReceiver ${queue}`);
        // Locks die with the link.
        for (const message of mine) this.locked.delete(message);
      },
    };
  }

  public createSender(queue: string): { sendMessages(message: ServiceBusMessage): Promise<void>; close(): Promise<void> } {
    this.calls.push(`createSender ${queue}`);
    return {
      sendMessages: async (message: ServiceBusMessage) => {
        this.calls.push(`send ${queue} ${message.messageId}`);
        if (this.failSends) throw new Error('ServiceCommunicationProblem');
        this.sent.push({ queue, message });
      },
      close: async () => {
        this.calls.push(`closeSender ${queue}`);
      },
    };
  }

  public async close(): Promise<void> {
    this.calls.push('closeClient');
  }

  public dlq(queue: string): Stored[] {
    let messages = this.deadLetters.get(queue);
    if (!messages) {
      messages = [];
      this.deadLetters.set(queue, messages);
    }
    return messages;
  }

  public idsIn(queue: string): string[] {
    return this.dlq(queue).map((message) => String(message.messageId));
  }

  private held(dlq: Stored[], mine: Set<Stored>, received: ServiceBusReceivedMessage, mode: string): Stored {
    if (mode === 'receiveAndDelete') throw new Error('The operation is not supported in receiveAndDelete mode');
    const message = dlq.find((candidate) => candidate.messageId === received.messageId && mine.has(candidate));
    if (!message) throw new Error('The message has either been deleted or already settled');
    return message;
  }
}

function asReceived(message: Stored): ServiceBusReceivedMessage {
  return { ...message } as ServiceBusReceivedMessage;
}

function stageMessage(extractId: string): StageMessage {
  return {
    schemaVersion: 1,
    stage: 'map',
    correlationId: `corr-${extractId}`,
    product: 'careflow-insights',
    flow: 'sus-apc',
    extractId,
    precedence: '2024-05-01T00:00:00Z',
    fileName: 'SUS_APC_202404.csv',
    blobs: [{ zone: 'processed', path: `pseudonymised/sus-apc/2024-04/${extractId}.csv.gz` }],
  };
}

function deadLetter(messageId: string, extractId: string): Stored {
  return {
    body: stageMessage(extractId),
    messageId,
    contentType: 'application/json',
    correlationId: `corr-${extractId}`,
    subject: 'map',
    applicationProperties: { product: 'careflow-insights', flow: 'sus-apc', extractId, stage: 'map' },
    deadLetterReason: 'MaxDeliveryCountExceeded',
    deadLetterErrorDescription: 'DSCRO-REF-001: reference table hrg missing',
    deliveryCount: 5,
    enqueuedTimeUtc: new Date('2024-05-02T10:00:00Z'),
    state: 'active',
  };
}

function namespaceWith(queue: string, ...messages: Stored[]): FakeNamespace {
  const namespace = new FakeNamespace();
  namespace.dlq(queue).push(...messages);
  return namespace;
}

describe('ServiceBusDeadLetterReader.list', () => {
  it('peeks the dead-letter sub-queue and maps each message to what an operator reads', async () => {
    // Prepare
    const namespace = namespaceWith('dscro-map', deadLetter('map:e1:careflow-insights', 'e1'));
    const reader = new ServiceBusDeadLetterReader(namespace);

    // Act
    const found = await reader.list('dscro-map', 10);

    // Assess
    expect(found).toEqual([
      {
        queue: 'dscro-map',
        messageId: 'map:e1:careflow-insights',
        message: stageMessage('e1'),
        deadLetterReason: 'MaxDeliveryCountExceeded',
        deadLetterErrorDescription: 'DSCRO-REF-001: reference table hrg missing',
        deliveryCount: 5,
        enqueuedAt: '2024-05-02T10:00:00.000Z',
      },
    ]);
    expect(namespace.calls[0]).toBe('createReceiver dscro-map {"subQueueType":"deadLetter"}');
    expect(namespace.calls).toContain('closeReceiver dscro-map');
    expect(namespace.idsIn('dscro-map')).toEqual(['map:e1:careflow-insights']);
  });

  it('keeps peeking while the broker hands out less than asked, and stops at max', async () => {
    // Prepare
    const namespace = namespaceWith('dscro-map', deadLetter('a', 'e1'), deadLetter('b', 'e2'), deadLetter('c', 'e3'), deadLetter('d', 'e4'));
    const reader = new ServiceBusDeadLetterReader(namespace);

    // Act
    const found = await reader.list('dscro-map', 3);

    // Assess
    expect(found.map((letter) => letter.messageId)).toEqual(['a', 'b', 'c']);
    expect(namespace.calls.filter((call) => call.startsWith('peek'))).toEqual(['peek 3', 'peek 1']);
  });

  it('returns nothing for an empty dead-letter queue and still closes the receiver', async () => {
    // Prepare
    const namespace = new FakeNamespace();
    const reader = new ServiceBusDeadLetterReader(namespace);

    // Act
    const found = await reader.list('dscro-load', 5);

    // Assess
    expect(found).toEqual([]);
    expect(namespace.calls).toEqual(['createReceiver dscro-load {"subQueueType":"deadLetter"}', 'peek 5', 'closeReceiver dscro-load']);
  });
});

describe('ServiceBusDeadLetterReader.replay', () => {
  it('re-sends the named dead letter to its queue under a fresh id, then removes it from the dead-letter queue', async () => {
    // Prepare
    const namespace = namespaceWith('dscro-map', deadLetter('map:e1:careflow-insights', 'e1'), deadLetter('map:e2:careflow-insights', 'e2'));
    const reader = new ServiceBusDeadLetterReader(namespace, { receiveWaitMs: 250 });

    // Act
    const replayed = await reader.replay('dscro-map', ['map:e2:careflow-insights']);

    // Assess
    expect(replayed).toBe(1);
    expect(namespace.sent).toEqual([
      {
        queue: 'dscro-map',
        message: {
          body: stageMessage('e2'),
          contentType: 'application/json',
          messageId: 'map:e2:careflow-insights:replay:1',
          correlationId: 'corr-e2',
          subject: 'map',
          applicationProperties: { product: 'careflow-insights', flow: 'sus-apc', extractId: 'e2', stage: 'map' },
        },
      },
    ]);
    expect(namespace.idsIn('dscro-map')).toEqual(['map:e1:careflow-insights']);
    expect(namespace.locked.size).toBe(0);
    expect(namespace.calls).toContain('createReceiver dscro-map {"subQueueType":"deadLetter","receiveMode":"peekLock"}');
    expect(namespace.calls).toContain('receive 50 wait=250');
  });

  it('sends before it completes, so a failure in between cannot lose the message', async () => {
    // Prepare
    const namespace = namespaceWith('dscro-map', deadLetter('m1', 'e1'));
    const reader = new ServiceBusDeadLetterReader(namespace);

    // Act
    await reader.replay('dscro-map', ['m1']);

    // Assess
    const settling = namespace.calls.filter((call) => call.startsWith('send') || call.startsWith('complete'));
    expect(settling).toEqual(['send dscro-map m1:replay:1', 'complete m1']);
  });

  it('counts replays in the id, so a message replayed before is not dropped as a duplicate', async () => {
    // Prepare
    const namespace = namespaceWith('dscro-map', deadLetter('map:e1:careflow-insights:replay:1', 'e1'));
    const reader = new ServiceBusDeadLetterReader(namespace);

    // Act
    await reader.replay('dscro-map', ['map:e1:careflow-insights:replay:1']);

    // Assess
    expect(namespace.sent.map((entry) => entry.message.messageId)).toEqual(['map:e1:careflow-insights:replay:2']);
  });

  it('scans past other dead letters, releases them, and stops once it has what was asked for', async () => {
    // Prepare
    const namespace = namespaceWith('dscro-map', deadLetter('a', 'e1'), deadLetter('b', 'e2'), deadLetter('c', 'e3'), deadLetter('d', 'e4'), deadLetter('e', 'e5'));
    const reader = new ServiceBusDeadLetterReader(namespace);

    // Act
    const replayed = await reader.replay('dscro-map', ['c']);

    // Assess
    expect(replayed).toBe(1);
    expect(namespace.idsIn('dscro-map')).toEqual(['a', 'b', 'd', 'e']);
    expect(namespace.calls.filter((call) => call.startsWith('receive'))).toHaveLength(2);
    expect(namespace.calls.filter((call) => call.startsWith('abandon'))).toEqual(['abandon a', 'abandon b', 'abandon d']);
    expect(namespace.locked.size).toBe(0);
  });

  it('returns 0 for ids that are not there, after the queue runs dry', async () => {
    // Prepare
    const namespace = namespaceWith('dscro-map', deadLetter('a', 'e1'));
    const reader = new ServiceBusDeadLetterReader(namespace);

    // Act
    const replayed = await reader.replay('dscro-map', ['missing']);

    // Assess
    expect(replayed).toBe(0);
    expect(namespace.sent).toEqual([]);
    expect(namespace.idsIn('dscro-map')).toEqual(['a']);
  });

  it('leaves the dead letter in place and releases every lock when the re-send fails', async () => {
    // Prepare
    const namespace = namespaceWith('dscro-map', deadLetter('a', 'e1'), deadLetter('b', 'e2'));
    namespace.failSends = true;
    const reader = new ServiceBusDeadLetterReader(namespace);

    // Act
    const replaying = reader.replay('dscro-map', ['b']);

    // Assess
    await expect(replaying).rejects.toThrow('ServiceCommunicationProblem');
    expect(namespace.idsIn('dscro-map')).toEqual(['a', 'b']);
    expect(namespace.calls).not.toContain('complete b');
    expect(namespace.calls).toEqual(expect.arrayContaining(['abandon a', 'abandon b', 'closeReceiver dscro-map', 'closeSender dscro-map']));
  });
});

describe('ServiceBusDeadLetterReader.purge', () => {
  it('removes only the named dead letters', async () => {
    // Prepare
    const namespace = namespaceWith('dscro-dq', deadLetter('a', 'e1'), deadLetter('b', 'e2'), deadLetter('c', 'e3'));
    const reader = new ServiceBusDeadLetterReader(namespace);

    // Act
    const purged = await reader.purge('dscro-dq', ['a', 'c']);

    // Assess
    expect(purged).toBe(2);
    expect(namespace.idsIn('dscro-dq')).toEqual(['b']);
    expect(namespace.sent).toEqual([]);
    expect(namespace.locked.size).toBe(0);
  });

  it('drains the whole dead-letter queue in receiveAndDelete mode when asked for all', async () => {
    // Prepare
    const namespace = namespaceWith('dscro-dq', deadLetter('a', 'e1'), deadLetter('b', 'e2'), deadLetter('c', 'e3'));
    const reader = new ServiceBusDeadLetterReader(namespace, { receiveWaitMs: 100, batchSize: 10 });

    // Act
    const purged = await reader.purge('dscro-dq', 'all');

    // Assess
    expect(purged).toBe(3);
    expect(namespace.idsIn('dscro-dq')).toEqual([]);
    expect(namespace.calls[0]).toBe('createReceiver dscro-dq {"subQueueType":"deadLetter","receiveMode":"receiveAndDelete"}');
    expect(namespace.calls.filter((call) => call.startsWith('receive'))).toEqual(['receive 10 wait=100', 'receive 10 wait=100', 'receive 10 wait=100']);
    expect(namespace.calls.at(-1)).toBe('closeReceiver dscro-dq');
  });
});
