import { StageMessage } from './stageMessage';

/** Sends stage messages to a queue. Receiving is the trigger's job (Functions host in Azure, the local host here). */
export interface MessageTransport {
  send(queue: string, message: StageMessage): Promise<void>;
}

/** A message that ran out of deliveries, with the reason an operator reads. */
export interface DeadLetter {
  queue: string;
  messageId: string;
  message: StageMessage;
  deadLetterReason: string;
  deadLetterErrorDescription: string;
  deliveryCount: number;
  enqueuedAt: string;
}
