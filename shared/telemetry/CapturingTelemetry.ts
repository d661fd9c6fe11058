import { scrubIdentifiers, scrubTelemetryValue } from './scrubIdentifiers';
import { LogLevel, Telemetry, TelemetryDimensions, TelemetryValue } from './telemetry.port';

export interface CapturedTelemetry {
  type: 'log' | 'metric';
  level?: LogLevel;
  message?: string;
  name?: string;
  value?: number;
  dimensions: Partial<TelemetryDimensions>;
  properties: Record<string, TelemetryValue>;
}

/** Keeps every record in memory (and forwards it), so tests and the local run summary can read telemetry back. */
export class CapturingTelemetry implements Telemetry {
  public readonly records: CapturedTelemetry[] = [];

  public constructor(private readonly forward?: Telemetry) {}

  public log(level: LogLevel, message: string, dimensions: Partial<TelemetryDimensions>, properties: Record<string, TelemetryValue> = {}): void {
    this.records.push({ type: 'log', level, message: scrubIdentifiers(message), dimensions, properties: scrubProperties(properties) });
    this.forward?.log(level, message, dimensions, properties);
  }

  public metric(name: string, value: number, dimensions: Partial<TelemetryDimensions>, properties: Record<string, TelemetryValue> = {}): void {
    this.records.push({ type: 'metric', name, value, dimensions, properties: scrubProperties(properties) });
    this.forward?.metric(name, value, dimensions, properties);
  }
}

function scrubProperties(properties: Record<string, TelemetryValue>): Record<string, TelemetryValue> {
  return Object.fromEntries(Object.entries(properties).map(([key, value]) => [key, scrubTelemetryValue(value) as TelemetryValue]));
}
