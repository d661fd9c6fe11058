/** Every log line and metric carries these (DESIGN.md §9); none of them can identify a patient. */
export interface TelemetryDimensions {
  correlationId: string;
  product: string;
  flow: string;
  stage: string;
  extractId: string;
}

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
export type TelemetryValue = string | number | boolean;

export interface Telemetry {
  log(level: LogLevel, message: string, dimensions: Partial<TelemetryDimensions>, properties?: Record<string, TelemetryValue>): void;
  metric(name: string, value: number, dimensions: Partial<TelemetryDimensions>, properties?: Record<string, TelemetryValue>): void;
}
