import { schemaValidator } from '../../../shared/definitions/jsonSchemas';
import { csdsContactRow, csdsReferralRow, didsRow, ecdsRow } from '../../factories/community360Rows';

/** As the pseudonymise stage does: empty cells are absent, so `required` reads as "present and not empty". */
function present(row: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(row).filter(([, value]) => value !== ''));
}

function validates(schema: string, row: Record<string, string>): boolean {
  return schemaValidator(schema)(present(row)) as boolean;
}

const flows = [
  {
    flow: 'ecds',
    schema: 'schemas/flows/ecds.schema.json',
    goodRow: (): Record<string, string> => ecdsRow({ EC_Decision_To_Admit_Date: '2024-05-10' }),
    required: ['EC_Ident', 'Der_Provider_Code', 'Arrival_Date'],
    dates: ['Person_Birth_Date', 'Arrival_Date', 'EC_Decision_To_Admit_Date', 'EC_Departure_Date'],
    times: ['Arrival_Time', 'EC_Departure_Time'],
  },
  {
    flow: 'csds-referrals',
    schema: 'schemas/flows/csds-referrals.schema.json',
    goodRow: (): Record<string, string> => csdsReferralRow({ ServiceDischargeDate: '2024-06-30' }),
    required: ['UniqueServiceRequestIdentifier', 'ServiceRequestIdentifier', 'OrganisationCodeProvider', 'ReferralRequestReceivedDate'],
    dates: ['PersonBirthDate', 'ReferralRequestReceivedDate', 'ServiceDischargeDate'],
    times: [],
  },
  {
    flow: 'csds-contacts',
    schema: 'schemas/flows/csds-contacts.schema.json',
    goodRow: (): Record<string, string> => csdsContactRow(),
    required: ['UniqueCareContactIdentifier', 'UniqueServiceRequestIdentifier', 'OrganisationCodeProvider', 'CareContactDate'],
    dates: ['CareContactDate'],
    times: ['CareContactTime'],
  },
  {
    flow: 'dids',
    schema: 'schemas/flows/dids.schema.json',
    goodRow: (): Record<string, string> => didsRow(),
    required: ['SITE_CODE_IMAGING', 'RADIOLOGICAL_ACCESSION_NUM', 'IMAGING_CODE_NICIP'],
    dates: ['PERSON_BIRTH_DATE', 'DIAGNOSTIC_TEST_REQUEST_DATE', 'DIAG_TEST_REQUEST_REC_DATE', 'DIAGNOSTIC_TEST_DATE', 'SERVICE_REPORT_DATE'],
    times: [],
  },
];

describe.each(flows)('row schema of $flow', ({ schema, goodRow, required, dates, times }) => {
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

  if (times.length > 0) {
    it.each(times)('accepts %s as HH:MM or HH:MM:SS and rejects other shapes', (column) => {
      // Prepare
      const accepted = ['00:00', '09:30', '23:59', '09:30:15'];
      const rejected = ['24:00', '9:30', '09:60', '0930', '09:30:60', '09:30 am'];

      // Act
      const acceptedResults = accepted.map((value) => validates(schema, { ...goodRow(), [column]: value }));
      const rejectedResults = rejected.map((value) => validates(schema, { ...goodRow(), [column]: value }));

      // Assess
      expect(acceptedResults).toEqual(accepted.map(() => true));
      expect(rejectedResults).toEqual(rejected.map(() => false));
    });
  }

  it('accepts a row with every optional value empty', () => {
    // Prepare
    const row = Object.fromEntries(Object.entries(goodRow()).map(([column, value]) => [column, required.includes(column) ? value : '']));

    // Act
    const valid = validates(schema, row);

    // Assess
    expect(valid).toBe(true);
  });
});

describe('row schemas of Community 360: what is structure and what is a DQ finding', () => {
  it.each([
    ['ecds', 'a missing discharge destination (ECDS-DEST-PRESENT)', 'schemas/flows/ecds.schema.json', ecdsRow({ Discharge_Destination_SNOMED_CT: '' })],
    ['ecds', 'a destination outside the reference set (ECDS-DEST-KNOWN)', 'schemas/flows/ecds.schema.json', ecdsRow({ Discharge_Destination_SNOMED_CT: '123456789' })],
    ['ecds', 'a departure before arrival (ECDS-DEPART-AFTER-ARRIVAL)', 'schemas/flows/ecds.schema.json', ecdsRow({ EC_Departure_Date: '2024-05-09' })],
    ['ecds', "department type '1' without its leading zero", 'schemas/flows/ecds.schema.json', ecdsRow({ EC_Department_Type: '1' })],
    ['csds-referrals', 'a discharge before the referral (CSR-RECEIVED-LE-DISCH)', 'schemas/flows/csds-referrals.schema.json', csdsReferralRow({ ServiceDischargeDate: '2024-05-01' })],
    ['csds-contacts', 'a lower-case location code', 'schemas/flows/csds-contacts.schema.json', csdsContactRow({ ActivityLocationTypeCode: 'e02' })],
    ['csds-contacts', 'a location code outside the national list', 'schemas/flows/csds-contacts.schema.json', csdsContactRow({ ActivityLocationTypeCode: 'Z01' })],
    ['dids', 'a missing test date (DIDS-TEST-DATE-PRESENT)', 'schemas/flows/dids.schema.json', didsRow({ DIAGNOSTIC_TEST_DATE: '' })],
    ['dids', 'dates out of sequence (DIDS-DATE-SEQUENCE)', 'schemas/flows/dids.schema.json', didsRow({ SERVICE_REPORT_DATE: '2024-05-01' })],
    ['dids', 'a NICIP code the lookup does not know (DIDS-IMAGING-CODE-KNOWN)', 'schemas/flows/dids.schema.json', didsRow({ IMAGING_CODE_NICIP: 'ZZZZZ', IMAGING_CODE_SNOMED: '' })],
    ['dids', "patient source setting '04'", 'schemas/flows/dids.schema.json', didsRow({ PATIENT_SOURCE_SETTING: '04' })],
  ])('%s accepts %s', (_flow, _case, schema, row) => {
    // Prepare: the row as the factory builds it

    // Act
    const valid = validates(schema, row);

    // Assess
    expect(valid).toBe(true);
  });

  it.each([
    ['ecds', 'a SNOMED CT code with letters', 'schemas/flows/ecds.schema.json', ecdsRow({ EC_Arrival_Mode_SNOMED_CT: 'AMBULANCE' })],
    ['ecds', 'a provider code in lower case', 'schemas/flows/ecds.schema.json', ecdsRow({ Der_Provider_Code: 'rm1' })],
    ['csds-contacts', 'a decimal contact duration', 'schemas/flows/csds-contacts.schema.json', csdsContactRow({ ClinicalContactDurationOfCareContact: '30.5' })],
    ['csds-contacts', 'a negative contact duration', 'schemas/flows/csds-contacts.schema.json', csdsContactRow({ ClinicalContactDurationOfCareContact: '-30' })],
    ['csds-contacts', 'a location code of the wrong shape', 'schemas/flows/csds-contacts.schema.json', csdsContactRow({ ActivityLocationTypeCode: 'A1' })],
    ['dids', 'an accession number with a space', 'schemas/flows/dids.schema.json', didsRow({ RADIOLOGICAL_ACCESSION_NUM: 'ACC 1' })],
    ['dids', 'a SNOMED CT code with letters', 'schemas/flows/dids.schema.json', didsRow({ IMAGING_CODE_SNOMED: 'CT-AORTA' })],
  ])('%s rejects %s', (_flow, _case, schema, row) => {
    // Prepare: the row as the factory builds it

    // Act
    const valid = validates(schema, row);

    // Assess
    expect(valid).toBe(false);
  });
});
