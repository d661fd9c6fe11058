import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { extractPeriod } from './extractPeriod';
import { FlowGeneratorFactory } from './flowGenerator';
import { createCsdsContactsGenerator, csdsContactsFlow } from './flows/csdsContactsGenerator';
import { createCsdsReferralsGenerator, csdsReferralsFlow } from './flows/csdsReferralsGenerator';
import { createDidsGenerator, didsFlow, didsRowsPerPatient } from './flows/didsGenerator';
import { createEcdsGenerator, ecdsFlow, ecdsRowsPerPatient } from './flows/ecdsGenerator';
import { createMhsdsCareClustersGenerator, mhsdsCareClustersFlow } from './flows/mhsdsCareClustersGenerator';
import { createMhsdsReferralsGenerator, mhsdsReferralsFlow } from './flows/mhsdsReferralsGenerator';
import { createPrescribingGenerator, prescribingFlow, prescribingRowsPerPatient } from './flows/prescribingGenerator';
import { createSusApcGenerator, susApcFlow, susApcRowsPerPatient } from './flows/susApcGenerator';
import { createPatientPool, maxPatientPoolSize, PatientPool } from './patientPool';
import { PatientPopulation, patientPopulations } from './patientPopulations';
import { PoolActivity } from './poolActivity';
import { deriveSeed } from './seededRandom';
import { writeCsv } from './writeCsv';

export interface GenerateExtractsOptions {
  outDir: string;
  seed?: number;
  /**
   * Size of the shared patient pool, unless row targets size it. Each product draws its own pool (CareFlow
   * from Birmingham and Solihull, Community 360 from Norfolk and Waveney), so this is the size of each.
   */
  patients?: number;
  months?: number;
  /** YYYY-MM of the first month covered. */
  startMonth?: string;
  /**
   * Flows to write; `careFlowFlows` for every flow of CareFlow Insights, `community360Flows` for every flow of
   * Community 360. Order does not matter.
   */
  flows?: readonly string[];
  /** Fraction of rows (or spells, for spell-level defects) planted with each defect class. */
  defectRate?: number;
  /**
   * Exact data-row count of every flow written, for benchmarks. Targets of flows with many rows per patient
   * (sus-apc, prescribing, ecds, dids) size their product's pool and override `patients`; referral, cluster
   * and contact flows walk the pool again to reach theirs.
   */
  rows?: number;
  /**
   * Exact data-row counts by flow, overriding `rows` for the flows named (e.g. 1M sus-apc episodes with 5M
   * prescription items). A flow not written but followed by one that is (sus-apc under prescribing) is
   * still generated, without a file, to the count given here. A flow given no count follows the ones that
   * have one in proportion: `{ ecds: 1_000_000 }` with every Community 360 flow gives a million attendances
   * and as many community referrals, care contacts and imaging tests as that population has.
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
  /** Patients drawn, over every pool the run used. */
  patients: number;
  /** Pool size by population, when the run drew more than one (flows of both products). */
  patientPools?: Partial<Record<PatientPopulation, number>>;
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
  /** The pool it draws patients from: the product's footprint. A flow only follows flows of its own population. */
  population: PatientPopulation;
}

/**
 * Flows the generator knows, in generation order (a flow after those it follows); a new flow adds an entry
 * here and a generator under flows/.
 */
const registeredFlows: Record<string, RegisteredFlow> = {
  [susApcFlow]: { create: createSusApcGenerator, rowsPerPatient: susApcRowsPerPatient, follows: [], population: 'birmingham-solihull' },
  [prescribingFlow]: { create: createPrescribingGenerator, rowsPerPatient: prescribingRowsPerPatient, follows: [susApcFlow], population: 'birmingham-solihull' },
  [mhsdsReferralsFlow]: { create: createMhsdsReferralsGenerator, follows: [susApcFlow], population: 'birmingham-solihull' },
  [mhsdsCareClustersFlow]: { create: createMhsdsCareClustersGenerator, follows: [mhsdsReferralsFlow], population: 'birmingham-solihull' },
  [ecdsFlow]: { create: createEcdsGenerator, rowsPerPatient: ecdsRowsPerPatient, follows: [], population: 'norfolk-waveney' },
  [csdsReferralsFlow]: { create: createCsdsReferralsGenerator, follows: [ecdsFlow], population: 'norfolk-waveney' },
  [csdsContactsFlow]: { create: createCsdsContactsGenerator, follows: [csdsReferralsFlow], population: 'norfolk-waveney' },
  [didsFlow]: { create: createDidsGenerator, rowsPerPatient: didsRowsPerPatient, follows: [ecdsFlow], population: 'norfolk-waveney' },
};

/** Every flow of CareFlow Insights, linked at patient level through the one patient pool. */
export const careFlowFlows: readonly string[] = [susApcFlow, prescribingFlow, mhsdsReferralsFlow, mhsdsCareClustersFlow];

/** Every flow of Community 360 (Norfolk and Waveney), linked at patient level through its own patient pool. */
export const community360Flows: readonly string[] = [ecdsFlow, csdsReferralsFlow, csdsContactsFlow, didsFlow];

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
 * Writes one synthetic DSCRO extract per flow under `<outDir>/<flow>/`, the flows of each product drawn from
 * one patient pool so they link at patient level, and `<outDir>/manifest.json` recording exactly which
 * defects were planted.
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
  const usualSize = options.patients ?? generationDefaults.patients;
  const populations = new Map<PatientPopulation, { pool: PatientPool; activity: PoolActivity }>();
  for (const flow of runOrder) {
    const population = registeredFlows[flow].population;
    if (populations.has(population)) continue;
    const populationTargets = new Map([...targets].filter(([target]) => registeredFlows[target].population === population));
    const size = populationTargets.size === 0 ? usualSize : poolSizeFor(populationTargets, usualSize);
    const { seedStream, postcodeDistricts } = patientPopulations[population];
    const pool = createPatientPool({ size, seed: deriveSeed(seed, seedStream), referenceDay: period.firstDay, postcodeDistricts });
    populations.set(population, { pool, activity: new PoolActivity(size) });
  }
  const poolSizes = [...populations].map(([population, { pool }]) => [population, pool.patients.length] as const);
  const patients = poolSizes.reduce((sum, [, size]) => sum + size, 0);

  const manifest: GenerationManifest = {
    seed,
    patients,
    // Only when there is more than one, so a one-product manifest reads as it always has.
    ...(poolSizes.length > 1 ? { patientPools: Object.fromEntries(poolSizes) } : {}),
    months,
    startMonth,
    generatedFiles: [],
    plantedDefects: {},
  };
  for (const flow of runOrder) {
    const { pool, activity } = populations.get(registeredFlows[flow].population)!;
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
    for (const followed of registeredFlows[flow].follows) {
      // Activity is kept per pool: a flow following another product's flow would silently follow nobody.
      if (registeredFlows[followed].population !== registeredFlows[flow].population) throw new Error(`${flow} cannot follow ${followed}: they draw from different patient pools`);
      add(followed);
    }
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
