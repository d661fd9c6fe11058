import { answerMetricsRequest, MetricsRequest } from '../../shared/dashboard/answerMetricsRequest';
import { ViewMetricsDefinition } from '../../shared/definitions/viewMetricsTypes';
import { careflowViewDrops } from '../factories/careflowViewFixture';
import { community360ViewDrops } from '../factories/community360ViewFixture';
import { dropFixture } from '../support/dropFixture';
import { startTestHost, TestHost } from '../support/startTestHost';

interface MetricsBody {
  product: string;
  view: string;
  aggregated: boolean;
  columns: { name: string; role: string }[];
  rows: Record<string, unknown>[];
  disclosure: { rule: string; suppressed: number };
  error?: string;
}

/**
 * The metrics API over the two hand-checked view fixtures (test/factories/*ViewFixture.ts): the raw view rows are
 * known, so every published figure below is the NHS Digital rule applied by hand.
 */
describe('answerMetricsRequest', () => {
  let t: TestHost;
  beforeAll(async () => {
    t = await startTestHost();
    await dropFixture(t.host, careflowViewDrops);
    await dropFixture(t.host, community360ViewDrops);
  }, 300_000);
  afterAll(async () => t.stop());

  async function ask(request: MetricsRequest): Promise<{ status: number; body: MetricsBody }> {
    const answer = await answerMetricsRequest(t.host.dependencies, request);
    return { status: answer.status, body: answer.jsonBody as MetricsBody };
  }

  describe('CareFlow Insights', () => {
    it('rounds trust activity to 5 and suppresses the Trust with 7 spells, rates and money included', async () => {
      // Act
      const { status, body } = await ask({ product: 'careflow', view: 'vw_careflow_trust_activity' });

      // Assess: RLT 53 spells of 3 days (52 priced at 3330, one unpriced); RRK 7 spells
      expect(status).toBe(200);
      expect(body.rows).toEqual([
        { activity_month: '2024-05', provider_code: 'RLT', spells: 55, episodes: 55, elective_spells: 0, non_elective_spells: 55, day_case_spells: 0, bed_days: 160, total_spell_cost: 173160, bed_days_per_spell: 160 / 55 },
        { activity_month: '2024-05', provider_code: 'RRK', spells: '*', episodes: '*', elective_spells: '*', non_elective_spells: '*', day_case_spells: '*', bed_days: '*', total_spell_cost: '*', bed_days_per_spell: '*' },
      ]);
      expect(body.disclosure).toEqual({ rule: expect.stringMatching(/1 to 7 as \*.*nearest 5/), suppressed: 8 });
      expect(body.columns.map((column) => [column.name, column.role])).toEqual([
        ['activity_month', 'period'], ['provider_code', 'provider'], ['spells', 'count'], ['episodes', 'count'], ['elective_spells', 'count'], ['non_elective_spells', 'count'],
        ['day_case_spells', 'count'], ['bed_days', 'count'], ['total_spell_cost', 'amount'], ['bed_days_per_spell', 'rate'],
      ]);
    });

    it('recomputes the MH follow-up rate from the rounded counts', async () => {
      // Act
      const { body } = await ask({ product: 'careflow', view: 'vw_careflow_mh_referrals_after_discharge' });

      // Assess: RLT 53 spells none followed; RRK 2 of 6 (the view's own 0.3333 never appears)
      expect(body.rows).toEqual([
        { discharge_month: '2024-05', provider_code: 'RLT', discharged_spells: 55, spells_followed_by_mh_referral: 0, followed_rate: 0 },
        { discharge_month: '2024-05', provider_code: 'RRK', discharged_spells: '*', spells_followed_by_mh_referral: '*', followed_rate: '*' },
      ]);
    });

    it('publishes the high-cost view only as two groups per year, never patient by patient', async () => {
      // Act
      const { body } = await ask({ product: 'careflow', view: 'vw_careflow_high_cost_inpatients' });

      // Assess: 48 inpatients; P1-P4 are high cost (4: suppressed with all their figures). The other 44 had 44
      // spells, 129 bed days and 142,383.12 of spell price; per-patient averages divide the rounded totals.
      expect(body.aggregated).toBe(true);
      expect(body.rows).toEqual([
        {
          financial_year: '2024/25', is_high_cost: '0', patients: 45, spells: 45, bed_days: 130, rx_items: 0, total_spell_cost: 142383, rx_actual_cost: 0, rx_nic: 0,
          spells_per_patient: 1, bed_days_per_patient: 130 / 45, spell_cost_per_patient: 142383 / 45, rx_items_per_patient: 0, rx_actual_cost_per_patient: 0,
        },
        {
          financial_year: '2024/25', is_high_cost: '1', patients: '*', spells: '*', bed_days: '*', rx_items: '*', total_spell_cost: '*', rx_actual_cost: '*', rx_nic: '*',
          spells_per_patient: '*', bed_days_per_patient: '*', spell_cost_per_patient: '*', rx_items_per_patient: '*', rx_actual_cost_per_patient: '*',
        },
      ]);
      expect(JSON.stringify(body)).not.toMatch(/pseudonym|[0-9a-f]{64}/);
    });

    it('publishes MHSDS referrals grouped by month and current care cluster super class', async () => {
      // Act
      const { body } = await ask({ product: 'careflow', view: 'vw_careflow_mhsds_referrals' });

      // Assess: RXT1 (May, psychosis cluster), RXT4 (May, none), RXT2 and RXT3 (June, none)
      expect(body.rows).toHaveLength(3);
      expect(body.rows).toEqual(
        expect.arrayContaining([
          { referral_month: '2024-05', current_care_cluster_super_class: 'Psychosis', referrals: '*', patients: '*', discharged_referrals: 0, rejected_referrals: 0 },
          { referral_month: '2024-05', current_care_cluster_super_class: null, referrals: '*', patients: '*', discharged_referrals: 0, rejected_referrals: 0 },
          { referral_month: '2024-06', current_care_cluster_super_class: null, referrals: '*', patients: '*', discharged_referrals: 0, rejected_referrals: 0 },
        ]),
      );
      expect(JSON.stringify(body)).not.toMatch(/RXT[0-9]|uniq_serv_req_id|pseudonym/);
    });
  });

  describe('Community 360', () => {
    it('suppresses every figure of the small fixture except zeros', async () => {
      // Act
      const funnel = await ask({ product: 'community360', view: 'vw_c360_pathway_funnel' });
      const imaging = await ask({ product: 'community360', view: 'vw_c360_imaging_after_ae_admission' });

      // Assess: 7 attendances, 2 imaged, 5 referred, 2 both; 3 admitted attendances with one CT and one plain film
      expect(funnel.body.rows).toEqual([
        { arrival_month: '2024-05', attendances: '*', with_imaging_7d: '*', with_community_referral_30d: '*', with_both: '*', imaging_rate: '*', community_referral_rate: '*', both_rate: '*' },
      ]);
      expect(imaging.body.rows.find((row) => row.modality === 'CT')).toEqual({ arrival_month: '2024-05', modality: 'CT', admitted_attendances: '*', imaging_tests: '*', patients_imaged: '*', tests_per_admitted_attendance: '*' });
      expect(imaging.body.rows.find((row) => row.modality === 'MRI')).toEqual({ arrival_month: '2024-05', modality: 'MRI', admitted_attendances: '*', imaging_tests: 0, patients_imaged: 0, tests_per_admitted_attendance: '*' });
    });
  });

  describe('filters', () => {
    it('narrows to one provider', async () => {
      const { body } = await ask({ product: 'careflow', view: 'vw_careflow_trust_activity', provider: 'RRK' });
      expect(body.rows.map((row) => row.provider_code)).toEqual(['RRK']);
    });

    it.each([
      [{ from: '2024-06' }, ['2024-06']],
      [{ to: '2024-05' }, ['2024-05']],
      [{ from: '2024-05', to: '2024-06' }, ['2024-05', '2024-06']],
      [{ from: '2024-07' }, []],
      [{ from: '', to: '', provider: '' }, ['2024-05', '2024-06']],
    ])('narrows the community caseload months with %p', async (filters, months) => {
      const { body } = await ask({ product: 'community360', view: 'vw_c360_community_caseload', ...filters });
      expect(body.rows.map((row) => row.month)).toEqual(months);
    });

    it('selects the financial years the months fall in', async () => {
      const april2024 = await ask({ product: 'careflow', view: 'vw_careflow_high_cost_inpatients', from: '2024-04', to: '2024-04' });
      const april2025 = await ask({ product: 'careflow', view: 'vw_careflow_high_cost_inpatients', from: '2025-04' });
      expect(april2024.body.rows.map((row) => row.financial_year)).toEqual(['2024/25', '2024/25']);
      expect(april2025.body.rows).toEqual([]);
    });

    it('filters an aggregated view by its group columns only, so each group is the same as unfiltered', async () => {
      // Act
      const all = await ask({ product: 'careflow', view: 'vw_careflow_mhsds_referrals' });
      const june = await ask({ product: 'careflow', view: 'vw_careflow_mhsds_referrals', from: '2024-06' });

      // Assess
      expect(june.body.rows).toEqual(all.body.rows.filter((row) => row.referral_month === '2024-06'));
    });

    it('sends reader input to the warehouse as parameters, never inside the SQL', async () => {
      // Prepare
      const seen: { sql: string; parameters: unknown }[] = [];
      const warehouse = t.host.dependencies.warehouse;
      const query = warehouse.query.bind(warehouse);
      const spy = jest.spyOn(warehouse, 'query').mockImplementation(async (sql, parameters) => {
        seen.push({ sql, parameters });
        return query(sql, parameters);
      });

      // Act
      try {
        await ask({ product: 'careflow', view: 'vw_careflow_trust_activity', from: '2024-05', to: '2024-06', provider: 'RLT' });
      } finally {
        spy.mockRestore();
      }

      // Assess
      expect(seen.length).toBeGreaterThan(0);
      for (const call of seen) expect(call.sql).not.toMatch(/RLT|2024-0[56]/);
      expect(seen.at(-1)?.parameters).toEqual({ period_from: '2024-05-01', period_to: '2024-06-01', provider_code: 'RLT' });
    });
  });

  describe('refusals', () => {
    it.each<[string, MetricsRequest, number, RegExp]>([
      ['a malformed product', { product: 'Care-Flow', view: 'vw_careflow_trust_activity' }, 400, /product must be/],
      ['a malformed view', { product: 'careflow', view: 'dw.fact_activity' }, 400, /view must be/],
      ['a month out of range', { product: 'careflow', view: 'vw_careflow_trust_activity', from: '2024-13' }, 400, /from must be a month as YYYY-MM/],
      ['a date instead of a month', { product: 'careflow', view: 'vw_careflow_trust_activity', to: '2024-05-01' }, 400, /to must be a month/],
      ['from after to', { product: 'careflow', view: 'vw_careflow_trust_activity', from: '2024-06', to: '2024-05' }, 400, /from \(2024-06\) is after to \(2024-05\)/],
      ['a lowercase provider code', { product: 'careflow', view: 'vw_careflow_trust_activity', provider: 'rlt' }, 400, /provider must be an ODS code/],
      ['SQL in the provider', { product: 'careflow', view: 'vw_careflow_trust_activity', provider: "RLT' OR '1'='1" }, 400, /provider must be an ODS code/],
      ['a provider on a view without providers', { product: 'community360', view: 'vw_c360_pathway_funnel', provider: 'RM1' }, 400, /not broken down by provider/],
      ['an unknown product', { product: 'nowhere', view: 'vw_careflow_trust_activity' }, 404, /no product nowhere/],
      ['a view of another product', { product: 'community360', view: 'vw_careflow_trust_activity' }, 404, /has no view vw_careflow_trust_activity/],
      ['an unknown provider', { product: 'careflow', view: 'vw_careflow_trust_activity', provider: 'ZZZ99' }, 404, /no organisation with ODS code ZZZ99/],
    ])('refuses %s', async (_case, request, status, message) => {
      const answer = await ask(request);
      expect(answer.status).toBe(status);
      expect(answer.body.error).toMatch(message);
    });
  });

  describe('the definitions match the warehouse views', () => {
    const views = () => t.host.dependencies.registry.products().flatMap((product) => product.views.map((view) => ({ product: product.id, view })));

    async function viewColumns(view: string): Promise<string[]> {
      const rows = await t.host.dependencies.warehouse.query('SELECT column_name FROM information_schema.columns WHERE table_schema = $schema AND table_name = $view', { schema: 'dw', view });
      return rows.map((row) => String(row.column_name));
    }

    it('declares a role for every column of every view that is published row by row, and reads only real columns', async () => {
      for (const { view } of views()) {
        // Prepare
        const metrics = view.metrics as ViewMetricsDefinition;
        const columns = await viewColumns(view.name);
        expect(columns.length).toBeGreaterThan(0);

        // Assess
        if (metrics.aggregate) {
          const read = [...metrics.aggregate.groupBy, ...(metrics.aggregate.periodMonthOf ? [metrics.aggregate.periodMonthOf] : []), ...metrics.aggregate.measures.flatMap((measure) => (measure.column ? [measure.column] : []))];
          expect(read.filter((name) => !columns.includes(name))).toEqual([]);
        } else {
          const declared = [metrics.period.name, metrics.provider?.name, ...(metrics.dimensions ?? []).map((d) => d.name), ...metrics.counts.map((c) => c.name), ...(metrics.amounts ?? []).map((a) => a.name), ...(metrics.rates ?? []).map((r) => r.name)];
          expect({ view: view.name, undeclared: columns.filter((name) => !declared.includes(name)) }).toEqual({ view: view.name, undeclared: [] });
          const figures = [...metrics.counts, ...(metrics.amounts ?? [])].map((figure) => figure.name);
          expect(figures.filter((name) => !columns.includes(name))).toEqual([]);
        }
      }
    });

    it('runs every view with every filter it accepts', async () => {
      for (const { product, view } of views()) {
        const answer = await ask({ product, view: view.name, from: '2024-04', to: '2025-03', ...(view.metrics?.provider ? { provider: 'RXT' } : {}) });
        expect({ view: view.name, status: answer.status }).toEqual({ view: view.name, status: 200 });
      }
    });
  });
});
