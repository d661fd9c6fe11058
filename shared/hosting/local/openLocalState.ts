import { createWriteStream, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { JsonLinesTelemetry } from '../../telemetry/JsonLinesTelemetry';
import { LocalHost } from './LocalHost';
import { startAzurite } from './startAzurite';

export interface LocalState {
  host: LocalHost;
  stateDir: string;
  close(): Promise<void>;
}

/**
 * Reopens the state folder an earlier `dscro-flows run` left: its Azurite blobs, DuckDB warehouse, keys and dead
 * letters, with telemetry appended to the same log. Keys are never created here: a missing key fails closed, as a
 * new one would give every patient a different pseudonym from the data already loaded.
 */
export async function openLocalState(stateDirOption: string): Promise<LocalState> {
  const stateDir = resolve(stateDirOption);
  const azurite = await startAzurite({ location: join(stateDir, 'azurite') });
  mkdirSync(join(stateDir, 'logs'), { recursive: true });
  const telemetry = new JsonLinesTelemetry(createWriteStream(join(stateDir, 'logs', 'telemetry.jsonl'), { flags: 'a' }));
  try {
    const host = await LocalHost.start({ stateDir, blobConnectionString: azurite.connectionString, telemetry, warehouseFile: join(stateDir, 'warehouse.duckdb') });
    return {
      host,
      stateDir,
      async close() {
        await host.close();
        await azurite.stop();
      },
    };
  } catch (error) {
    await azurite.stop();
    throw error;
  }
}
