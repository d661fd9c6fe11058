import { checkViewMetrics } from '../../shared/definitions/checkViewMetrics';
import { DefinitionRegistry } from '../../shared/definitions/DefinitionRegistry';
import { ProductDefinition, ViewDefinition } from '../../shared/definitions/definitionTypes';
import { ViewMetricsDefinition } from '../../shared/definitions/viewMetricsTypes';

const registry = DefinitionRegistry.load();
const product = registry.product('careflow');

function viewWith(metrics: Partial<ViewMetricsDefinition>, patientLevel = false): ViewDefinition {
  const base: ViewMetricsDefinition = {
    period: { name: 'month', label: 'Month', grain: 'month' },
    counts: [{ name: 'people', label: 'People' }],
  };
  return { name: 'vw_test', description: 'test', file: 'definitions/views/careflow/vw_careflow_trust_activity.sql', patientLevel, metrics: { ...base, ...metrics } };
}

describe('checkViewMetrics', () => {
  it('accepts every view of every defined product, and every view declares what it publishes', () => {
    for (const candidate of registry.products()) {
      for (const view of candidate.views) {
        expect(() => checkViewMetrics(candidate as ProductDefinition, view)).not.toThrow();
        expect(view.metrics).toBeDefined();
      }
    }
  });

  it.each<[string, ViewDefinition, RegExp]>([
    ['a patient-level view without an aggregate', viewWith({}, true), /patient-level view must declare an aggregate/],
    ['a column declared twice', viewWith({ counts: [{ name: 'people', label: 'A' }, { name: 'people', label: 'B' }] }), /declared twice: people/],
    ['a basis that is not a count', viewWith({ counts: [{ name: 'people', label: 'P' }, { name: 'days', label: 'D', basis: 'nobody' }] }), /basis 'nobody'/],
    ['a basis that has a basis', viewWith({ counts: [{ name: 'people', label: 'P' }, { name: 'spells', label: 'S', basis: 'people' }, { name: 'days', label: 'D', basis: 'spells' }] }), /basis 'spells'/],
    ['an amount without a counted basis', viewWith({ amounts: [{ name: 'cost', label: 'C', unit: 'GBP', basis: 'spells' }] }), /amount 'cost'/],
    ['a rate over an undeclared figure', viewWith({ rates: [{ name: 'rate', label: 'R', numerator: 'hidden', denominator: 'people', format: 'percent' }] }), /uses 'hidden'/],
    [
      'an aggregate grouped by an unlabelled column',
      viewWith({ aggregate: { groupBy: ['month', 'age_band'], measures: [{ name: 'people', fn: 'count' }] } }, true),
      /groupBy must be exactly/,
    ],
    [
      'an aggregate measure that is not published',
      viewWith({ aggregate: { groupBy: ['month'], measures: [{ name: 'people', fn: 'count' }, { name: 'pseudonyms', fn: 'countDistinct', column: 'patient_pseudonym' }] } }, true),
      /measures must be exactly/,
    ],
    ['a sum without a column', viewWith({ aggregate: { groupBy: ['month'], measures: [{ name: 'people', fn: 'sum' }] } }, true), /needs a column/],
  ])('refuses %s', (_case, view, message) => {
    expect(() => checkViewMetrics(product, view)).toThrow(message);
  });

  it('accepts a patient-level view whose period is the month of a date column', () => {
    // Prepare
    const view = viewWith({ aggregate: { periodMonthOf: 'event_date', groupBy: [], measures: [{ name: 'people', fn: 'countDistinct', column: 'patient_pseudonym' }] } }, true);

    // Act / Assess
    expect(() => checkViewMetrics(product, view)).not.toThrow();
  });
});
