import { community360ViewDrops as drops } from '../factories/community360ViewFixture';
import { startTestHost, TestHost } from '../support/startTestHost';

/** Every expected figure below is worked out by hand in the comments of test/factories/community360ViewFixture.ts. */
async function runInOrder(order: (keyof typeof drops)[]): Promise<TestHost> {
  const t = await startTestHost({ fixedKey: 'community360-views' });
  for (const name of order) {
    const [flow, fileName, content] = drops[name];
    await t.host.dropContent(flow, fileName, content);
    await t.host.runUntilQuiet();
  }
  return t;
}

const views = ['vw_c360_ae_to_community', 'vw_c360_imaging_after_ae_admission', 'vw_c360_community_caseload', 'vw_c360_pathway_funnel'];

async function allViews(t: TestHost): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const view of views) out[view] = await t.host.dependencies.warehouse.query(`SELECT * FROM dw.${view} ORDER BY 1, 2`);
  return out;
}

describe('Community 360 views on a hand-checked fixture', () => {
  let t: TestHost;
  beforeAll(async () => {
    t = await runInOrder(['ecds', 'referrals', 'contacts', 'dids']);
  });
  afterAll(async () => t.stop());

  it('counts attendances referred into community within 30 days of departure, edges included', async () => {
    const rows = await t.host.dependencies.warehouse.query('SELECT * FROM dw.vw_c360_ae_to_community ORDER BY provider_code');
    expect(rows).toEqual([
      { arrival_month: '2024-05-01', provider_code: 'RGP', attendances: 1, attendances_referred_to_community: 1, referred_rate: 1 },
      { arrival_month: '2024-05-01', provider_code: 'RM1', attendances: 6, attendances_referred_to_community: 4, referred_rate: expect.closeTo(4 / 6, 4) },
    ]);
  });

  it('counts imaging within 7 days of arrival after admission, by modality', async () => {
    const rows = await t.host.dependencies.warehouse.query('SELECT * FROM dw.vw_c360_imaging_after_ae_admission ORDER BY modality');
    expect(rows).toEqual([
      { arrival_month: '2024-05-01', modality: 'CT', admitted_attendances: 3, imaging_tests: 1, patients_imaged: 1 },
      { arrival_month: '2024-05-01', modality: 'MRI', admitted_attendances: 3, imaging_tests: 0, patients_imaged: 0 },
      { arrival_month: '2024-05-01', modality: 'Nuclear medicine', admitted_attendances: 3, imaging_tests: 0, patients_imaged: 0 },
      { arrival_month: '2024-05-01', modality: 'Other', admitted_attendances: 3, imaging_tests: 0, patients_imaged: 0 },
      { arrival_month: '2024-05-01', modality: 'Plain film (x-ray)', admitted_attendances: 3, imaging_tests: 1, patients_imaged: 1 },
      { arrival_month: '2024-05-01', modality: 'Ultrasound (non-obstetrics)', admitted_attendances: 3, imaging_tests: 0, patients_imaged: 0 },
    ]);
  });

  it('computes the caseload: open at month end, new, discharged and attended contacts', async () => {
    // May: open at 31 May R1, R5 (R4 discharged that day); new R1, R4, R5; discharged R4; attended C1.
    // June: open at 30 June R2, R5 (R1 discharged 15th, R3 on the 30th); new R2, R3; discharged R1, R3; attended C3, C4.
    const rows = await t.host.dependencies.warehouse.query('SELECT * FROM dw.vw_c360_community_caseload ORDER BY month');
    expect(rows).toEqual([
      { month: '2024-05-01', provider_code: 'RY3', open_referrals_at_month_end: 2, new_referrals: 3, discharged_referrals: 1, attended_contacts: 1 },
      { month: '2024-06-01', provider_code: 'RY3', open_referrals_at_month_end: 2, new_referrals: 2, discharged_referrals: 2, attended_contacts: 2 },
    ]);
  });

  it('builds the A&E to imaging to community funnel', async () => {
    // Linked attendances A1-A6, A8; imaged A5, A8; referred A1, A2, A4, A5, A8; both A5, A8.
    const rows = await t.host.dependencies.warehouse.query('SELECT * FROM dw.vw_c360_pathway_funnel');
    expect(rows).toEqual([{ arrival_month: '2024-05-01', attendances: 7, with_imaging_7d: 2, with_community_referral_30d: 5, with_both: 2 }]);
  });

  it('reports the contact whose referral no extract holds', async () => {
    const [rule] = await t.host.dependencies.warehouse.query(
      'SELECT count(*) AS orphans FROM dw.fact_csds_contacts c WHERE NOT EXISTS (SELECT 1 FROM dw.fact_csds_referrals r WHERE r.unique_service_request_identifier = c.unique_service_request_identifier)',
    );
    expect(rule).toEqual({ orphans: 1 });
  });

  it('gives the same views when DIDS and CSDS land before ECDS', async () => {
    const reversed = await runInOrder(['dids', 'contacts', 'referrals', 'ecds']);
    try {
      expect(await allViews(reversed)).toEqual(await allViews(t));
    } finally {
      await reversed.stop();
    }
  });
});
