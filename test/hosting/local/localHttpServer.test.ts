import { Server } from 'node:http';
import { startLocalHttpServer } from '../../../shared/hosting/local/localHttpServer';
import { careflowViewDrops } from '../../factories/careflowViewFixture';
import { dropFixture } from '../../support/dropFixture';
import { startTestHost, TestHost } from '../../support/startTestHost';

/** The local runtime serves the same answers on the same paths as the Functions host. */
describe('local HTTP server', () => {
  let t: TestHost;
  let server: Server;
  let base: string;
  beforeAll(async () => {
    t = await startTestHost();
    await dropFixture(t.host, careflowViewDrops);
    ({ server, url: base } = await startLocalHttpServer(t.host.dependencies, 0));
  }, 300_000);
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await t.stop();
  });

  it.each([
    ['/api/products/careflow/metrics/vw_careflow_trust_activity?provider=RLT', 200, /^application\/json/, /"provider_code": "RLT"/],
    ['/api/products/careflow/metrics/vw_careflow_trust_activity?from=2024', 400, /^application\/json/, /from must be a month/],
    ['/api/products/careflow/metrics/vw_nothing', 404, /^application\/json/, /has no view vw_nothing/],
    ['/dashboard/careflow', 200, /^text\/html/, /CareFlow Insights/],
    ['/dashboard/nowhere', 404, /^text\/plain/, /no product nowhere/],
    ['/static/chart.umd.js', 200, /^text\/javascript/, /Chart\.js v4/],
    ['/static/..%2Fpackage.json', 404, /^text\/plain/, /not found|no such asset/],
    ['/reports/dq/careflow/latest', 200, /^text\/html/, /data quality report/],
    ['/reports/dq/community360/latest', 404, /^text\/plain/, /no DQ report yet/],
    ['/api/status?flow=sus-apc', 200, /^application\/json/, /"extracts"/],
    ['/', 200, /^text\/html/, /href="\/dashboard\/community360"/],
    ['/dashboard/%E0%A4%A', 400, /^text\/plain/, /percent-encoding/],
    ['/nowhere', 404, /^text\/plain/, /not found/],
  ])('GET %s answers %p', async (path, status, type, body) => {
    // Act
    const response = await fetch(`${base}${path}`);

    // Assess
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toMatch(type);
    expect(await response.text()).toMatch(body);
  });

  it('serves the dashboard under a policy that allows this origin only', async () => {
    const response = await fetch(`${base}/dashboard/community360`);
    expect(response.headers.get('content-security-policy')).toBe(
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
    );
  });

  it('refuses methods other than GET', async () => {
    const response = await fetch(`${base}/dashboard/careflow`, { method: 'POST' });
    expect(response.status).toBe(405);
  });
});
