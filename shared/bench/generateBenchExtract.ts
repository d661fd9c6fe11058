import { fork } from 'node:child_process';
import { generateExtracts, GenerationManifest } from '../generate/generateExtracts';
import { toError } from '../errors/toError';
import { susApcFlow } from '../generate/flows/susApcGenerator';

export interface BenchExtract {
  manifest: GenerationManifest;
  seconds: number;
  /** Peak RSS of the generating process, MiB. */
  peakRssMiB: number;
}

interface ChildReply {
  manifest?: GenerationManifest;
  seconds?: number;
  peakRssMiB?: number;
  error?: string;
}

/**
 * Generates the benchmark's extract in a child process. The generator holds its whole patient pool (up to
 * 750k people for large row counts); in a child, that memory never counts towards the pipeline's peak RSS.
 */
export function generateBenchExtract(outDir: string, rows: number, seed: number): Promise<BenchExtract> {
  return new Promise((resolve, reject) => {
    const child = fork(__filename, [outDir, String(rows), String(seed)], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    let reply: ChildReply | undefined;
    child.on('message', (message) => (reply = message as ChildReply));
    child.once('error', reject);
    child.once('exit', (code) => {
      if (reply?.manifest && reply.seconds !== undefined && reply.peakRssMiB !== undefined) {
        resolve({ manifest: reply.manifest, seconds: reply.seconds, peakRssMiB: reply.peakRssMiB });
      } else {
        reject(new Error(`extract generation failed (exit code ${code}): ${reply?.error ?? 'no reply from the generator'}`));
      }
    });
  });
}

async function generateInThisProcess(outDir: string, rows: number, seed: number): Promise<ChildReply> {
  const started = process.hrtime.bigint();
  const manifest = await generateExtracts({ outDir, rows, seed, flows: [susApcFlow] });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return { manifest, seconds, peakRssMiB: process.resourceUsage().maxRSS / 1024 };
}

if (require.main === module) {
  // A benchmark stopped mid-generation must not leave its generator running.
  process.once('disconnect', () => process.exit(1));
  const [outDir, rows, seed] = process.argv.slice(2);
  generateInThisProcess(outDir, Number(rows), Number(seed))
    .catch((error: unknown) => ({ error: toError(error).message }))
    .then((reply) => process.send?.(reply, () => process.exit(reply.error ? 1 : 0)));
}
