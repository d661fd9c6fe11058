import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SettingNames } from '../../../shared/config/settingNames';
import { createAzureDependencies } from '../../../shared/hosting/azure/createAzureDependencies';
import { CapturingTelemetry } from '../../../shared/telemetry/CapturingTelemetry';

/** The Service Bus emulator's documented development connection string (no secret in it). */
const emulatorServiceBus = 'Endpoint=sb://localhost;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=SAS_KEY_VALUE;UseDevelopmentEmulator=true;';

describe('WAREHOUSE_KIND=synapse in the Functions composition root', () => {
  const folder = mkdtempSync(join(tmpdir(), 'dscro-synapse-kind-'));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  const base = { DSCRO_STORAGE: 'UseDevelopmentStorage=true', DSCRO_SERVICEBUS: emulatorServiceBus, DSCRO_LOCAL_STATE_DIR: folder, WAREHOUSE_KIND: 'synapse' };

  it('names the settings the Synapse warehouse needs', () => {
    // Prepare / Act / Assess
    expect(SettingNames.synapseServer).toBe('SYNAPSE_SERVER');
    expect(SettingNames.synapseDatabase).toBe('SYNAPSE_DATABASE');
  });

  it('fails before connecting when SYNAPSE_SERVER is not set', async () => {
    // Prepare / Act / Assess
    await expect(createAzureDependencies({ ...base, SYNAPSE_DATABASE: 'dscro' }, new CapturingTelemetry())).rejects.toThrow('app setting SYNAPSE_SERVER is not set');
  });

  it('fails before connecting when SYNAPSE_DATABASE is not set', async () => {
    // Prepare / Act / Assess
    await expect(createAzureDependencies({ ...base, SYNAPSE_SERVER: 'syn-dscro.sql.azuresynapse.net' }, new CapturingTelemetry())).rejects.toThrow('app setting SYNAPSE_DATABASE is not set');
  });
});
