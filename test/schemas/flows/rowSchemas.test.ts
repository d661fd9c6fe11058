import { schemaValidator } from '../../../shared/definitions/jsonSchemas';
import { mhsdsCareClusterRow, mhsdsReferralRow } from '../../factories/mhsdsRows';
import { prescribingRow } from '../../factories/prescribingRows';

/** As the pseudonymise stage does: empty cells are absent, so `required` reads as "present and not empty". */
function present(row: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(row).filter(([, value]) => value !== ''));
}

function validates(schema: string, row: Record<string, string>): boolean {
  return schemaValidator(schema)(present(row)) as boolean;
}

const flows = [
  {
    flow: 'prescribing',
    schema: 'schemas/flows/prescribing.schema.json',
    goodRow: (): Record<string, string> => prescribingRow(),
    required: ['PrescriptionItemID', 'ProcessingPeriodDate', 'PaidBNFCode', 'ItemCount', 'ItemNIC', 'ItemActualCost'],
    dates: ['PatientDOB', 'ProcessingPeriodDate'],
  },
  {
    flow: 'mhsds-referrals',
    schema: 'schemas/flows/mhsds-referrals.schema.json',
    goodRow: (): Record<string, string> => mhsdsReferralRow(),
    required: ['UniqServReqID', 'ServiceRequestId', 'OrgIDProv', 'ReferralRequestReceivedDate', 'UniqMonthID'],
    dates: ['PersonBirthDate', 'ReferralRequestReceivedDate', 'ServDischDate', 'ReferRejectionDate'],
  },
  {
    flow: 'mhsds-care-clusters',
    schema: 'schemas/flows/mhsds-care-clusters.schema.json',
    goodRow: (): Record<string, string> => mhsdsCareClusterRow(),
    required: ['UniqClustID', 'UniqServReqID', 'OrgIDProv', 'StartDateCareClust', 'AMHCareClustCodeFin'],
    dates: ['StartDateCareClust', 'EndDateCareClust'],
  },
];

describe.each(flows)('row schema of $flow', ({ schema, goodRow, required, dates }) => {
  it('accepts a good row', () => {
    // Prepare
    const row = goodRow();

    // Act
    const valid = validates(schema, row);

    // Assess
    expect(valid).toBe(true);
  });

  it.each(required)('rejects a row whose %s is empty', (column) => {
    // Prepare
    const row = { ...goodRow(), [column]: '' };

    // Act
    const valid = validates(schema, row);

    // Assess
    expect(valid).toBe(false);
  });

  it.each(dates)('rejects a row whose %s is not an ISO date', (column) => {
    // Prepare: a day that does not exist, and a UK-format date
    const impossible = { ...goodRow(), [column]: '2024-02-30' };
    const ukFormat = { ...goodRow(), [column]: '01/05/2024' };

    // Act
    const results = [validates(schema, impossible), validates(schema, ukFormat)];

    // Assess
    expect(results).toEqual([false, false]);
  });

  it('accepts a row with every optional value empty', () => {
    // Prepare
    const row = Object.fromEntries(Object.entries(goodRow()).map(([column, value]) => [column, required.includes(column) ? value : '']));

    // Act
    const valid = validates(schema, row);

    // Assess
    expect(valid).toBe(true);
  });
});

describe('row schema of prescribing: what is structure and what is a DQ finding', () => {
  const schema = 'schemas/flows/prescribing.schema.json';

  it.each([
    ['negative costs and quantity (an adjustment, RX-COST-NONNEG)', { ItemNIC: '-75.38', ItemActualCost: '-69.93852', PaidQuantity: '-168' }],
    ['a malformed BNF code (RX-BNF-WELLFORMED)', { PaidBNFCode: 'PARACETAMOL', PrescribedBNFCode: '0101' }],
    ['an 11-digit appliance code', { PaidBNFCode: '21010230102', PrescribedBNFCode: '21010230102' }],
    ['a processing month outside the extract (RX-PERIOD-IN-EXTRACT)', { ProcessingPeriodDate: '2019-01-01' }],
  ])('accepts %s', (_case, overrides) => {
    // Prepare
    const row = prescribingRow(overrides);

    // Act
    const valid = validates(schema, row);

    // Assess
    expect(valid).toBe(true);
  });

  it.each([
    ['a decimal item count', { ItemCount: '1.5' }],
    ['a negative item count', { ItemCount: '-1' }],
    ['a cost that is not a number', { ItemNIC: '£75.38' }],
    ['a BNF code longer than 15 characters', { PaidBNFCode: '0105010B0BIAAAS1' }],
    ['a practice code that is not an ODS code', { PatientGPODS: 'm85 001' }],
  ])('rejects %s', (_case, overrides) => {
    // Prepare
    const row = prescribingRow(overrides);

    // Act
    const valid = validates(schema, row);

    // Assess
    expect(valid).toBe(false);
  });
});

describe('row schema of mhsds-care-clusters', () => {
  const schema = 'schemas/flows/mhsds-care-clusters.schema.json';

  it.each([['04'], ['4'], ['99']])('accepts cluster code %p (unknown codes are flagged by the lookup, not quarantined)', (code) => {
    // Prepare
    const row = mhsdsCareClusterRow({ AMHCareClustCodeFin: code });

    // Act
    const valid = validates(schema, row);

    // Assess
    expect(valid).toBe(true);
  });

  it.each([['4A'], ['100']])('rejects cluster code %p', (code) => {
    // Prepare
    const row = mhsdsCareClusterRow({ AMHCareClustCodeFin: code });

    // Act
    const valid = validates(schema, row);

    // Assess
    expect(valid).toBe(false);
  });
});
