import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureLocalPseudonymisationKey } from '../../shared/secrets/ensureLocalPseudonymisationKey';
import { LocalHost } from '../../shared/hosting/local/LocalHost';
import { RunningAzurite, startAzurite } from '../../shared/hosting/local/startAzurite';
import { CapturingTelemetry } from '../../shared/telemetry/CapturingTelemetry';

export interface TestHost {
  host: LocalHost;
  azurite: RunningAzurite;
  telemetry: CapturingTelemetry;
  stateDir: string;
  stop(): Promise<void>;
}

/** A local host on a fresh in-memory Azurite and in-memory DuckDB, with a generated key per product. */
export async function startTestHost(options: { withKeys?: boolean; azurite?: RunningAzurite; fixedKey?: string } = {}): Promise<TestHost> {
  const stateDir = mkdtempSync(join(tmpdir(), 'dscro-test-'));
  const azurite = options.azurite ?? (await startAzurite());
  if (options.fixedKey) {
    // Hosts that must produce identical warehouses share a key, so pseudonyms agree across them.
    mkdirSync(join(stateDir, 'secrets'), { recursive: true });
    for (const product of ['careflow', 'community360']) {
      writeFileSync(join(stateDir, 'secrets', `pseudonymisation-key-${product}.json`), JSON.stringify({ value: `${options.fixedKey}-${product}`, version: 'test-v1' }));
    }
  } else if (options.withKeys !== false) {
    for (const product of ['careflow', 'community360']) await ensureLocalPseudonymisationKey(join(stateDir, 'secrets'), `pseudonymisation-key-${product}`);
  }
  const telemetry = new CapturingTelemetry();
  const host = await LocalHost.start({ stateDir, blobConnectionString: azurite.connectionString, telemetry, warehouseFile: ':memory:' });
  return {
    host,
    azurite,
    telemetry,
    stateDir,
    async stop() {
      await host.close();
      if (!options.azurite) await azurite.stop();
      rmSync(stateDir, { recursive: true, force: true });
    },
  };
}
