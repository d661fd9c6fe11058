import { StageName } from '../chain/chain';
import { assureQuality } from './dq/assureQuality';
import { linkProduct } from './link/linkProduct';
import { loadExtract } from './load/loadExtract';
import { mapExtract } from './map/mapExtract';
import { pseudonymiseExtract } from './pseudonymise/pseudonymiseExtract';
import { StageHandler } from './StageOutcome';

/** Which logic serves each queued stage: read by the Azure registration and by the local host alike. */
export const stageHandlers: Record<StageName, StageHandler> = {
  pseudonymise: pseudonymiseExtract,
  map: mapExtract,
  load: loadExtract,
  link: linkProduct,
  dq: assureQuality,
};
