import { HttpRequest, HttpResponseInit } from '@azure/functions';
import { answerMetricsRequest } from '../../dashboard/answerMetricsRequest';
import { StageDependencies } from '../../stages/StageDependencies';
import { azureDependencies } from './azureDependencies';

export function metricsTrigger(dependencies: () => Promise<StageDependencies> = azureDependencies) {
  return async (request: HttpRequest): Promise<HttpResponseInit> =>
    answerMetricsRequest(await dependencies(), {
      product: request.params.product,
      view: request.params.view,
      from: request.query.get('from'),
      to: request.query.get('to'),
      provider: request.query.get('provider'),
    });
}
