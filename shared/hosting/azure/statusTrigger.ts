import { HttpRequest, HttpResponseInit } from '@azure/functions';
import { StageDependencies } from '../../stages/StageDependencies';
import { answerStatusRequest } from '../../status/statusHttpHandler';
import { azureDependencies } from './azureDependencies';

export function statusTrigger(dependencies: () => Promise<StageDependencies> = azureDependencies) {
  return async (request: HttpRequest): Promise<HttpResponseInit> =>
    answerStatusRequest(await dependencies(), request.params.extractId, request.query.get('flow') ?? undefined);
}
