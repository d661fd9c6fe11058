import type { TokenCredential } from '@azure/identity';
import { useAzureMonitor } from '@azure/monitor-opentelemetry';
import { metrics } from '@opentelemetry/api';
import { logs } from '@opentelemetry/api-logs';
import { OpenTelemetryTelemetry } from './OpenTelemetryTelemetry';

const instrumentationScope = 'dscro-flows';
let started = false;

/**
 * Starts the Azure Monitor OpenTelemetry distro once per worker process (it registers global providers, so a
 * second call would double every record) and returns the adapter over its meter and logger. The exporter signs in
 * to Application Insights with Entra ID, so local authentication can stay disabled on the resource.
 */
export function azureMonitorTelemetry(connectionString: string, credential: TokenCredential): OpenTelemetryTelemetry {
  if (!started) {
    useAzureMonitor({ azureMonitorExporterOptions: { connectionString, credential } });
    started = true;
  }
  return new OpenTelemetryTelemetry(metrics.getMeter(instrumentationScope), logs.getLogger(instrumentationScope));
}
