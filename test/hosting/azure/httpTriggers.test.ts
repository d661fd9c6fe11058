import { HttpRequest } from '@azure/functions';
import { dashboardTrigger } from '../../../shared/hosting/azure/dashboardTrigger';
import { dqReportTrigger } from '../../../shared/hosting/azure/dqReportTrigger';
import { metricsTrigger } from '../../../shared/hosting/azure/metricsTrigger';
import { staticAssetTrigger } from '../../../shared/hosting/azure/staticAssetTrigger';
import { careflowViewDrops } from '../../factories/careflowViewFixture';
import { dropFixture } from '../../support/dropFixture';
import { startTestHost, TestHost } from '../../support/startTestHost';

/** A request as the Functions host hands it over: route parameters and the query string. */
function request(params: Record<string, string>, query = ''): HttpRequest {
  return { params, query: new URLSearchParams(query) } as unknown as HttpRequest;
}

/** The commissioner-facing HTTP triggers, called as the Functions host calls them; no host needed. */
describe('Azure HTTP triggers for commissioners', () => {
  let t: TestHost;
  const dependencies = () => Promise.resolve(t.host.dependencies);
  beforeAll(async () => {
    t = await startTestHost();
    await dropFixture(t.host, careflowViewDrops);
  }, 300_000);
  afterAll(async () => t.stop());

  it('answers the metrics API from the route parameters and query string', async () => {
    // Act
    const response = await metricsTrigger(dependencies)(request({ product: 'careflow', view: 'vw_careflow_mh_referrals_after_discharge' }, 'provider=RLT'));

    // Assess
    expect(response.status).toBe(200);
    expect(response.headers).toMatchObject({ 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
    expect((response.jsonBody as { rows: unknown[] }).rows).toEqual([{ discharge_month: '2024-05', provider_code: 'RLT', discharged_spells: 55, spells_followed_by_mh_referral: 0, followed_rate: 0 }]);
  });

  it('answers 400 for a malformed filter', async () => {
    const response = await metricsTrigger(dependencies)(request({ product: 'careflow', view: 'vw_careflow_trust_activity' }, 'from=May-2024'));
    expect(response).toMatchObject({ status: 400, jsonBody: { error: expect.stringMatching(/YYYY-MM/) } });
  });

  it('serves the dashboard page under its content security policy', async () => {
    // Act
    const response = await dashboardTrigger(dependencies)(request({ product: 'careflow' }, 'provider=RRK'));

    // Assess
    expect(response.status).toBe(200);
    expect(response.headers).toMatchObject({ 'content-type': 'text/html; charset=utf-8', 'content-security-policy': expect.stringContaining("script-src 'self'") });
    expect(response.body).toContain('<option value="RRK" selected>');
  });

  it('serves Chart.js without creating the warehouse or storage clients', async () => {
    const response = await staticAssetTrigger()(request({ asset: 'chart.umd.js' }));
    expect(response.status).toBe(200);
    expect(String(response.body).length).toBeGreaterThan(100_000);
  });

  it("serves the product's latest DQ report in the commissioner view, and 404 for a product without one", async () => {
    // Act
    const careflow = await dqReportTrigger(dependencies)(request({ product: 'careflow' }));
    const community360 = await dqReportTrigger(dependencies)(request({ product: 'community360' }));

    // Assess
    expect(careflow.status).toBe(200);
    expect(String(careflow.body)).toContain('Commissioner: counts under NHS Digital disclosure control');
    expect(community360).toMatchObject({ status: 404, body: 'no DQ report yet for product community360' });
  });
});
