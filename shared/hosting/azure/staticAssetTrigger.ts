import { HttpRequest, HttpResponseInit } from '@azure/functions';
import { answerStaticAssetRequest } from '../../dashboard/answerStaticAssetRequest';

/** Static files need no warehouse or storage clients, so this trigger never creates them. */
export function staticAssetTrigger() {
  return async (request: HttpRequest): Promise<HttpResponseInit> => answerStaticAssetRequest(request.params.asset);
}
