import { StageDependencies } from '../stages/StageDependencies';
import { extractStatusView, findExtractStatus } from './extractStatus';

export interface HttpAnswer {
  status: number;
  jsonBody: unknown;
}

/**
 * GET /api/status/{extractId}: one extract's journey; GET /api/status?flow=<flow>: that flow's extracts.
 * Ids are content hashes; an unknown id is a 404 that says so.
 */
export async function answerStatusRequest(dependencies: StageDependencies, extractId: string | undefined, flow: string | undefined): Promise<HttpAnswer> {
  const flows = dependencies.registry.flows().map((candidate) => candidate.id);
  if (extractId) {
    if (!/^[0-9a-f]{32}$/.test(extractId)) return { status: 400, jsonBody: { error: 'extract id must be 32 lowercase hex characters' } };
    const found = await findExtractStatus(dependencies.manifests, [...flows, '_unidentified'], extractId);
    return found ? { status: 200, jsonBody: found } : { status: 404, jsonBody: { error: `no extract ${extractId}` } };
  }
  const chosen = flow ? [flow] : flows;
  if (flow && !flows.includes(flow)) return { status: 404, jsonBody: { error: `no flow ${flow}` } };
  const extracts = [];
  for (const name of chosen) for await (const manifest of dependencies.manifests.listFlow(name)) extracts.push(extractStatusView(manifest));
  extracts.sort((a, b) => b.receivedAt.localeCompare(a.receivedAt));
  return { status: 200, jsonBody: { extracts } };
}
