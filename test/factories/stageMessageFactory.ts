import { StageName } from '../../shared/chain/chain';
import { StageMessage } from '../../shared/messaging/stageMessage';

/** A valid stage message; a test states only the fields that matter to it. */
export function stageMessageFactory(overrides: Partial<StageMessage> = {}): StageMessage {
  const stage: StageName = overrides.stage ?? 'load';
  return {
    schemaVersion: 1,
    stage,
    correlationId: '00000000-0000-4000-8000-000000000001',
    product: 'careflow',
    flow: 'sus-apc',
    extractId: '0123456789abcdef0123456789abcdef',
    precedence: '20240601000000-0123456789abcdef0123456789abcdef',
    fileName: 'sus_apc_202405_20240601.csv',
    blobs: [{ zone: 'processed', path: 'careflow/sus-apc/mapped/0123456789abcdef0123456789abcdef.csv.gz' }],
    ...overrides,
  };
}
