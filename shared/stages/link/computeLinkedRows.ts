import { LinkOutputDefinition } from '../../definitions/definitionTypes';
import { LinkContext, LinkedRow } from './LinkContext';
import { passThroughRows } from './passThroughRows';
import { patientPeriodSummaryRows } from './patientPeriodSummaryRows';
import { windowMatchRows } from './windowMatchRows';

/** The link kinds a product definition can use; a new kind is added here once and serves every product. */
export function computeLinkedRows(context: LinkContext, output: LinkOutputDefinition): Promise<LinkedRow[]> {
  switch (output.kind) {
    case 'passThrough':
      return passThroughRows(context, output);
    case 'windowMatch':
      return windowMatchRows(context, output);
    case 'patientPeriodSummary':
      return patientPeriodSummaryRows(context, output);
  }
}
