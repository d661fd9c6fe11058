import { HttpRequest, HttpResponseInit } from '@azure/functions';
import { answerStatusRequest } from '../../status/statusHttpHandler';
import { azureDependencies } from './azureDependencies';

export async function statusTrigger(request: HttpRequest): Promise<HttpResponseInit> {
  return answerStatusRequest(await azureDependencies(), request.params.extractId, request.query.get('flow') ?? undefined);
}
