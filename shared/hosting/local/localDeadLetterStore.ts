import { join, resolve } from 'node:path';
import { maxDeliveryCount } from '../../chain/chain';
import { DeadLetterStore } from '../../messaging/dead-letter-store.port';
import { LocalMessageBus } from '../../messaging/local-message-bus';

/** The dead letters a local run left in `<state>/dead-letters.json`, for listing and purging without starting the chain. */
export function localDeadLetterStore(stateDir: string): DeadLetterStore {
  return new LocalMessageBus({ maxDeliveryCount, deadLetterFile: join(resolve(stateDir), 'dead-letters.json') });
}
