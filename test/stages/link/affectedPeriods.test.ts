import { LinkOutputDefinition, ProductDefinition } from '../../../shared/definitions/definitionTypes';
import { affectedPeriods } from '../../../shared/stages/link/affectedPeriods';

function product(reach?: LinkOutputDefinition['reach']): ProductDefinition {
  return {
    id: 'community360',
    title: 'Community 360',
    client: 'Test ICB',
    keySecretName: 'pseudonymisation-key-community360',
    flows: ['sus-apc', 'mhsds-referrals'],
    link: {
      buckets: 4,
      outputs: [
        {
          name: 'spells',
          description: 'Spells with the mental health referrals around them',
          kind: 'passThrough',
          anchorFlow: 'sus-apc',
          key: ['apcs_ident'],
          columns: [{ name: 'apcs_ident', from: 'apcs_ident', type: 'string' }],
          reach,
        },
      ],
    },
    dqRules: [],
  };
}

describe('affectedPeriods', () => {
  it('adds the anchor months a late-arriving flow reaches back into', () => {
    // Prepare: a referral dated d reaches spells dated d − 30 … d. The earliest March referral (1 March 2024)
    //          reaches back to 1 March − 30 days = 31 January (2024 is a leap year: 29 days back is 1 February);
    //          the latest (31 March) reaches 31 March. So January, February and March.
    const definition = product({ 'mhsds-referrals': { fromDays: 0, toDays: 30 } });

    // Act
    const periods = affectedPeriods(definition, 'mhsds-referrals', ['2024-03']);

    // Assess
    expect(periods).toEqual(['2024-01', '2024-02', '2024-03']);
  });

  it('stops at the month boundary when the window ends inside the previous month', () => {
    // Prepare: 1 April 2024 − 30 days = 2 March 2024; the window never reaches February
    const definition = product({ 'mhsds-referrals': { fromDays: 0, toDays: 30 } });

    // Act
    const periods = affectedPeriods(definition, 'mhsds-referrals', ['2024-04']);

    // Assess
    expect(periods).toEqual(['2024-03', '2024-04']);
  });

  it('crosses a year boundary', () => {
    // Prepare: 1 January 2025 − 30 days = 2 December 2024
    const definition = product({ 'mhsds-referrals': { fromDays: 0, toDays: 30 } });

    // Act
    const periods = affectedPeriods(definition, 'mhsds-referrals', ['2025-01']);

    // Assess
    expect(periods).toEqual(['2024-12', '2025-01']);
  });

  it('reaches forward for a window that lies after the anchor (negative days)', () => {
    // Prepare: a row dated d reaches anchors dated d … d + 30; 31 March 2024 + 30 days = 30 April 2024
    const definition = product({ 'mhsds-referrals': { fromDays: -30, toDays: 0 } });

    // Act
    const periods = affectedPeriods(definition, 'mhsds-referrals', ['2024-03']);

    // Assess
    expect(periods).toEqual(['2024-03', '2024-04']);
  });

  it('merges the reach of several extract months, once each, in order', () => {
    // Prepare: March reaches January; May (1 May − 30 = 1 April) reaches April
    const definition = product({ 'mhsds-referrals': { fromDays: 0, toDays: 30 } });

    // Act
    const periods = affectedPeriods(definition, 'mhsds-referrals', ['2024-05', '2024-03']);

    // Assess
    expect(periods).toEqual(['2024-01', '2024-02', '2024-03', '2024-04', '2024-05']);
  });

  it("keeps only the extract's own months for a flow the windows do not name", () => {
    // Prepare: the anchor flow itself has no reach entry
    const definition = product({ 'mhsds-referrals': { fromDays: 0, toDays: 30 } });

    // Act
    const periods = affectedPeriods(definition, 'sus-apc', ['2024-03', '2024-02']);

    // Assess
    expect(periods).toEqual(['2024-02', '2024-03']);
  });

  it("keeps only the extract's own months when no output has a reach", () => {
    // Prepare
    const definition = product(undefined);

    // Act
    const periods = affectedPeriods(definition, 'mhsds-referrals', ['2024-03']);

    // Assess
    expect(periods).toEqual(['2024-03']);
  });

  it('affects nothing when the extract has no months', () => {
    // Prepare
    const definition = product({ 'mhsds-referrals': { fromDays: 0, toDays: 30 } });

    // Act
    const periods = affectedPeriods(definition, 'mhsds-referrals', []);

    // Assess
    expect(periods).toEqual([]);
  });
});
