import { HttpRequest, HttpResponseInit } from '@azure/functions';
import { DeadLetterStore } from '../../messaging/dead-letter-store.port';
import { answerDeadLetterRequest, DeadLetterAction, DeadLetterRequestInput } from '../../operations/answerDeadLetterRequest';
import { createAzureDeadLetterStore } from './createAzureDeadLetterStore';

let shared: DeadLetterStore | undefined;

/** One Service Bus client per worker process, created on first use. */
function azureDeadLetterStore(): DeadLetterStore {
  shared ??= createAzureDeadLetterStore();
  return shared;
}

/** HTTP handler for the ops dead-letter routes: list reads the query string, replay and purge a JSON body. */
export function deadLettersTrigger(action: DeadLetterAction, store: () => DeadLetterStore = azureDeadLetterStore) {
  return async (request: HttpRequest): Promise<HttpResponseInit> => {
    const input: DeadLetterRequestInput = action === 'list' ? Object.fromEntries(request.query.entries()) : await jsonBody(request);
    return answerDeadLetterRequest(store(), action, input);
  };
}

async function jsonBody(request: HttpRequest): Promise<DeadLetterRequestInput> {
  try {
    const body = await request.json();
    return body && typeof body === 'object' && !Array.isArray(body) ? (body as DeadLetterRequestInput) : {};
  } catch {
    return {};
  }
}
