import { buildMetricsQuery } from '../../shared/dashboard/buildMetricsQuery';
import { DefinitionRegistry } from '../../shared/definitions/DefinitionRegistry';
import { ViewMetricsDefinition } from '../../shared/definitions/viewMetricsTypes';

const registry = DefinitionRegistry.load();
function metricsOf(product: string, view: string): ViewMetricsDefinition {
  return registry.product(product).views.find((candidate) => candidate.name === view)!.metrics!;
}

describe('buildMetricsQuery', () => {
  it('selects only the declared columns of a month-by-provider view and passes every filter as a parameter', () => {
    // Act
    const query = buildMetricsQuery('dw', 'vw_careflow_mh_referrals_after_discharge', metricsOf('careflow', 'vw_careflow_mh_referrals_after_discharge'), { from: '2024-05', to: '2024-07', provider: 'RRK' });

    // Assess: the view's own rate is not read; it is recomputed after disclosure control
    expect(query.sql).toBe(
      'SELECT v.discharge_month, v.provider_code, v.discharged_spells, v.spells_followed_by_mh_referral FROM dw.vw_careflow_mh_referrals_after_discharge v' +
        ' WHERE v.discharge_month >= CAST($period_from AS DATE) AND v.discharge_month <= CAST($period_to AS DATE) AND v.provider_code = $provider_code' +
        ' ORDER BY v.discharge_month, v.provider_code',
    );
    expect(query.parameters).toEqual({ period_from: '2024-05-01', period_to: '2024-07-01', provider_code: 'RRK' });
  });

  it('groups a patient-level view in SQL, so its rows never leave the warehouse', () => {
    // Act
    const query = buildMetricsQuery('dw', 'vw_careflow_high_cost_inpatients', metricsOf('careflow', 'vw_careflow_high_cost_inpatients'), {});

    // Assess
    expect(query.sql).toBe(
      'SELECT v.financial_year AS financial_year, v.is_high_cost, COUNT(*) AS patients, SUM(v.spells) AS spells, SUM(v.bed_days) AS bed_days,' +
        ' SUM(v.total_spell_cost) AS total_spell_cost, SUM(v.rx_items) AS rx_items, SUM(v.rx_actual_cost) AS rx_actual_cost, SUM(v.rx_nic) AS rx_nic' +
        ' FROM dw.vw_careflow_high_cost_inpatients v GROUP BY v.financial_year, v.is_high_cost ORDER BY v.financial_year, v.is_high_cost',
    );
    expect(query.sql).not.toMatch(/patient_pseudonym/);
    expect(query.parameters).toEqual({});
  });

  it('filters a financial-year view by the financial years the months fall in', () => {
    // Act: March 2025 is in 2024/25; April 2025 starts 2025/26
    const query = buildMetricsQuery('dw', 'vw_careflow_high_cost_inpatients', metricsOf('careflow', 'vw_careflow_high_cost_inpatients'), { from: '2025-03', to: '2025-04' });

    // Assess
    expect(query.sql).toContain('WHERE v.financial_year >= $period_from AND v.financial_year <= $period_to GROUP BY');
    expect(query.parameters).toEqual({ period_from: '2024/25', period_to: '2025/26' });
  });

  it('takes the month of a date column through the date dimension, with portable SQL only', () => {
    // Act
    const query = buildMetricsQuery('dw', 'vw_careflow_mhsds_referrals', metricsOf('careflow', 'vw_careflow_mhsds_referrals'), { from: '2024-05' });

    // Assess
    expect(query.sql).toBe(
      'SELECT d.month_start AS referral_month, v.current_care_cluster_super_class, COUNT(*) AS referrals, COUNT(DISTINCT v.patient_pseudonym) AS patients,' +
        ' COUNT(v.serv_disch_date) AS discharged_referrals, COUNT(v.refer_rejection_date) AS rejected_referrals' +
        ' FROM dw.vw_careflow_mhsds_referrals v JOIN dw.dim_date d ON d.date_key = v.referral_request_received_date' +
        ' WHERE d.month_start >= CAST($period_from AS DATE)' +
        ' GROUP BY d.month_start, v.current_care_cluster_super_class ORDER BY d.month_start, v.current_care_cluster_super_class',
    );
    // No dialect functions: DATE_TRUNC, FORMAT, DATEFROMPARTS, LIMIT and TOP differ between DuckDB and T-SQL.
    expect(query.sql).not.toMatch(/DATE_TRUNC|STRFTIME|FORMAT\(|DATEFROMPARTS|LIMIT|TOP |::/i);
    expect(query.parameters).toEqual({ period_from: '2024-05-01' });
  });

  it('refuses a provider filter on a view that is not broken down by provider', () => {
    expect(() => buildMetricsQuery('dw', 'vw_c360_pathway_funnel', metricsOf('community360', 'vw_c360_pathway_funnel'), { provider: 'RM1' })).toThrow(/not broken down by provider/);
  });

  it('refuses a name that is not a plain identifier', () => {
    expect(() => buildMetricsQuery('dw', 'vw_x; DROP TABLE y', metricsOf('community360', 'vw_c360_pathway_funnel'), {})).toThrow(/not a plain SQL identifier/);
  });
});
