import { Writable } from 'node:stream';
import { scrubTelemetryValue } from './scrubIdentifiers';
import { LogLevel, Telemetry, TelemetryDimensions, TelemetryValue } from './telemetry.port';

/** Local telemetry: one JSON object per line, the shape Application Insights receives in Azure. */
export class JsonLinesTelemetry implements Telemetry {
  public constructor(
    private readonly out: Writable | { write(text: string): unknown },
    private readonly minimumLevel: LogLevel = 'info',
  ) {}

  public log(level: LogLevel, message: string, dimensions: Partial<TelemetryDimensions>, properties: Record<string, TelemetryValue> = {}): void {
    if (levelRank[level] < levelRank[this.minimumLevel]) return;
    this.emit({ time: new Date().toISOString(), type: 'log', level, message, ...dimensions, ...properties });
  }

  public metric(name: string, value: number, dimensions: Partial<TelemetryDimensions>, properties: Record<string, TelemetryValue> = {}): void {
    this.emit({ time: new Date().toISOString(), type: 'metric', name, value, ...dimensions, ...properties });
  }

  private emit(record: Record<string, unknown>): void {
    this.out.write(JSON.stringify(record, (_key, value: unknown) => scrubTelemetryValue(value)) + '\n');
  }
}

const levelRank: Record<LogLevel, number> = { debug: 0, info: 1, warn: 2, error: 3 };
