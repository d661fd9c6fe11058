import type { Attributes, Counter, Histogram, Meter } from '@opentelemetry/api';
import type { Logger } from '@opentelemetry/api-logs';
import { SeverityNumber } from '@opentelemetry/api-logs';
import { scrubIdentifiers, scrubTelemetryValue } from './scrubIdentifiers';
import { LogLevel, Telemetry, TelemetryDimensions, TelemetryValue } from './telemetry.port';

/**
 * Counts of events (a rule failing, a message dead-lettered) add up across instances; everything else a stage
 * reports (rows, durations) is a distribution per run, so a histogram gives sums, counts and percentiles.
 */
const counterNames = new Set(['dq.rule_fail', 'dq.rule_warn', 'deadletter.count']);

const units: Record<string, string> = { 'stage.duration_ms': 'ms' };

const severities: Record<LogLevel, SeverityNumber> = {
  debug: SeverityNumber.DEBUG,
  info: SeverityNumber.INFO,
  warn: SeverityNumber.WARN,
  error: SeverityNumber.ERROR,
};

/**
 * Telemetry as OpenTelemetry log records and metrics (Application Insights in Azure, through the Azure Monitor
 * distro). The five dimensions become attributes of every record, so a query can follow one extract or correlation
 * id across stages; every string passes the identifier scrubber first.
 */
export class OpenTelemetryTelemetry implements Telemetry {
  private readonly counters = new Map<string, Counter>();
  private readonly histograms = new Map<string, Histogram>();

  public constructor(
    private readonly meter: Meter,
    private readonly logger: Logger,
  ) {}

  public log(level: LogLevel, message: string, dimensions: Partial<TelemetryDimensions>, properties: Record<string, TelemetryValue> = {}): void {
    this.logger.emit({
      severityNumber: severities[level],
      severityText: level.toUpperCase(),
      body: scrubIdentifiers(message),
      attributes: attributesOf(dimensions, properties),
    });
  }

  public metric(name: string, value: number, dimensions: Partial<TelemetryDimensions>, properties: Record<string, TelemetryValue> = {}): void {
    const attributes = attributesOf(dimensions, properties);
    if (counterNames.has(name)) this.counter(name).add(value, attributes);
    else this.histogram(name).record(value, attributes);
  }

  private counter(name: string): Counter {
    let counter = this.counters.get(name);
    if (!counter) {
      counter = this.meter.createCounter(name, { unit: units[name] ?? '1' });
      this.counters.set(name, counter);
    }
    return counter;
  }

  private histogram(name: string): Histogram {
    let histogram = this.histograms.get(name);
    if (!histogram) {
      histogram = this.meter.createHistogram(name, { unit: units[name] ?? '1' });
      this.histograms.set(name, histogram);
    }
    return histogram;
  }
}

function attributesOf(dimensions: Partial<TelemetryDimensions>, properties: Record<string, TelemetryValue>): Attributes {
  const attributes: Attributes = {};
  for (const [key, value] of Object.entries({ ...properties, ...dimensions })) {
    if (value !== undefined) attributes[key] = scrubTelemetryValue(value) as TelemetryValue;
  }
  return attributes;
}
