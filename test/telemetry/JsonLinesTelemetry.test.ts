import { JsonLinesTelemetry } from '../../shared/telemetry/JsonLinesTelemetry';

class LineSink {
  public readonly text: string[] = [];

  public write(text: string): boolean {
    this.text.push(text);
    return true;
  }

  public records(): Record<string, unknown>[] {
    return this.text.join('').split('\n').filter(Boolean).map((line) => JSON.parse(line) as Record<string, unknown>);
  }
}

const dimensions = { correlationId: 'corr-1', product: 'careflow', flow: 'sus-apc', stage: 'ingest', extractId: '0123456789abcdef0123456789abcdef' };

describe('JsonLinesTelemetry', () => {
  it('writes one JSON object per line with the dimensions and properties', () => {
    // Prepare
    const sink = new LineSink();
    const telemetry = new JsonLinesTelemetry(sink);

    // Act
    telemetry.log('info', 'extract accepted', dimensions, { bytes: 2048, unknownColumns: '' });
    telemetry.metric('stage.rows_in', 120, dimensions);

    // Assess
    expect(sink.text.every((text) => text.endsWith('\n') && text.indexOf('\n') === text.length - 1)).toBe(true);
    const [log, metric] = sink.records();
    expect(log).toMatchObject({ type: 'log', level: 'info', message: 'extract accepted', ...dimensions, bytes: 2048, unknownColumns: '' });
    expect(metric).toMatchObject({ type: 'metric', name: 'stage.rows_in', value: 120, ...dimensions });
    expect(typeof log.time).toBe('string');
  });

  it('keeps extract ids and ISO dates as they are', () => {
    // Prepare
    const sink = new LineSink();
    const telemetry = new JsonLinesTelemetry(sink);

    // Act
    telemetry.log('info', 'period 2024-05-01 linked', dimensions, { periodStart: '2024-05-01', precedence: '20240515000000-0123456789abcdef0123456789abcdef' });

    // Assess
    expect(sink.records()[0]).toMatchObject({
      message: 'period 2024-05-01 linked',
      extractId: '0123456789abcdef0123456789abcdef',
      periodStart: '2024-05-01',
      precedence: '20240515000000-0123456789abcdef0123456789abcdef',
    });
  });

  it('scrubs NHS numbers and postcodes from messages and properties', () => {
    // Prepare
    const sink = new LineSink();
    const telemetry = new JsonLinesTelemetry(sink);

    // Act
    telemetry.log('error', 'row rejected: NHS_Number 943 476 5919, Postcode B15 2TH', dimensions, { sample: '9434765919' });

    // Assess
    const written = sink.text.join('');
    expect(written).not.toMatch(/943 ?476 ?5919|B15 2TH/);
    expect(sink.records()[0]).toMatchObject({ message: 'row rejected: NHS_Number [redacted-nhs-number], Postcode [redacted-postcode]', sample: '[redacted-nhs-number]' });
  });

  it('keeps every line valid JSON when a number is NHS-number-shaped (a 1.2 GB extract size)', () => {
    // Prepare
    const sink = new LineSink();
    const telemetry = new JsonLinesTelemetry(sink);

    // Act
    telemetry.log('info', 'extract accepted', dimensions, { bytes: 1234567890 });
    telemetry.metric('stage.rows_in', 9434765919, dimensions);

    // Assess
    const records = sink.records();
    expect(records).toHaveLength(2);
    expect(sink.text.join('')).not.toContain('9434765919');
  });

  it('drops log lines below the minimum level but always writes metrics', () => {
    // Prepare
    const sink = new LineSink();
    const telemetry = new JsonLinesTelemetry(sink, 'warn');

    // Act
    telemetry.log('debug', 'noise', dimensions);
    telemetry.log('info', 'started', dimensions);
    telemetry.log('warn', 'duplicate extract skipped', dimensions);
    telemetry.log('error', 'failed', dimensions);
    telemetry.metric('stage.duration_ms', 5, dimensions);

    // Assess
    expect(sink.records().map((record) => record.message ?? record.name)).toEqual(['duplicate extract skipped', 'failed', 'stage.duration_ms']);
  });
});
