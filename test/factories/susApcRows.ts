import Papa from 'papaparse';

export const susApcColumns = [
  'APCE_Ident', 'APCS_Ident', 'Episode_Number', 'NHS_Number', 'Person_Birth_Date', 'Postcode', 'Sex', 'Der_Provider_Code',
  'Commissioner_Code', 'Admission_Date', 'Discharge_Date', 'Episode_Start_Date', 'Episode_End_Date', 'Admission_Method',
  'Patient_Classification', 'Discharge_Destination', 'Treatment_Function_Code', 'Primary_Diagnosis_Code', 'Episode_HRG',
  'Spell_Core_HRG', 'Last_Episode_In_Spell_Indicator',
] as const;

export type SusApcRow = Record<(typeof susApcColumns)[number], string>;

/** Synthetic NHS numbers in the 999 range reserved for testing; each passes Modulus 11. */
export const testNhsNumbers = ['9990000018', '9990000026', '9990000034', '9990000042', '9990000050'];

/** A valid single-episode emergency spell; a test states only the fields that matter to it. */
export function susApcRow(overrides: Partial<SusApcRow> = {}): SusApcRow {
  return {
    APCE_Ident: '1001',
    APCS_Ident: '5001',
    Episode_Number: '1',
    NHS_Number: testNhsNumbers[0],
    Person_Birth_Date: '1931-07-19',
    Postcode: 'B15 2TH',
    Sex: '1',
    Der_Provider_Code: 'RRK',
    Commissioner_Code: '15E',
    Admission_Date: '2024-05-01',
    Discharge_Date: '2024-05-04',
    Episode_Start_Date: '2024-05-01',
    Episode_End_Date: '2024-05-04',
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

export interface CsvOptions {
  columns?: readonly string[];
  lineEnding?: '\n' | '\r\n';
  byteOrderMark?: boolean;
}

export function susApcCsv(rows: Partial<Record<string, string>>[], options: CsvOptions = {}): string {
  const columns = options.columns ?? susApcColumns;
  const newline = options.lineEnding ?? '\n';
  const body = Papa.unparse({ fields: [...columns], data: rows.map((row) => columns.map((column) => row[column] ?? '')) }, { newline });
  return (options.byteOrderMark ? '\uFEFF' : '') + body + newline;
}
