import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { DqReport } from '../../dq/dqReport';
import { renderDqReportHtml } from '../../dq/renderDqReportHtml';
import { DqRunIndex, dqIndexPath } from '../../stages/dq/dqRunIndex';
import { StageDependencies } from '../../stages/StageDependencies';
import { answerStatusRequest } from '../../status/statusHttpHandler';
import { Zones } from '../../storage/zones';

/** The HTTP functions, served on loopback by the local runtime: same handlers as the Functions host. */
export function startLocalHttpServer(dependencies: StageDependencies, port: number): Promise<{ server: Server; url: string }> {
  const server = createServer((request, response) => {
    route(dependencies, request, response).catch((error: Error) => send(response, 500, 'application/json', JSON.stringify({ error: error.message })));
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

async function route(dependencies: StageDependencies, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const url = new URL(request.url ?? '/', 'http://localhost');
  if (request.method !== 'GET') return send(response, 405, 'text/plain', 'only GET is served');
  const status = /^\/api\/status(?:\/([^/]+))?\/?$/.exec(url.pathname);
  if (status) {
    const answer = await answerStatusRequest(dependencies, status[1], url.searchParams.get('flow') ?? undefined);
    return send(response, answer.status, 'application/json', JSON.stringify(answer.jsonBody, null, 2));
  }
  const dq = /^\/reports\/dq\/([a-z0-9]+)\/latest\/?$/.exec(url.pathname);
  if (dq) {
    const report = await latestDqReport(dependencies, dq[1]);
    if (!report) return send(response, 404, 'text/plain', `no DQ report yet for product ${dq[1]}`);
    return send(response, 200, 'text/html; charset=utf-8', renderDqReportHtml(report));
  }
  if (url.pathname === '/') {
    const products = dependencies.registry.products().map((product) => `<li>${product.title}: <a href="/reports/dq/${product.id}/latest">latest DQ report</a></li>`);
    return send(response, 200, 'text/html; charset=utf-8', `<!doctype html><title>dscro-flows</title><h1>dscro-flows (local)</h1><ul>${products.join('')}<li><a href="/api/status">extract status (JSON)</a></li></ul>`);
  }
  return send(response, 404, 'text/plain', 'not found');
}

export async function latestDqReport(dependencies: StageDependencies, product: string): Promise<DqReport | undefined> {
  const index = await dependencies.blobs.readText(Zones.reports, dqIndexPath(product));
  if (!index) return undefined;
  const latest = (JSON.parse(index.text) as DqRunIndex).runs[0];
  if (!latest) return undefined;
  const report = await dependencies.blobs.readText(Zones.reports, latest.reportPath);
  return report ? (JSON.parse(report.text) as DqReport) : undefined;
}

function send(response: ServerResponse, status: number, contentType: string, body: string): void {
  response.writeHead(status, { 'content-type': contentType, 'cache-control': 'no-store' });
  response.end(body);
}
