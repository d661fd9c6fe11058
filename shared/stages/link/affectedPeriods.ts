import { LinkOutputDefinition } from '../../definitions/definitionTypes';
import { addDays, addMonths, financialYearStart, monthEnd, monthStart, monthsBetween } from './periodMath';

/**
 * The output periods ('YYYY-MM') an arriving extract of `flow` can change, given the months its rows touched.
 * Windows are read from the definition, so a wider window widens the recomputation by itself:
 * a target row dated d can change anchors dated in [d - to, d - from].
 */
export function affectedPeriods(output: LinkOutputDefinition, flow: string, extractPeriods: string[]): string[] {
  const periods = new Set<string>();
  switch (output.kind) {
    case 'passThrough':
      if (output.anchorFlow === flow) extractPeriods.forEach((period) => periods.add(period));
      break;
    case 'windowMatch':
      if (output.anchor.flow === flow) extractPeriods.forEach((period) => periods.add(period));
      for (const target of output.targets.filter((candidate) => candidate.flow === flow)) {
        for (const period of extractPeriods) {
          const { unit, from, to } = target.window;
          const slack = target.anchorDate?.maxDaysFromAnchorDate ?? 0;
          const reached = unit === 'day'
            ? monthsBetween(addDays(monthStart(period), -to - slack), addDays(monthEnd(period), -from + slack))
            : monthsBetween(monthStart(addMonths(period, -to)), monthStart(addMonths(period, -from)));
          reached.forEach((month) => periods.add(month));
        }
      }
      break;
    case 'patientPeriodSummary':
      if (output.sources.some((source) => source.flow === flow)) extractPeriods.forEach((period) => periods.add(financialYearStart(period)));
      break;
  }
  return [...periods].sort();
}
