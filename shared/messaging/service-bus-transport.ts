import { createHash } from 'node:crypto';
import { ServiceBusClient, ServiceBusMessage } from '@azure/service-bus';
import type { TokenCredential } from '@azure/identity';
import { MessageTransport } from './message-transport.port';
import { StageMessage } from './stageMessage';

/** Service Bus rejects message ids longer than this. */
const maxMessageIdLength = 128;

/** The part of the SDK sender this adapter uses, so tests can record what would go on the wire. */
export interface StageMessageSender {
  sendMessages(message: ServiceBusMessage): Promise<void>;
  close(): Promise<void>;
}

/** The part of `ServiceBusClient` this adapter uses. */
export interface StageMessageSenderFactory {
  createSender(queue: string): StageMessageSender;
  close(): Promise<void>;
}

/** Sends stage messages to Service Bus queues: the emulator locally, a namespace reached with managed identity in Azure. */
export class ServiceBusTransport implements MessageTransport {
  private readonly senders = new Map<string, StageMessageSender>();

  public constructor(private readonly client: StageMessageSenderFactory) {}

  public static fromConnectionString(connectionString: string): ServiceBusTransport {
    return new ServiceBusTransport(new ServiceBusClient(connectionString));
  }

  public static fromNamespace(fullyQualifiedNamespace: string, credential: TokenCredential): ServiceBusTransport {
    return new ServiceBusTransport(new ServiceBusClient(fullyQualifiedNamespace, credential));
  }

  /**
   * The same step of the same extract always gets the same id, so Service Bus duplicate detection drops a re-send
   * (a handler retried after it had already sent). Over-long ids are hashed rather than rejected by the broker.
   */
  public static messageIdOf(message: StageMessage): string {
    const bucket = message.bucket === undefined ? '' : `:${message.bucket}`;
    const id = `${message.stage}:${message.extractId}:${message.product}${bucket}`;
    if (id.length <= maxMessageIdLength) return id;
    return `${message.stage}:${createHash('sha256').update(id).digest('hex')}`;
  }

  public async send(queue: string, message: StageMessage): Promise<void> {
    await this.senderFor(queue).sendMessages({
      body: message,
      contentType: 'application/json',
      messageId: ServiceBusTransport.messageIdOf(message),
      correlationId: message.correlationId,
      subject: message.stage,
      // Routing and search fields only: application properties show in the portal and in Service Bus Explorer.
      applicationProperties: {
        product: message.product,
        flow: message.flow,
        extractId: message.extractId,
        stage: message.stage,
      },
    });
  }

  public async close(): Promise<void> {
    const senders = [...this.senders.values()];
    this.senders.clear();
    try {
      await Promise.all(senders.map((sender) => sender.close()));
    } finally {
      await this.client.close();
    }
  }

  /** One sender per queue: each holds an AMQP link, and opening one per message would cost a round trip each time. */
  private senderFor(queue: string): StageMessageSender {
    let sender = this.senders.get(queue);
    if (!sender) {
      sender = this.client.createSender(queue);
      this.senders.set(queue, sender);
    }
    return sender;
  }
}
