import { ServiceBusMessage } from '@azure/service-bus';
import { ServiceBusTransport, StageMessageSender, StageMessageSenderFactory } from '../../shared/messaging/service-bus-transport';
import { StageMessage } from '../../shared/messaging/stageMessage';

/** Records what the SDK client would have been asked to do, in order. */
class RecordingClient implements StageMessageSenderFactory {
  public readonly calls: string[] = [];
  public readonly sent: { queue: string; message: ServiceBusMessage }[] = [];

  public createSender(queue: string): StageMessageSender {
    this.calls.push(`createSender ${queue}`);
    return {
      sendMessages: async (message: ServiceBusMessage) => {
        this.calls.push(`send ${queue}`);
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
}

function stageMessage(overrides: Partial<StageMessage> = {}): StageMessage {
  return {
    schemaVersion: 1,
    stage: 'map',
    correlationId: 'corr-1',
    product: 'careflow-insights',
    flow: 'sus-apc',
    extractId: 'a1b2c3',
    precedence: '2024-05-01T00:00:00Z',
    fileName: 'SUS_APC_202404.csv',
    keyVersion: 'k1',
    periods: ['2024-04'],
    blobs: [{ zone: 'processed', path: 'pseudonymised/sus-apc/2024-04/a1b2c3.csv.gz' }],
    rowCounts: { in: 10, out: 9, quarantined: 1 },
    ...overrides,
  };
}

describe('ServiceBusTransport', () => {
  it('sends the stage message as JSON with a deterministic id and only routing fields as properties', async () => {
    // Prepare
    const client = new RecordingClient();
    const transport = new ServiceBusTransport(client);
    const message = stageMessage();

    // Act
    await transport.send('dscro-map', message);

    // Assess
    expect(client.sent).toEqual([
      {
        queue: 'dscro-map',
        message: {
          body: message,
          contentType: 'application/json',
          messageId: 'map:a1b2c3:careflow-insights',
          correlationId: 'corr-1',
          subject: 'map',
          applicationProperties: { product: 'careflow-insights', flow: 'sus-apc', extractId: 'a1b2c3', stage: 'map' },
        },
      },
    ]);
  });

  it('adds the bucket to the message id, bucket 0 included, so each link partition is its own step', async () => {
    // Prepare
    const client = new RecordingClient();
    const transport = new ServiceBusTransport(client);

    // Act
    await transport.send('dscro-link', stageMessage({ stage: 'link', bucket: 0 }));
    await transport.send('dscro-link', stageMessage({ stage: 'link', bucket: 7 }));

    // Assess
    expect(client.sent.map((entry) => entry.message.messageId)).toEqual([
      'link:a1b2c3:careflow-insights:0',
      'link:a1b2c3:careflow-insights:7',
    ]);
  });

  it('gives a re-send of the same step the same id, so duplicate detection can drop it', async () => {
    // Prepare
    const client = new RecordingClient();
    const transport = new ServiceBusTransport(client);

    // Act
    await transport.send('dscro-map', stageMessage({ correlationId: 'first-try' }));
    await transport.send('dscro-map', stageMessage({ correlationId: 'second-try' }));

    // Assess
    const [first, second] = client.sent.map((entry) => entry.message.messageId);
    expect(first).toBe(second);
  });

  it('hashes an id that would exceed the 128 characters Service Bus accepts, still deterministically', () => {
    // Prepare
    const message = stageMessage({ product: 'p'.repeat(120) });

    // Act
    const id = ServiceBusTransport.messageIdOf(message);

    // Assess
    expect(id).toMatch(/^map:[0-9a-f]{64}$/);
    expect(ServiceBusTransport.messageIdOf({ ...message })).toBe(id);
    expect(ServiceBusTransport.messageIdOf({ ...message, extractId: 'other' })).not.toBe(id);
  });

  it('opens one sender per queue and reuses it', async () => {
    // Prepare
    const client = new RecordingClient();
    const transport = new ServiceBusTransport(client);

    // Act
    await transport.send('dscro-map', stageMessage());
    await transport.send('dscro-map', stageMessage({ extractId: 'other' }));
    await transport.send('dscro-load', stageMessage({ stage: 'load' }));

    // Assess
    expect(client.calls).toEqual([
      'createSender dscro-map',
      'send dscro-map',
      'send dscro-map',
      'createSender dscro-load',
      'send dscro-load',
    ]);
  });

  it('closes every sender, then the client', async () => {
    // Prepare
    const client = new RecordingClient();
    const transport = new ServiceBusTransport(client);
    await transport.send('dscro-map', stageMessage());
    await transport.send('dscro-load', stageMessage({ stage: 'load' }));
    client.calls.length = 0;

    // Act
    await transport.close();

    // Assess
    expect(client.calls).toEqual(['closeSender dscro-map', 'closeSender dscro-load', 'closeClient']);
  });

  it('lets a send failure reach the caller, so the trigger redelivers', async () => {
    // Prepare
    const failure = new Error('ServiceCommunicationProblem');
    const client: StageMessageSenderFactory = {
      createSender: () => ({ sendMessages: () => Promise.reject(failure), close: async () => undefined }),
      close: async () => undefined,
    };
    const transport = new ServiceBusTransport(client);

    // Act
    const sending = transport.send('dscro-map', stageMessage());

    // Assess
    await expect(sending).rejects.toBe(failure);
  });
});
