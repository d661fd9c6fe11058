import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import { DefinitionRegistry } from '../../shared/definitions/DefinitionRegistry';
import { FlowDefinition } from '../../shared/definitions/definitionTypes';
import { Row } from '../../shared/flows/row';
import { Pseudonymiser } from '../../shared/pseudonymise/Pseudonymiser';
import { RowPseudonymiser, bucketOf } from '../../shared/pseudonymise/RowPseudonymiser';

const key = Buffer.from('careflow-test-key');
const buckets = 8;

function episode(overrides: Row = {}): Row {
  return {
    APCE_Ident: 'E1001',
    APCS_Ident: 'S5001',
    Episode_Number: '1',
    NHS_Number: '943 476 5919',
    Person_Birth_Date: '1950-06-15',
    Postcode: 'B15 2TH',
    Sex: '2',
    Der_Provider_Code: 'RRK',
    Commissioner_Code: '15E',
    Admission_Date: '2024-06-14',
    Discharge_Date: '2024-07-02',
    Episode_Start_Date: '2024-06-14',
    Episode_End_Date: '2024-07-02',
    Admission_Method: '21',
    Patient_Classification: '1',
    Discharge_Destination: '19',
    Treatment_Function_Code: '300',
    Primary_Diagnosis_Code: 'I21.4',
    Episode_HRG: 'EB10A',
    Spell_Core_HRG: 'EB10A',
    Last_Episode_In_Spell_Indicator: '1',
    ...overrides,
  };
}

describe('RowPseudonymiser (sus-apc definition)', () => {
  let flow: FlowDefinition;
  let rows: RowPseudonymiser;

  beforeAll(() => {
    flow = DefinitionRegistry.load().flow('sus-apc');
  });

  beforeEach(() => {
    rows = new RowPseudonymiser(flow, new Pseudonymiser(key, 'key-v7'), buckets);
  });

  it('drops the NHS number, date of birth and postcode', () => {
    // Prepare
    const row = episode();

    // Act
    const out = rows.pseudonymise(row, 2);

    // Assess
    expect(out).not.toHaveProperty('NHS_Number');
    expect(out).not.toHaveProperty('Person_Birth_Date');
    expect(out).not.toHaveProperty('Postcode');
    expect(JSON.stringify(out)).not.toContain('1950-06-15');
    expect(JSON.stringify(out)).not.toContain('B15 2TH');
    expect(JSON.stringify(out)).not.toMatch(/943 ?476 ?5919/);
  });

  it('replaces a valid NHS number with the keyed HMAC of its digits', () => {
    // Prepare: "943 476 5919" normalises to 9434765919, which passes Modulus 11
    const row = episode();
    const expected = createHmac('sha256', key).update('9434765919').digest('hex');

    // Act
    const out = rows.pseudonymise(row, 2);

    // Assess
    expect(out.patient_pseudonym).toBe(expected);
    expect(out.nhs_number_status).toBe('valid');
    expect(out.key_version).toBe('key-v7');
  });

  it('keeps the other columns and records the source line', () => {
    // Prepare
    const row = episode();

    // Act
    const out = rows.pseudonymise(row, 17);

    // Assess
    expect(out).toMatchObject({ APCE_Ident: 'E1001', APCS_Ident: 'S5001', Der_Provider_Code: 'RRK', Admission_Date: '2024-06-14', Spell_Core_HRG: 'EB10A', source_line: '17' });
  });

  it('fills columns the row lacks with empty values', () => {
    // Prepare
    const row = episode();
    delete row.Episode_End_Date;

    // Act
    const out = rows.pseudonymise(row, 2);

    // Assess
    expect(out.Episode_End_Date).toBe('');
  });

  it('turns the date of birth into age at admission and its band', () => {
    // Prepare: born 15 June 1950, admitted 14 June 2024: the 74th birthday is the next day
    const row = episode({ Person_Birth_Date: '1950-06-15', Admission_Date: '2024-06-14' });

    // Act
    const out = rows.pseudonymise(row, 2);

    // Assess
    expect(out.age_at_event).toBe('73');
    expect(out.age_band).toBe('65-74');
  });

  it('leaves age and band empty when the date of birth is missing', () => {
    // Prepare
    const row = episode({ Person_Birth_Date: '' });

    // Act
    const out = rows.pseudonymise(row, 2);

    // Assess
    expect(out.age_at_event).toBe('');
    expect(out.age_band).toBe('');
  });

  it('takes the reporting month from the discharge date', () => {
    // Prepare: admitted in June, discharged in July
    const row = episode({ Admission_Date: '2024-06-14', Discharge_Date: '2024-07-02' });

    // Act
    const out = rows.pseudonymise(row, 2);

    // Assess
    expect(out.period_month).toBe('2024-07-01');
  });

  it('falls back to the admission month while the spell is open', () => {
    // Prepare
    const row = episode({ Admission_Date: '2024-06-14', Discharge_Date: '' });

    // Act
    const out = rows.pseudonymise(row, 2);

    // Assess
    expect(out.period_month).toBe('2024-06-01');
  });

  it('puts the row in the bucket its pseudonym hashes to, within [0, buckets)', () => {
    // Prepare
    const row = episode();

    // Act
    const out = rows.pseudonymise(row, 2);

    // Assess
    const bucket = Number(out.patient_bucket);
    expect(bucket).toBe(bucketOf(out.patient_pseudonym, buckets));
    expect(Number.isInteger(bucket) && bucket >= 0 && bucket < buckets).toBe(true);
  });

  it('keeps a row with an invalid NHS number, without a pseudonym, in bucket 0', () => {
    // Prepare: 943 476 5918 fails Modulus 11 (the check digit is 9)
    const row = episode({ NHS_Number: '943 476 5918' });

    // Act
    const out = rows.pseudonymise(row, 2);

    // Assess
    expect(out.patient_pseudonym).toBe('');
    expect(out.nhs_number_status).toBe('invalid');
    expect(out.patient_bucket).toBe('0');
    expect(out.APCE_Ident).toBe('E1001');
  });

  it('flags a missing NHS number as missing, without a pseudonym', () => {
    // Prepare
    const row = episode({ NHS_Number: '' });

    // Act
    const out = rows.pseudonymise(row, 2);

    // Assess
    expect(out.patient_pseudonym).toBe('');
    expect(out.nhs_number_status).toBe('missing');
    expect(out.patient_bucket).toBe('0');
  });

  it('gives the same patient the same pseudonym whatever the NHS number formatting', () => {
    // Prepare
    const spaced = episode({ NHS_Number: '943 476 5919' });
    const plain = episode({ NHS_Number: '9434765919', APCE_Ident: 'E1002' });

    // Act
    const pseudonyms = [rows.pseudonymise(spaced, 2).patient_pseudonym, rows.pseudonymise(plain, 3).patient_pseudonym];

    // Assess
    expect(pseudonyms[0]).toBe(pseudonyms[1]);
  });
});

describe('bucketOf', () => {
  it('puts rows without a pseudonym in bucket 0', () => {
    // Prepare
    const pseudonym = '';

    // Act
    const bucket = bucketOf(pseudonym, 8);

    // Assess
    expect(bucket).toBe(0);
  });

  it('uses the first 32 bits of the pseudonym', () => {
    // Prepare: 0x0000000b = 11; 11 mod 8 = 3; the rest of the pseudonym does not matter
    const pseudonym = `0000000b${'f'.repeat(56)}`;

    // Act
    const bucket = bucketOf(pseudonym, 8);

    // Assess
    expect(bucket).toBe(3);
  });

  it('property: any hex pseudonym lands in [0, buckets)', () => {
    // Prepare
    const pseudonyms = fc.stringMatching(/^[0-9a-f]{64}$/);
    const bucketCounts = fc.integer({ min: 1, max: 256 });

    // Act / Assess
    fc.assert(
      fc.property(pseudonyms, bucketCounts, (pseudonym, count) => {
        const bucket = bucketOf(pseudonym, count);
        expect(Number.isInteger(bucket)).toBe(true);
        expect(bucket).toBeGreaterThanOrEqual(0);
        expect(bucket).toBeLessThan(count);
      }),
    );
  });

  it('spreads 4,000 patients evenly over 8 buckets (each within 500 ± 100)', () => {
    // Prepare: 500 expected per bucket, standard deviation √(4000 × 1/8 × 7/8) ≈ 21, so ±100 is about 5 sd
    const pseudonymiser = new Pseudonymiser(key, 'v1');
    const pseudonyms = Array.from({ length: 4000 }, (_, index) => pseudonymiser.pseudonym(String(9_000_000_000 + index)));

    // Act
    const counts = Array(8).fill(0) as number[];
    for (const pseudonym of pseudonyms) counts[bucketOf(pseudonym, 8)] += 1;

    // Assess
    for (const count of counts) {
      expect(count).toBeGreaterThanOrEqual(400);
      expect(count).toBeLessThanOrEqual(600);
    }
  });
});
