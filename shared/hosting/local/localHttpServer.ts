import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { answerDashboardRequest } from '../../dashboard/answerDashboardRequest';
import { answerMetricsRequest } from '../../dashboard/answerMetricsRequest';
import { answerStaticAssetRequest } from '../../dashboard/answerStaticAssetRequest';
import { dashboardPaths } from '../../dashboard/dashboardPaths';
import { answerLatestDqReportRequest } from '../../dq/answerLatestDqReportRequest';
import { escapeHtml } from '../../dq/escapeHtml';
import { HttpAnswer, jsonAnswer, noStoreHeaders, textAnswer } from '../../http/httpAnswer';
import { StageDependencies } from '../../stages/StageDependencies';
import { answerStatusRequest } from '../../status/statusHttpHandler';

/** The HTTP functions, served on loopback by the local runtime: same handlers and routes as the Functions host. */
export function startLocalHttpServer(dependencies: StageDependencies, port: number): Promise<{ server: Server; url: string }> {
  const server = createServer((request, response) => {
    route(dependencies, request)
      .then((answer) => send(response, answer))
      .catch((error: Error) => send(response, jsonAnswer(500, { error: error.message })));
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const address = server.address();
      const actual = typeof address === 'object' && address ? address.port : port;
      resolve({ server, url: `http://127.0.0.1:${actual}` });
    });
  });
}

async function route(dependencies: StageDependencies, request: IncomingMessage): Promise<HttpAnswer> {
  const url = new URL(request.url ?? '/', 'http://localhost');
  if (request.method !== 'GET') return textAnswer(405, 'only GET is served');
  const path = decodedPath(url.pathname);
  if (path === undefined) return textAnswer(400, 'the path is not valid percent-encoding');
  const query = url.searchParams;
  const status = /^\/api\/status(?:\/([^/]+))?\/?$/.exec(path);
  if (status) {
    const answer = await answerStatusRequest(dependencies, status[1], query.get('flow') ?? undefined);
    return jsonAnswer(answer.status, answer.jsonBody);
  }
  const metrics = /^\/api\/products\/([^/]+)\/metrics\/([^/]+)\/?$/.exec(path);
  if (metrics) return answerMetricsRequest(dependencies, { product: metrics[1], view: metrics[2], from: query.get('from'), to: query.get('to'), provider: query.get('provider') });
  const dashboard = /^\/dashboard\/([^/]+)\/?$/.exec(path);
  if (dashboard) return answerDashboardRequest(dependencies, dashboard[1], { from: query.get('from'), to: query.get('to'), provider: query.get('provider') });
  const asset = /^\/static\/([^/]+)$/.exec(path);
  if (asset) return answerStaticAssetRequest(asset[1]);
  const dq = /^\/reports\/dq\/([^/]+)\/latest\/?$/.exec(path);
  if (dq) return answerLatestDqReportRequest(dependencies, dq[1]);
  if (path === '/') return indexPage(dependencies);
  return textAnswer(404, 'not found');
}

function indexPage(dependencies: StageDependencies): HttpAnswer {
  const products = dependencies.registry
    .products()
    .map(
      (product) =>
        `<li>${escapeHtml(product.title)}: <a href="${dashboardPaths.page(product.id)}">dashboard</a>, <a href="${dashboardPaths.dqReport(product.id)}">latest DQ report</a></li>`,
    );
  const body = `<!doctype html><html lang="en-GB"><meta charset="utf-8"><title>dscro-flows</title><h1>dscro-flows (local)</h1><ul>${products.join('')}<li><a href="/api/status">extract status (JSON)</a></li></ul></html>`;
  return { status: 200, headers: { ...noStoreHeaders, 'content-type': 'text/html; charset=utf-8' }, body };
}

function decodedPath(pathname: string): string | undefined {
  try {
    return decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
}

function send(response: ServerResponse, answer: HttpAnswer): void {
  const json = answer.jsonBody !== undefined;
  const headers = { ...(json ? { 'content-type': 'application/json; charset=utf-8' } : {}), 'cache-control': 'no-store', ...answer.headers };
  response.writeHead(answer.status, headers);
  response.end(json ? JSON.stringify(answer.jsonBody, null, 2) : (answer.body ?? ''));
}
