import { careClusterColumns, careClusterRow, mhsdsReferralColumns, mhsdsReferralRow, nthTestNhsNumber, prescribingColumns, prescribingRow, toCsv } from '../factories/careflowRows';
import { susApcCsv, susApcRow } from '../factories/susApcRows';
import { startTestHost, TestHost } from '../support/startTestHost';

/**
 * CareFlow Insights on a small fixture whose every expected figure is worked out by hand from the illustrative
 * 2024/25 prices: FZ91M non-elective 3330 (trim 32), elective 2914, day case 2359; MFF RRK 1.0312, RLT none (1.0).
 */

// High-cost set at RLT: non-elective FZ91M, LoS 3 -> 3330 per spell. P1 5 spells, P2 4, P3 and P4 3 each (a tie),
// P5..P41 1 each. With the six linkable RRK patients below, 47 patients have a priced spell: ceil(0.05 x 47) = 3,
// the threshold is the 3rd total, 9990, so P1-P4 are high cost. P42's only spell has an unknown HRG: an inpatient
// with no priced spell, never high cost, not in N.
const spellsPerPatient = [5, 4, 3, 3, ...Array.from({ length: 37 }, () => 1)];
let nextEpisode = 10_000;

function rltSpell(patient: number, spellIndex: number, hrg = 'FZ91M') {
  nextEpisode += 1;
  const day = 1 + spellIndex * 4;
  const admitted = `2024-05-${String(day).padStart(2, '0')}`;
  const discharged = `2024-05-${String(day + 3).padStart(2, '0')}`;
  return susApcRow({
    APCE_Ident: String(nextEpisode), APCS_Ident: `S${nextEpisode}`, NHS_Number: nthTestNhsNumber(patient), Der_Provider_Code: 'RLT',
    Admission_Date: admitted, Discharge_Date: discharged, Episode_Start_Date: admitted, Episode_End_Date: discharged, Episode_HRG: hrg, Spell_Core_HRG: hrg,
  });
}

// MH follow-up set at RRK, all discharged 10 May 2024 after 3 days: Q1 referred on day 0, Q2 on day 30, Q3 on
// day 31, Q4 the day before discharge; Q5 elective, Q6 day case; Q7 has an invalid NHS number (never links).
function rrkSpell(patient: number, overrides: Record<string, string> = {}) {
  nextEpisode += 1;
  return susApcRow({
    APCE_Ident: String(nextEpisode), APCS_Ident: `S${nextEpisode}`, NHS_Number: nthTestNhsNumber(patient), Der_Provider_Code: 'RRK', Admission_Date: '2024-05-07',
    Discharge_Date: '2024-05-10', Episode_Start_Date: '2024-05-07', Episode_End_Date: '2024-05-10', Episode_HRG: 'FZ91M', Spell_Core_HRG: 'FZ91M', ...overrides,
  });
}

const sus = [
  ...spellsPerPatient.flatMap((spells, index) => Array.from({ length: spells }, (_, spell) => rltSpell(index + 1, spell))),
  rltSpell(42, 0, 'ZZ99Z'),
  rrkSpell(101),
  rrkSpell(102),
  rrkSpell(103),
  rrkSpell(104),
  rrkSpell(105, { Admission_Method: '11' }),
  rrkSpell(106, { Admission_Method: '11', Patient_Classification: '2', Admission_Date: '2024-05-10', Episode_Start_Date: '2024-05-10' }),
  rrkSpell(107, { NHS_Number: '9990000019' }),
];

// P1's prescribing: May (2 items), June (1) and August (1) in FY 2024/25; April 2025 (5) belongs to 2025/26.
// Per spell (discharge month May + 2 months): May and June only -> 3 items, NIC 15.00, actual 14.25.
const rx = [
  prescribingRow({ PrescriptionItemID: 'RX1', NHSNumber: nthTestNhsNumber(1), ProcessingPeriodDate: '2024-05-01', ItemCount: '2', ItemNIC: '10.00', ItemActualCost: '9.50' }),
  prescribingRow({ PrescriptionItemID: 'RX2', NHSNumber: nthTestNhsNumber(1), ProcessingPeriodDate: '2024-06-01', ItemCount: '1', ItemNIC: '5.00', ItemActualCost: '4.75' }),
  prescribingRow({ PrescriptionItemID: 'RX3', NHSNumber: nthTestNhsNumber(1), ProcessingPeriodDate: '2024-08-01', ItemCount: '1', ItemNIC: '7.00', ItemActualCost: '6.65' }),
  prescribingRow({ PrescriptionItemID: 'RX4', NHSNumber: nthTestNhsNumber(1), ProcessingPeriodDate: '2025-04-01', ItemCount: '5', ItemNIC: '50.00', ItemActualCost: '47.50' }),
];

const referrals = [
  mhsdsReferralRow({ UniqServReqID: 'RXT1', NHSNumber: nthTestNhsNumber(101), ReferralRequestReceivedDate: '2024-05-10' }),
  mhsdsReferralRow({ UniqServReqID: 'RXT2', NHSNumber: nthTestNhsNumber(102), ReferralRequestReceivedDate: '2024-06-09' }),
  mhsdsReferralRow({ UniqServReqID: 'RXT3', NHSNumber: nthTestNhsNumber(103), ReferralRequestReceivedDate: '2024-06-10' }),
  mhsdsReferralRow({ UniqServReqID: 'RXT4', NHSNumber: nthTestNhsNumber(104), ReferralRequestReceivedDate: '2024-05-09' }),
];

// RXT1's clusters: 4 from 12 May, then 11 from 1 June (current). RXT9 has no referral: an orphan.
const clusters = [
  careClusterRow({ UniqClustID: 'CL1', UniqServReqID: 'RXT1', NHSNumber: nthTestNhsNumber(101), StartDateCareClust: '2024-05-12', EndDateCareClust: '2024-05-31', AMHCareClustCodeFin: '04' }),
  careClusterRow({ UniqClustID: 'CL2', UniqServReqID: 'RXT1', NHSNumber: nthTestNhsNumber(101), StartDateCareClust: '2024-06-01', AMHCareClustCodeFin: '11' }),
  careClusterRow({ UniqClustID: 'CL3', UniqServReqID: 'RXT9', NHSNumber: nthTestNhsNumber(108), StartDateCareClust: '2024-06-01', AMHCareClustCodeFin: '3' }),
];

const drops = {
  sus: ['sus-apc', 'sus_apc_2024-05_2024-05_20240615.csv', susApcCsv(sus)],
  rx: ['prescribing', 'prescribing_2024-05_2025-04_20250515.csv', toCsv(prescribingColumns, rx)],
  referrals: ['mhsds-referrals', 'mhsds_referrals_2024-05_2024-06_20240715.csv', toCsv(mhsdsReferralColumns, referrals)],
  clusters: ['mhsds-care-clusters', 'mhsds_care_clusters_2024-05_2024-06_20240715.csv', toCsv(careClusterColumns, clusters)],
} as const;

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
