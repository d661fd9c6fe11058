import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { extractPeriod } from './extractPeriod';
import { FlowGeneratorFactory } from './flowGenerator';
import { createSusApcGenerator, susApcFlow, susApcRowsPerPatient } from './flows/susApcGenerator';
import { createPatientPool, maxPatientPoolSize } from './patientPool';
import { deriveSeed } from './seededRandom';
import { writeCsv } from './writeCsv';

export interface GenerateExtractsOptions {
  outDir: string;
  seed?: number;
  /** Size of the shared patient pool. */
  patients?: number;
  months?: number;
  /** YYYY-MM of the first month covered. */
  startMonth?: string;
  flows?: string[];
  /** Fraction of rows (or spells, for spell-level defects) planted with each defect class. */
  defectRate?: number;
  /** Exact data-row count per flow, for benchmarks; sizes the pool itself and overrides `patients`. */
  rows?: number;
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
  /** Typical data rows per pooled patient, to size the pool for a target row count. */
  rowsPerPatient: number;
}

/** Flows the generator knows; a new flow adds an entry here and a generator under flows/. */
const registeredFlows: Record<string, RegisteredFlow> = {
  [susApcFlow]: { create: createSusApcGenerator, rowsPerPatient: susApcRowsPerPatient },
};

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
 * Writes one synthetic DSCRO extract per flow under `<outDir>/<flow>/`, all drawn from one patient pool,
 * and `<outDir>/manifest.json` recording exactly which defects were planted. Same options, same bytes.
 */
export async function generateExtracts(options: GenerateExtractsOptions): Promise<GenerationManifest> {
  const seed = options.seed ?? generationDefaults.seed;
  const months = options.months ?? generationDefaults.months;
  const startMonth = options.startMonth ?? generationDefaults.startMonth;
  const flows = options.flows ?? [...generationDefaults.flows];
  const defectRate = options.defectRate ?? generationDefaults.defectRate;
  const targetRows = options.rows;

  const unknown = flows.filter((flow) => !(flow in registeredFlows));
  if (unknown.length > 0) throw new Error(`unknown flow(s) ${unknown.join(', ')}; known: ${Object.keys(registeredFlows).join(', ')}`);
  if (targetRows !== undefined && !(Number.isInteger(targetRows) && targetRows > 0)) {
    throw new Error(`rows must be a positive integer, got ${targetRows}`);
  }

  const period = extractPeriod(startMonth, months);
  const patients = targetRows === undefined ? (options.patients ?? generationDefaults.patients) : poolSizeFor(targetRows, flows);
  const pool = createPatientPool({ size: patients, seed: deriveSeed(seed, 'patients'), referenceDay: period.firstDay });

  const manifest: GenerationManifest = { seed, patients, months, startMonth, generatedFiles: [], plantedDefects: {} };
  for (const flow of flows) {
    const generator = registeredFlows[flow].create(pool, { seed, period, defectRate, targetRows });
    await mkdir(join(options.outDir, flow), { recursive: true });
    const rows = await writeCsv(join(options.outDir, flow, generator.fileName), generator.columns, generator.batches(batchSize));
    manifest.generatedFiles.push({ flow, file: `${flow}/${generator.fileName}`, rows });
    manifest.plantedDefects[flow] = generator.plantedDefects();
  }
  await writeFile(join(options.outDir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

/** Enough patients that the flow with the fewest rows per patient reaches the target in one pass. */
function poolSizeFor(targetRows: number, flows: readonly string[]): number {
  const rowsPerPatient = Math.min(...flows.map((flow) => registeredFlows[flow].rowsPerPatient));
  return Math.min(maxPatientPoolSize, Math.ceil(targetRows / rowsPerPatient));
}
