import { HttpRequest, HttpResponseInit } from '@azure/functions';
import { answerLatestDqReportRequest } from '../../dq/answerLatestDqReportRequest';
import { StageDependencies } from '../../stages/StageDependencies';
import { azureDependencies } from './azureDependencies';

export function dqReportTrigger(dependencies: () => Promise<StageDependencies> = azureDependencies) {
  return async (request: HttpRequest): Promise<HttpResponseInit> => answerLatestDqReportRequest(await dependencies(), request.params.product);
}
