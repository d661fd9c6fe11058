import { LinkOutputDefinition } from '../../definitions/definitionTypes';

/** Every flow an output reads: a new extract of any of them can change the output. */
export function linkOutputFlows(output: LinkOutputDefinition): string[] {
  switch (output.kind) {
    case 'passThrough':
      return [output.anchorFlow];
    case 'windowMatch':
      return [output.anchor.flow, ...output.targets.map((target) => target.flow)];
    case 'patientPeriodSummary':
      return output.sources.map((source) => source.flow);
  }
}
