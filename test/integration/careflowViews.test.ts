import { careflowViewDrops as drops } from '../factories/careflowViewFixture';
import { startTestHost, TestHost } from '../support/startTestHost';

/** Every expected figure below is worked out by hand in the comments of test/factories/careflowViewFixture.ts. */
async function runInOrder(order: (keyof typeof drops)[]): Promise<TestHost> {
  const t = await startTestHost({ fixedKey: 'careflow-views' });
  for (const name of order) {
    const [flow, fileName, content] = drops[name];
    await t.host.dropContent(flow, fileName, content);
    await t.host.runUntilQuiet();
  }
  return t;
}

const views = ['vw_careflow_high_cost_inpatients', 'vw_careflow_mh_referrals_after_discharge', 'vw_careflow_trust_activity', 'vw_careflow_mhsds_referrals'];

async function allViews(t: TestHost): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const view of views) out[view] = await t.host.dependencies.warehouse.query(`SELECT * FROM dw.${view} ORDER BY 1, 2, 3`);
  return out;
}

describe('CareFlow Insights views on a hand-checked fixture', () => {
  let t: TestHost;
  beforeAll(async () => {
    t = await runInOrder(['sus', 'rx', 'referrals', 'clusters']);
  });
  afterAll(async () => t.stop());

  it('finds the high-cost inpatients with the 5% threshold, ties included', async () => {
    // Act
    const rows = await t.host.dependencies.warehouse.query(
      "SELECT spells, total_spell_cost, is_high_cost FROM dw.vw_careflow_high_cost_inpatients WHERE financial_year = '2024/25' ORDER BY total_spell_cost DESC, spells DESC",
    );

    // Assess
    expect(rows).toHaveLength(48);
    expect(rows.slice(0, 5)).toEqual([
      { spells: 5, total_spell_cost: 16650, is_high_cost: 1 },
      { spells: 4, total_spell_cost: 13320, is_high_cost: 1 },
      { spells: 3, total_spell_cost: 9990, is_high_cost: 1 },
      { spells: 3, total_spell_cost: 9990, is_high_cost: 1 },
      { spells: 1, total_spell_cost: 3433.9, is_high_cost: 0 },
    ]);
    expect(rows.filter((row) => row.is_high_cost === 1)).toHaveLength(4);
    expect(rows.at(-1)).toEqual({ spells: 1, total_spell_cost: 0, is_high_cost: 0 });
  });

  it("puts the top patient's prescribing for the financial year beside their spells", async () => {
    // Act
    const [top] = await t.host.dependencies.warehouse.query(
      "SELECT bed_days, rx_items, rx_nic, rx_actual_cost FROM dw.vw_careflow_high_cost_inpatients WHERE financial_year = '2024/25' AND spells = 5",
    );

    // Assess: May 2 + June 1 + August 1 items; NIC 10 + 5 + 7; actual 9.50 + 4.75 + 6.65
    expect(top).toEqual({ bed_days: 15, rx_items: 4, rx_nic: 22, rx_actual_cost: 20.9 });
  });

  it('counts prescribing in the discharge month and the two months after it for each spell', async () => {
    // Act
    const spells = await t.host.dependencies.warehouse.query(
      "SELECT rx_items, rx_nic, rx_actual_cost FROM dw.link_careflow_spell_links WHERE provider_code = 'RLT' AND rx_items > 0",
    );

    // Assess: P1's five spells, each seeing May and June only
    expect(spells).toEqual(Array.from({ length: 5 }, () => ({ rx_items: 3, rx_nic: 15, rx_actual_cost: 14.25 })));
  });

  it('follows discharges with MH referrals on day 0 and day 30 but not day 31 or the day before', async () => {
    // Act
    const rows = await t.host.dependencies.warehouse.query('SELECT * FROM dw.vw_careflow_mh_referrals_after_discharge ORDER BY provider_code');

    // Assess: RRK has 6 linkable discharged spells (Q7 has no pseudonym); Q1 and Q2 were followed
    expect(rows).toEqual([
      { discharge_month: '2024-05-01', provider_code: 'RLT', discharged_spells: 53, spells_followed_by_mh_referral: 0, followed_rate: 0 },
      { discharge_month: '2024-05-01', provider_code: 'RRK', discharged_spells: 6, spells_followed_by_mh_referral: 2, followed_rate: expect.closeTo(2 / 6, 4) },
    ]);
  });

  it('sums trust activity by discharge month, counting spells without a pseudonym', async () => {
    // Act
    const [rrk] = await t.host.dependencies.warehouse.query("SELECT * FROM dw.vw_careflow_trust_activity WHERE provider_code = 'RRK'");

    // Assess: five non-elective FZ91M spells at 3330 x 1.0312 = 3433.90; elective 2914 x 1.0312 = 3004.92;
    // day case 2359 x 1.0312 = 2432.60; bed days 6 x 3 + 0
    expect(rrk).toEqual({
      activity_month: '2024-05-01', provider_code: 'RRK', spells: 7, episodes: 7, bed_days: 18, elective_spells: 1, non_elective_spells: 5, day_case_spells: 1,
      total_spell_cost: expect.closeTo(5 * 3433.9 + 3004.92 + 2432.6, 2),
    });
  });

  it("gives each referral its current care cluster", async () => {
    // Act
    const rows = await t.host.dependencies.warehouse.query('SELECT uniq_serv_req_id, current_care_cluster_code, current_care_cluster_super_class FROM dw.vw_careflow_mhsds_referrals ORDER BY uniq_serv_req_id');

    // Assess
    expect(rows[0]).toEqual({ uniq_serv_req_id: 'RXT1', current_care_cluster_code: '11', current_care_cluster_super_class: expect.stringMatching(/psychosis/i) });
    expect(rows.slice(1).every((row) => row.current_care_cluster_code === null)).toBe(true);
  });

  it('gives the same views when MHSDS and prescribing land before SUS+', async () => {
    // Prepare
    const reversed = await runInOrder(['clusters', 'referrals', 'rx', 'sus']);
    try {
      // Act / Assess
      expect(await allViews(reversed)).toEqual(await allViews(t));
    } finally {
      await reversed.stop();
    }
  });
});
