import { LoggerProvider, InMemoryLogRecordExporter, SimpleLogRecordProcessor } from '@opentelemetry/sdk-logs';
import { AggregationTemporality, InMemoryMetricExporter, MeterProvider, PeriodicExportingMetricReader } from '@opentelemetry/sdk-metrics';
import { OpenTelemetryTelemetry } from '../../shared/telemetry/OpenTelemetryTelemetry';

export interface ExportedLog {
  severityText?: string;
  body: unknown;
  attributes: Record<string, unknown>;
}

export interface ExportedPoint {
  name: string;
  kind: 'counter' | 'histogram';
  attributes: Record<string, unknown>;
  /** Counter sum, or the histogram's sum. */
  sum: number;
  count: number;
}

export interface OtelCapture {
  telemetry: OpenTelemetryTelemetry;
  /** Flushes both pipelines and returns everything exported so far (metrics cumulative). */
  collect(): Promise<{ logs: ExportedLog[]; points: ExportedPoint[] }>;
  shutdown(): Promise<void>;
}

/** The OpenTelemetry SDK's own in-memory exporters behind the adapter: what Azure Monitor's exporter would receive. */
export function otelCapture(): OtelCapture {
  const logExporter = new InMemoryLogRecordExporter();
  const loggerProvider = new LoggerProvider({ processors: [new SimpleLogRecordProcessor(logExporter)] });
  const metricExporter = new InMemoryMetricExporter(AggregationTemporality.CUMULATIVE);
  const reader = new PeriodicExportingMetricReader({ exporter: metricExporter, exportIntervalMillis: 3_600_000 });
  const meterProvider = new MeterProvider({ readers: [reader] });
  const telemetry = new OpenTelemetryTelemetry(meterProvider.getMeter('test'), loggerProvider.getLogger('test'));
  return {
    telemetry,
    async collect() {
      await Promise.all([meterProvider.forceFlush(), loggerProvider.forceFlush()]);
      const logs = logExporter.getFinishedLogRecords().map((record) => ({ severityText: record.severityText, body: record.body, attributes: { ...record.attributes } }));
      const latest = metricExporter.getMetrics().at(-1);
      const points: ExportedPoint[] = [];
      for (const scope of latest?.scopeMetrics ?? []) {
        for (const metric of scope.metrics) {
          for (const point of metric.dataPoints as { attributes: Record<string, unknown>; value: number | { sum?: number; count: number } }[]) {
            const histogram = typeof point.value === 'object';
            points.push({
              name: metric.descriptor.name,
              kind: histogram ? 'histogram' : 'counter',
              attributes: { ...point.attributes },
              sum: histogram ? ((point.value as { sum?: number }).sum ?? 0) : (point.value as number),
              count: histogram ? (point.value as { count: number }).count : 1,
            });
          }
        }
      }
      return { logs, points };
    },
    async shutdown() {
      await Promise.all([meterProvider.shutdown(), loggerProvider.shutdown()]);
    },
  };
}
