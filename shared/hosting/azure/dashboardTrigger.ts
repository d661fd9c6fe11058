import { HttpRequest, HttpResponseInit } from '@azure/functions';
import { answerDashboardRequest } from '../../dashboard/answerDashboardRequest';
import { StageDependencies } from '../../stages/StageDependencies';
import { azureDependencies } from './azureDependencies';

export function dashboardTrigger(dependencies: () => Promise<StageDependencies> = azureDependencies) {
  return async (request: HttpRequest): Promise<HttpResponseInit> =>
    answerDashboardRequest(await dependencies(), request.params.product, {
      from: request.query.get('from'),
      to: request.query.get('to'),
      provider: request.query.get('provider'),
    });
}
