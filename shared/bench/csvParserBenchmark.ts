import { createReadStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import Papa from 'papaparse';
import { readCsvRecords } from '../csv/readCsvRecords';
import { susApcFlow } from '../generate/flows/susApcGenerator';
import { generateExtracts } from '../generate/generateExtracts';

/**
 * Streaming CSV parsers over one generated SUS+ APC extract, each consuming every record the way a stage does
 * (touching every field). udsv is not a dependency: it is measured only when it resolves, from node_modules or
 * from the folder named by UDSV_MODULE.
 * Run: node dist/shared/bench/csvParserBenchmark.js [rows]
 */
const rounds = 5;

interface Tally {
  records: number;
  fields: number;
  chars: number;
}

interface Candidate {
  name: string;
  parse(file: string): Promise<Tally>;
}

interface UdsvParser {
  stringArrs: unknown;
  chunk(text: string, format: unknown, onRow: (row: string[]) => void): void;
  end(): void;
}

interface Udsv {
  inferSchema(text: string, options?: { col?: string; row?: string; encl?: string }): unknown;
  initParser(schema: unknown): UdsvParser;
}

function tallyOf(): Tally & { add(fields: string[]): void } {
  return {
    records: 0,
    fields: 0,
    chars: 0,
    add(fields: string[]) {
      this.records += 1;
      this.fields += fields.length;
      for (const field of fields) this.chars += field.length;
    },
  };
}

const readCsvRecordsCandidate: Candidate = {
  name: 'readCsvRecords: chunk callback, async generator',
  async parse(file) {
    const tally = tallyOf();
    for await (const record of readCsvRecords(createReadStream(file), { gzip: false })) tally.add(record.fields);
    return tally;
  },
};

function papaparseCallback(kind: 'step' | 'chunk'): Candidate {
  return {
    name: `papaparse stream input, ${kind} callback`,
    parse(file) {
      return new Promise((resolve, reject) => {
        const tally = tallyOf();
        const config: Papa.ParseConfig<string[]> & Record<string, unknown> = {
          delimiter: ',',
          skipEmptyLines: 'greedy',
          complete: () => resolve(tally),
          error: (error: Error) => reject(error),
        };
        if (kind === 'step') config.step = (result: Papa.ParseStepResult<string[]>) => tally.add(result.data);
        else config.chunk = (result: Papa.ParseResult<string[]>) => {
          for (const fields of result.data) tally.add(fields);
        };
        Papa.parse(createReadStream(file, { encoding: 'utf8' }) as unknown as File, config as Papa.ParseLocalConfig<string[], File>);
      });
    },
  };
}

/** How readCsvRecords read before: papaparse's duplex stream, each record pushed through it and awaited. */
const duplexStreamCandidate: Candidate = {
  name: 'papaparse NODE_STREAM_INPUT duplex, for await (before)',
  async parse(file) {
    const tally = tallyOf();
    const text = createReadStream(file, { encoding: 'utf8' });
    const parser = Papa.parse(Papa.NODE_STREAM_INPUT, { delimiter: ',', skipEmptyLines: 'greedy' }) as unknown as NodeJS.ReadWriteStream;
    text.on('error', (error) => parser.emit('error', error));
    text.pipe(parser);
    for await (const fields of parser as unknown as AsyncIterable<string[]>) tally.add(fields);
    return tally;
  },
};

function udsvCandidates(udsv: Udsv): Candidate[] {
  return [
    {
      name: 'udsv chunk(), row callback',
      async parse(file) {
        const tally = tallyOf();
        let parser: UdsvParser | undefined;
        for await (const text of createReadStream(file, { encoding: 'utf8' }) as AsyncIterable<string>) {
          parser ??= udsv.initParser(udsv.inferSchema(text, { col: ',', encl: '"' }));
          parser.chunk(text, parser.stringArrs, (row) => tally.add(row));
        }
        parser?.end();
        // inferSchema takes the first row as the header and never hands it to the callback.
        tally.records += 1;
        return tally;
      },
    },
    {
      name: 'udsv chunk() in an async generator (drop-in shape)',
      async parse(file) {
        const tally = tallyOf();
        for await (const fields of udsvRecords(udsv, createReadStream(file, { encoding: 'utf8' }))) tally.add(fields);
        tally.records += 1;
        return tally;
      },
    },
  ];
}

async function* udsvRecords(udsv: Udsv, text: Readable): AsyncGenerator<string[]> {
  let parser: UdsvParser | undefined;
  let rows: string[][] = [];
  const collect = (row: string[]) => {
    rows.push(row);
  };
  for await (const chunk of text as AsyncIterable<string>) {
    parser ??= udsv.initParser(udsv.inferSchema(chunk, { col: ',', encl: '"' }));
    parser.chunk(chunk, parser.stringArrs, collect);
    const ready = rows;
    rows = [];
    yield* ready;
  }
  parser?.end();
  yield* rows;
}

function loadUdsv(): Udsv | undefined {
  for (const request of ['udsv', process.env.UDSV_MODULE].filter((value): value is string => Boolean(value))) {
    try {
      return require(request) as Udsv;
    } catch {
      // not installed: that parser is skipped
    }
  }
  return undefined;
}

interface Measured {
  name: string;
  bestWallMs: number;
  bestCpuMs: number;
  tally: Tally;
}

/** Rounds interleaved across parsers, timed in wall and process CPU time, so a busy machine skews less. */
async function measureAll(candidates: Candidate[], file: string): Promise<Measured[]> {
  const results: Measured[] = candidates.map((candidate) => ({ name: candidate.name, bestWallMs: Number.POSITIVE_INFINITY, bestCpuMs: Number.POSITIVE_INFINITY, tally: { records: 0, fields: 0, chars: 0 } }));
  for (let round = 0; round < rounds; round += 1) {
    for (const [index, candidate] of candidates.entries()) {
      const cpuBefore = process.cpuUsage();
      const started = performance.now();
      const tally = await candidate.parse(file);
      const wallMs = performance.now() - started;
      const cpu = process.cpuUsage(cpuBefore);
      results[index].bestWallMs = Math.min(results[index].bestWallMs, wallMs);
      results[index].bestCpuMs = Math.min(results[index].bestCpuMs, (cpu.user + cpu.system) / 1000);
      results[index].tally = { records: tally.records, fields: tally.fields, chars: tally.chars };
    }
  }
  return results;
}

async function main(): Promise<void> {
  const rows = Number(process.argv[2] ?? 200_000);
  const dir = mkdtempSync(join(tmpdir(), 'dscro-csvbench-'));
  try {
    const manifest = await generateExtracts({ outDir: dir, rows, flows: [susApcFlow] });
    const file = join(dir, manifest.generatedFiles[0].file);
    const megabytes = statSync(file).size / 1024 / 1024;
    console.log(`Node ${process.version}; ${rows} sus-apc rows, ${megabytes.toFixed(1)} MiB; best of ${rounds} interleaved rounds`);
    const udsv = loadUdsv();
    const candidates = [readCsvRecordsCandidate, duplexStreamCandidate, papaparseCallback('step'), papaparseCallback('chunk'), ...(udsv ? udsvCandidates(udsv) : [])];
    if (!udsv) console.log('udsv is not installed (npm install --no-save udsv, or UDSV_MODULE=<path>): skipped');
    const results = await measureAll(candidates, file);
    console.log('\nparser                                                  wall ms   CPU ms  rows/s (CPU)  MiB/s (CPU)  records   fields      chars');
    for (const result of results) {
      console.log(
        `${result.name.padEnd(55)} ${result.bestWallMs.toFixed(0).padStart(7)} ${result.bestCpuMs.toFixed(0).padStart(8)} ${String(Math.round((result.tally.records * 1000) / result.bestCpuMs)).padStart(13)} ${String(Math.round((megabytes * 1000) / result.bestCpuMs)).padStart(12)} ${String(result.tally.records).padStart(8)} ${String(result.tally.fields).padStart(8)} ${String(result.tally.chars).padStart(10)}`,
      );
    }
    const reference = results[0].tally;
    for (const result of results.slice(1)) {
      if (result.tally.records !== reference.records || result.tally.fields !== reference.fields || result.tally.chars !== reference.chars) {
        console.log(`note: ${result.name} does not agree with readCsvRecords on records, fields or characters`);
      }
    }
    console.log(JSON.stringify({ rows, results: results.map((result) => ({ name: result.name, wallMs: Math.round(result.bestWallMs), cpuMs: Math.round(result.bestCpuMs), records: result.tally.records })) }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
