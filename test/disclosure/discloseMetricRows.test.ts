import { ViewMetricsDefinition } from '../../shared/definitions/viewMetricsTypes';
import { DefinitionRegistry } from '../../shared/definitions/DefinitionRegistry';
import { discloseMetricRows } from '../../shared/disclosure/discloseMetricRows';

const registry = DefinitionRegistry.load();
function metricsOf(product: string, view: string): ViewMetricsDefinition {
  const metrics = registry.product(product).views.find((candidate) => candidate.name === view)?.metrics;
  if (!metrics) throw new Error(`${view} has no metrics`);
  return metrics;
}

describe('discloseMetricRows', () => {
  const activity = metricsOf('careflow', 'vw_careflow_trust_activity');

  it('rounds counts, keeps money to the pound and recomputes rates from the rounded figures', () => {
    // Prepare: RLT in the CareFlow fixture, 53 non-elective spells of 3 days
    const raw = { activity_month: '2024-05-01', provider_code: 'RLT', spells: 53, episodes: 53, bed_days: 159, elective_spells: 0, non_elective_spells: 53, day_case_spells: 0, total_spell_cost: 173160.4 };

    // Act
    const { rows, suppressed } = discloseMetricRows(activity, [raw]);

    // Assess: 159 / 53 = 3.0 unrounded; the published average is 160 / 55
    expect(rows).toEqual([
      { activity_month: '2024-05', provider_code: 'RLT', spells: 55, episodes: 55, elective_spells: 0, non_elective_spells: 55, day_case_spells: 0, bed_days: 160, total_spell_cost: 173160, bed_days_per_spell: 160 / 55 },
    ]);
    expect(suppressed).toBe(0);
  });

  it("suppresses a small group's counts, the figures that describe it and every rate built on them", () => {
    // Prepare: RRK in the CareFlow fixture
    const raw = { activity_month: '2024-05-01', provider_code: 'RRK', spells: 7, episodes: 7, bed_days: 18, elective_spells: 1, non_elective_spells: 5, day_case_spells: 1, total_spell_cost: 22606.02 };

    // Act
    const { rows, suppressed } = discloseMetricRows(activity, [raw]);

    // Assess: bed days (18) and cost would pass on their own; they describe 7 spells
    expect(rows[0]).toEqual({
      activity_month: '2024-05', provider_code: 'RRK', spells: '*', episodes: '*', elective_spells: '*', non_elective_spells: '*', day_case_spells: '*', bed_days: '*', total_spell_cost: '*', bed_days_per_spell: '*',
    });
    expect(suppressed).toBe(8);
  });

  it("ignores a rate the view computed from raw counts and anything the metrics do not declare", () => {
    // Prepare: the view's own rate is 2/6 from raw counts; a stray column must not leak
    const metrics = metricsOf('careflow', 'vw_careflow_mh_referrals_after_discharge');
    const raw = { discharge_month: '2024-05-01', provider_code: 'RKB', discharged_spells: 48, spells_followed_by_mh_referral: 12, followed_rate: 0.25, patient_pseudonym: 'abc' };

    // Act
    const { rows } = discloseMetricRows(metrics, [raw]);

    // Assess: 10 / 50, not 12 / 48
    expect(rows).toEqual([{ discharge_month: '2024-05', provider_code: 'RKB', discharged_spells: 50, spells_followed_by_mh_referral: 10, followed_rate: 0.2 }]);
  });

  it('gives a high-cost group its per-patient averages from the rounded totals, or suppresses them with the patient count', () => {
    // Prepare: the CareFlow fixture's 2024/25 groups, as the aggregation returns them
    const metrics = metricsOf('careflow', 'vw_careflow_high_cost_inpatients');
    const other = { financial_year: '2024/25', is_high_cost: 0, patients: 44, spells: 44, bed_days: 129, total_spell_cost: 142383.12, rx_items: 0, rx_actual_cost: 0, rx_nic: 0 };
    const high = { financial_year: '2024/25', is_high_cost: 1, patients: 4, spells: 15, bed_days: 45, total_spell_cost: 49950, rx_items: 4, rx_actual_cost: 20.9, rx_nic: 22 };

    // Act
    const { rows, suppressed } = discloseMetricRows(metrics, [other, high]);

    // Assess
    expect(rows[0]).toEqual({
      financial_year: '2024/25', is_high_cost: '0', patients: 45, spells: 45, bed_days: 130, rx_items: 0, total_spell_cost: 142383, rx_actual_cost: 0, rx_nic: 0,
      spells_per_patient: 1, bed_days_per_patient: 130 / 45, spell_cost_per_patient: 142383 / 45, rx_items_per_patient: 0, rx_actual_cost_per_patient: 0,
    });
    expect(Object.entries(rows[1]).filter(([, value]) => value !== '*').map(([name]) => name)).toEqual(['financial_year', 'is_high_cost']);
    expect(suppressed).toBe(12);
  });

  it('keeps a missing figure missing, and a rate over it', () => {
    // Prepare
    const metrics = metricsOf('community360', 'vw_c360_pathway_funnel');

    // Act
    const { rows } = discloseMetricRows(metrics, [{ arrival_month: '2024-05-01', attendances: 100, with_imaging_7d: null, with_community_referral_30d: 0, with_both: 0 }]);

    // Assess
    expect(rows[0]).toMatchObject({ attendances: 100, with_imaging_7d: null, imaging_rate: null, community_referral_rate: 0 });
  });

  it('refuses a count column that does not hold a number', () => {
    const metrics = metricsOf('community360', 'vw_c360_pathway_funnel');
    expect(() => discloseMetricRows(metrics, [{ arrival_month: '2024-05-01', attendances: { n: 1 } }])).toThrow(/attendances/);
  });
});
