import { checkDashboardDefinition } from '../../shared/dashboard/checkDashboardDefinition';
import { loadDashboardDefinition } from '../../shared/dashboard/loadDashboardDefinition';
import { DefinitionRegistry } from '../../shared/definitions/DefinitionRegistry';

const registry = DefinitionRegistry.load();

function dashboardWith(chart: Record<string, unknown>): unknown {
  return {
    product: 'community360',
    summary: 'test',
    charts: [{ id: 'funnel', title: 'Funnel', description: 'test', view: 'vw_c360_pathway_funnel', type: 'bar', x: 'arrival_month', values: ['attendances'], ...chart }],
  };
}

describe('checkDashboardDefinition', () => {
  it.each(registry.products().map((product) => product.id))('accepts the %s dashboard, which charts only published columns', (product) => {
    const dashboard = loadDashboardDefinition(registry, product);
    expect(dashboard?.charts.length).toBeGreaterThan(0);
  });

  it.each<[string, Record<string, unknown>, RegExp]>([
    ['a view the product does not have', { view: 'vw_careflow_trust_activity' }, /not a view of community360/],
    ['a column the view does not publish', { values: ['attendances', 'patient_pseudonym'] }, /does not publish/],
    ['a count and a rate on one axis', { values: ['attendances', 'imaging_rate'] }, /different formats/],
    ['a count along the x axis', { x: 'attendances', values: ['with_both'] }, /x must be the period or a breakdown/],
    ['a provider series on a view without providers', { seriesBy: 'provider_code' }, /does not publish/],
    ['a chart type the schema does not know', { type: 'pie' }, /does not match/],
    ['a chart that adds up a breakdown it leaves out', { view: 'vw_c360_imaging_after_ae_admission', values: ['imaging_tests'] }, /must chart every breakdown of vw_c360_imaging_after_ae_admission \(arrival_month, modality\)/],
  ])('refuses %s', (_case, chart, message) => {
    expect(() => checkDashboardDefinition(registry, 'community360', dashboardWith(chart))).toThrow(message);
  });
});
