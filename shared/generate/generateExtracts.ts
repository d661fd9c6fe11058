import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { extractPeriod } from './extractPeriod';
import { FlowGeneratorFactory } from './flowGenerator';
import { createMhsdsCareClustersGenerator, mhsdsCareClustersFlow } from './flows/mhsdsCareClustersGenerator';
import { createMhsdsReferralsGenerator, mhsdsReferralsFlow } from './flows/mhsdsReferralsGenerator';
import { createPrescribingGenerator, prescribingFlow, prescribingRowsPerPatient } from './flows/prescribingGenerator';
import { createSusApcGenerator, susApcFlow, susApcRowsPerPatient } from './flows/susApcGenerator';
import { createPatientPool, maxPatientPoolSize } from './patientPool';
import { PoolActivity } from './poolActivity';
import { deriveSeed } from './seededRandom';
import { writeCsv } from './writeCsv';

export interface GenerateExtractsOptions {
  outDir: string;
  seed?: number;
  /** Size of the shared patient pool, unless row targets size it. */
  patients?: number;
  months?: number;
  /** YYYY-MM of the first month covered. */
  startMonth?: string;
  /** Flows to write; `careFlowFlows` for every flow of CareFlow Insights. Order does not matter. */
  flows?: readonly string[];
  /** Fraction of rows (or spells, for spell-level defects) planted with each defect class. */
  defectRate?: number;
  /**
   * Exact data-row count of every flow written, for benchmarks. Targets of flows with many rows per patient
   * (sus-apc, prescribing) size the pool and override `patients`; MHSDS flows walk the pool again to reach theirs.
   */
  rows?: number;
  /**
   * Exact data-row counts by flow, overriding `rows` for the flows named (e.g. 1M sus-apc episodes with 5M
   * prescription items). A flow not written but followed by one that is (sus-apc under prescribing) is
   * still generated, without a file, to the count given here.
   */
  rowsByFlow?: Readonly<Record<string, number>>;
}

export interface GeneratedFile {
  flow: string;
  /** Relative to outDir, with forward slashes. */
  file: string;
  /** Data rows, excluding the header. */
  rows: number;
}

export interface GenerationManifest {
  seed: number;
  patients: number;
  months: number;
  startMonth: string;
  generatedFiles: GeneratedFile[];
  /** Exact count of rows carrying each planted defect, by flow then defect class. */
  plantedDefects: Record<string, Record<string, number>>;
}

interface RegisteredFlow {
  create: FlowGeneratorFactory;
  /**
   * Typical data rows per pooled patient over a year, to size the pool for a target row count. Flows with
   * few rows per patient (MHSDS) leave it out: sized by them the pool would be huge, so they walk it again
   * instead.
   */
  rowsPerPatient?: number;
  /** Flows whose activity this one follows; they are generated first, without a file if not asked for. */
  follows: readonly string[];
}

/**
 * Flows the generator knows, in generation order (a flow after those it follows); a new flow adds an entry
 * here and a generator under flows/.
 */
const registeredFlows: Record<string, RegisteredFlow> = {
  [susApcFlow]: { create: createSusApcGenerator, rowsPerPatient: susApcRowsPerPatient, follows: [] },
  [prescribingFlow]: { create: createPrescribingGenerator, rowsPerPatient: prescribingRowsPerPatient, follows: [susApcFlow] },
  [mhsdsReferralsFlow]: { create: createMhsdsReferralsGenerator, follows: [susApcFlow] },
  [mhsdsCareClustersFlow]: { create: createMhsdsCareClustersGenerator, follows: [mhsdsReferralsFlow] },
};

/** Every flow of CareFlow Insights, linked at patient level through the one patient pool. */
export const careFlowFlows: readonly string[] = [susApcFlow, prescribingFlow, mhsdsReferralsFlow, mhsdsCareClustersFlow];

/** Every flow the generator can write. */
export const generatorFlows: readonly string[] = Object.keys(registeredFlows);

export const generationDefaults = {
  seed: 1,
  patients: 10_000,
  months: 12,
  // FY 2024/25: April to March.
  startMonth: '2024-04',
  flows: [susApcFlow],
  defectRate: 0.005,
} as const;

const batchSize = 5_000;

/**
 * Writes one synthetic DSCRO extract per flow under `<outDir>/<flow>/`, all drawn from one patient pool so
 * they link at patient level, and `<outDir>/manifest.json` recording exactly which defects were planted.
 * Same options, same bytes: each flow draws from its own seeded stream, so adding a flow to the list never
 * changes another flow's file.
 */
export async function generateExtracts(options: GenerateExtractsOptions): Promise<GenerationManifest> {
  const seed = options.seed ?? generationDefaults.seed;
  const months = options.months ?? generationDefaults.months;
  const startMonth = options.startMonth ?? generationDefaults.startMonth;
  const flows = options.flows ?? [...generationDefaults.flows];
  const defectRate = options.defectRate ?? generationDefaults.defectRate;

  const unknown = [...flows, ...Object.keys(options.rowsByFlow ?? {})].filter((flow) => !(flow in registeredFlows));
  if (unknown.length > 0) throw new Error(`unknown flow(s) ${unknown.join(', ')}; known: ${generatorFlows.join(', ')}`);
  const repeated = flows.filter((flow, index) => flows.indexOf(flow) !== index);
  if (repeated.length > 0) throw new Error(`flow(s) listed twice: ${repeated.join(', ')}`);
  checkRowCount('rows', options.rows);
  for (const [flow, rows] of Object.entries(options.rowsByFlow ?? {})) checkRowCount(`rowsByFlow.${flow}`, rows);

  const runOrder = withFollowedFlows(flows);
  const targets = new Map<string, number>();
  for (const flow of runOrder) {
    const target = options.rowsByFlow?.[flow] ?? (flows.includes(flow) ? options.rows : undefined);
    if (target !== undefined) targets.set(flow, target);
  }

  const period = extractPeriod(startMonth, months);
  const patients = targets.size === 0 ? (options.patients ?? generationDefaults.patients) : poolSizeFor(targets, options.patients ?? generationDefaults.patients);
  const pool = createPatientPool({ size: patients, seed: deriveSeed(seed, 'patients'), referenceDay: period.firstDay });
  const activity = new PoolActivity(pool.patients.length);

  const manifest: GenerationManifest = { seed, patients, months, startMonth, generatedFiles: [], plantedDefects: {} };
  for (const flow of runOrder) {
    const generator = registeredFlows[flow].create(pool, { seed, period, defectRate, targetRows: targets.get(flow), activity });
    if (flows.includes(flow)) {
      await mkdir(join(options.outDir, flow), { recursive: true });
      const rows = await writeCsv(join(options.outDir, flow, generator.fileName), generator.columns, generator.batches(batchSize));
      manifest.generatedFiles.push({ flow, file: `${flow}/${generator.fileName}`, rows });
      manifest.plantedDefects[flow] = generator.plantedDefects();
    } else {
      // Only what it records for the flows that follow it is wanted; its rows are dropped batch by batch.
      drain(generator.batches(batchSize));
    }
    activity.markRecorded(flow);
  }
  // In the order asked for, whatever order the flows had to be generated in.
  manifest.generatedFiles.sort((a, b) => flows.indexOf(a.flow) - flows.indexOf(b.flow));
  manifest.plantedDefects = Object.fromEntries(flows.map((flow) => [flow, manifest.plantedDefects[flow]]));
  await writeFile(join(options.outDir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

function drain(batches: Iterator<unknown>): void {
  while (!batches.next().done);
}

function checkRowCount(name: string, rows: number | undefined): void {
  if (rows !== undefined && !(Number.isInteger(rows) && rows > 0)) throw new Error(`${name} must be a positive integer, got ${rows}`);
}

/** The flows asked for and every flow they follow, in generation order (followed flows first). */
function withFollowedFlows(flows: readonly string[]): string[] {
  const needed = new Set<string>();
  const add = (flow: string): void => {
    if (needed.has(flow)) return;
    needed.add(flow);
    for (const followed of registeredFlows[flow].follows) add(followed);
  };
  flows.forEach(add);
  return Object.keys(registeredFlows).filter((flow) => needed.has(flow));
}

/**
 * Enough patients that each flow sizing the pool reaches its target in one pass. Flows that do not size
 * it walk the pool again; if none sizes it, the pool keeps its usual size.
 */
function poolSizeFor(targets: ReadonlyMap<string, number>, usualSize: number): number {
  const sizes = [...targets].flatMap(([flow, target]) => {
    const rowsPerPatient = registeredFlows[flow].rowsPerPatient;
    return rowsPerPatient === undefined ? [] : [Math.ceil(target / rowsPerPatient)];
  });
  return Math.min(maxPatientPoolSize, sizes.length === 0 ? usualSize : Math.max(...sizes));
}
