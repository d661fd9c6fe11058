import { DeadLetter } from './message-transport.port';

/**
 * Operator access to a queue's dead letters: read them, send them back for another try, or discard them.
 * Service Bus in Azure; the local host keeps its own dead letters behind the same port.
 */
export interface DeadLetterStore {
  /** Reads up to `max` dead letters without changing them. */
  list(queue: string, max: number): Promise<DeadLetter[]>;
  /** Sends the named dead letters back to `queue` and removes them from its dead-letter queue; returns how many went back. */
  replay(queue: string, messageIds: string[]): Promise<number>;
  /** Removes the named dead letters, or all of them; returns how many were removed. */
  purge(queue: string, messageIds: string[] | 'all'): Promise<number>;
}
