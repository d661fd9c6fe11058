import { ExtractPeriod } from './extractPeriod';
import { PatientPool } from './patientPool';
import { PoolActivity } from './poolActivity';

/**
 * What every synthetic flow (SUS+ APC, prescribing, MHSDS referrals and care clusters for CareFlow Insights; ECDS,
 * CSDS referrals and care contacts and DIDS for Community 360) provides, so the extract runner can stream any of
 * them to CSV without knowing its columns or defects.
 */
export interface FlowGenerator {
  readonly flow: string;
  readonly columns: readonly string[];
  /** File name as the DSCRO would deliver it. */
  readonly fileName: string;
  /**
   * Data rows in batches, cells in column order. Rows planted as malformed may have more or fewer cells.
   * Call once: the rows and defect counts come from one pass over the pool.
   */
  batches(batchSize: number): Generator<string[][]>;
  /** Exact counts of planted defects by class; final once batches() is exhausted. */
  plantedDefects(): Record<string, number>;
}

export interface FlowGenerationContext {
  seed: number;
  period: ExtractPeriod;
  /** Fraction planted for each defect class the flow knows (0 gives a clean extract). */
  defectRate: number;
  /** Exact number of data rows to produce, for benchmarks; otherwise the pool decides. */
  targetRows?: number;
  /**
   * Shared by the flows of one run: flows record what later flows follow (discharges, deaths, referrals),
   * and a flow that follows another reads it. Generated alone, a flow records nothing.
   */
  activity?: PoolActivity;
}

export type FlowGeneratorFactory = (pool: PatientPool, context: FlowGenerationContext) => FlowGenerator;
