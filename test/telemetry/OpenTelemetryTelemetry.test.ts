import { otelCapture } from '../support/otelCapture';

const dimensions = { correlationId: 'c0ffee00-0000-4000-8000-000000000001', product: 'careflow', flow: 'sus-apc', stage: 'map', extractId: '0123456789abcdef0123456789abcdef' };

describe('OpenTelemetryTelemetry', () => {
  it('writes log records with severity, scrubbed body and the five dimensions as attributes', async () => {
    // Prepare
    const capture = otelCapture();

    // Act
    capture.telemetry.log('error', 'map failed near 943 476 5919 in B15 2TH', dimensions, { errorCode: 'DSCRO-STAGE-001', note: 'patient 9434765919' });
    const { logs } = await capture.collect();
    await capture.shutdown();

    // Assess
    expect(logs).toEqual([
      {
        severityText: 'ERROR',
        body: 'map failed near [redacted-nhs-number] in [redacted-postcode]',
        attributes: { ...dimensions, errorCode: 'DSCRO-STAGE-001', note: 'patient [redacted-nhs-number]' },
      },
    ]);
  });

  it('records stage measures as histograms and rule and dead-letter events as counters, with the dimensions', async () => {
    // Prepare
    const capture = otelCapture();

    // Act
    capture.telemetry.metric('stage.rows_in', 120, dimensions);
    capture.telemetry.metric('stage.rows_in', 80, dimensions);
    capture.telemetry.metric('stage.duration_ms', 35, dimensions);
    capture.telemetry.metric('dq.rule_fail', 1, { ...dimensions, stage: 'dq' }, { rule: 'APC-NHS-VALID' });
    capture.telemetry.metric('deadletter.count', 1, dimensions, { queue: 'dscro-map' });
    const { points } = await capture.collect();
    await capture.shutdown();

    // Assess
    expect(points.find((point) => point.name === 'stage.rows_in')).toEqual({ name: 'stage.rows_in', kind: 'histogram', attributes: dimensions, sum: 200, count: 2 });
    expect(points.find((point) => point.name === 'stage.duration_ms')).toMatchObject({ kind: 'histogram', sum: 35 });
    expect(points.find((point) => point.name === 'dq.rule_fail')).toMatchObject({ kind: 'counter', sum: 1, attributes: { ...dimensions, stage: 'dq', rule: 'APC-NHS-VALID' } });
    expect(points.find((point) => point.name === 'deadletter.count')).toMatchObject({ kind: 'counter', sum: 1, attributes: { ...dimensions, queue: 'dscro-map' } });
  });
});
