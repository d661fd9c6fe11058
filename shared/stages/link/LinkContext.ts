import { DefinitionRegistry } from '../../definitions/DefinitionRegistry';
import { Warehouse } from '../../warehouse/warehouse.port';

/** What every linked-output computation needs: where the facts are, and which partition and period to compute. */
export interface LinkContext {
  warehouse: Warehouse;
  registry: DefinitionRegistry;
  schema: string;
  bucket: number;
  /** Output period 'YYYY-MM' (for financial-year outputs, the year's April). */
  period: string;
}

export type LinkedRow = Record<string, string>;
