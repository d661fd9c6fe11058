import { PassThroughOutput, PatientPeriodSummaryOutput, WindowMatchOutput } from '../../../shared/definitions/definitionTypes';
import { affectedPeriods } from '../../../shared/stages/link/affectedPeriods';

const passThrough: PassThroughOutput = { kind: 'passThrough', name: 'spells', description: '', key: ['k'], anchorFlow: 'sus-apc', columns: [] };

function windowMatch(unit: 'day' | 'month', from: number, to: number): WindowMatchOutput {
  return {
    kind: 'windowMatch',
    name: 'links',
    description: '',
    key: ['k'],
    anchor: { flow: 'sus-apc', date: 'discharge_date', columns: [] },
    targets: [{ flow: 'mhsds-referrals', date: 'referral_request_received_date', window: { unit, from, to }, measures: [{ name: 'n', fn: 'count' }] }],
  };
}

const summary: PatientPeriodSummaryOutput = {
  kind: 'patientPeriodSummary',
  name: 'patient_year',
  description: '',
  key: ['financial_year', 'patient_pseudonym'],
  grain: 'financialYear',
  sources: [{ flow: 'prescribing', date: 'processing_period_date', measures: [{ name: 'n', fn: 'count' }] }],
};

describe('affectedPeriods', () => {
  it("keeps a pass-through output's own months for its anchor flow, and nothing for other flows", () => {
    expect(affectedPeriods(passThrough, 'sus-apc', ['2024-05', '2024-04'])).toEqual(['2024-04', '2024-05']);
    expect(affectedPeriods(passThrough, 'prescribing', ['2024-05'])).toEqual([]);
  });

  it('recomputes only the anchor months themselves when the anchor flow arrives', () => {
    expect(affectedPeriods(windowMatch('day', 0, 30), 'sus-apc', ['2024-03'])).toEqual(['2024-03']);
  });

  it('reaches back 30 days from a March target extract: 1 March - 30 days = 31 January, so January to March', () => {
    expect(affectedPeriods(windowMatch('day', 0, 30), 'mhsds-referrals', ['2024-03'])).toEqual(['2024-01', '2024-02', '2024-03']);
  });

  it('reaches back 7 days from March: 1 March - 7 days = 23 February, so February and March', () => {
    expect(affectedPeriods(windowMatch('day', 0, 7), 'mhsds-referrals', ['2024-03'])).toEqual(['2024-02', '2024-03']);
  });

  it('crosses a year boundary: 1 January 2024 - 30 days = 2 December 2023', () => {
    expect(affectedPeriods(windowMatch('day', 0, 30), 'mhsds-referrals', ['2024-01'])).toEqual(['2023-12', '2024-01']);
  });

  it('reaches back whole months for a month window: a March target affects anchors of January to March for months 0..2', () => {
    expect(affectedPeriods(windowMatch('month', 0, 2), 'mhsds-referrals', ['2024-03'])).toEqual(['2024-01', '2024-02', '2024-03']);
  });

  it('merges several extract months, once each, in order (1 February - 30 days = 2 January)', () => {
    expect(affectedPeriods(windowMatch('day', 0, 30), 'mhsds-referrals', ['2024-03', '2024-02'])).toEqual(['2024-01', '2024-02', '2024-03']);
  });

  it('maps months to the April that starts their financial year for a yearly summary', () => {
    expect(affectedPeriods(summary, 'prescribing', ['2024-03', '2024-04', '2025-02'])).toEqual(['2023-04', '2024-04']);
    expect(affectedPeriods(summary, 'sus-apc', ['2024-03'])).toEqual([]);
  });
});
