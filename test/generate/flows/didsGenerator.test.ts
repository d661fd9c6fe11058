import { dayNumber, isoDate } from '../../../shared/generate/calendarDays';
import { DidsImagingCodes } from '../../../shared/generate/didsImagingCodes';
import { extractPeriod } from '../../../shared/generate/extractPeriod';
import { createDidsGenerator, didsColumns, DidsGeneratorOptions } from '../../../shared/generate/flows/didsGenerator';
import { createPatientPool } from '../../../shared/generate/patientPool';
import { patientPopulations } from '../../../shared/generate/patientPopulations';

const period = extractPeriod('2024-04', 12);
const snapshot = isoDate(dayNumber(2025, 4, 15));
const pool = createPatientPool({ size: 3_000, seed: 22, referenceDay: period.firstDay, postcodeDistricts: patientPopulations['norfolk-waveney'].postcodeDistricts });

function rowsOf(options: Partial<DidsGeneratorOptions>): Record<string, string>[] {
  const generator = createDidsGenerator(pool, { seed: 4, period, defectRate: 0, ...options });
  return [...generator.batches(250)].flat().map((cells) => Object.fromEntries(didsColumns.map((name, index) => [name, cells[index]])));
}

const inOrder = (row: Record<string, string>) =>
  row.DIAGNOSTIC_TEST_REQUEST_DATE <= row.DIAG_TEST_REQUEST_REC_DATE &&
  row.DIAG_TEST_REQUEST_REC_DATE <= row.DIAGNOSTIC_TEST_DATE &&
  row.DIAGNOSTIC_TEST_DATE <= row.SERVICE_REPORT_DATE;

describe('createDidsGenerator', () => {
  it('moves a future test and its report together past the snapshot, keeping the dates in order', () => {
    // Act
    const rows = rowsOf({ defectRates: { testInFuture: 1 } });

    // Assess
    expect(rows.length).toBeGreaterThan(500);
    expect(rows.every((row) => row.DIAGNOSTIC_TEST_DATE > snapshot && inOrder(row))).toBe(true);
  });

  it('blanks a missing test date without putting the other dates out of order', () => {
    // Act
    const rows = rowsOf({ defectRates: { missingTestDate: 1 } });

    // Assess
    expect(rows.every((row) => row.DIAGNOSTIC_TEST_DATE === '')).toBe(true);
    expect(rows.every((row) => row.DIAGNOSTIC_TEST_REQUEST_DATE <= row.DIAG_TEST_REQUEST_REC_DATE && row.DIAG_TEST_REQUEST_REC_DATE <= row.SERVICE_REPORT_DATE)).toBe(true);
  });

  it('dates a birth after the test but never after the snapshot', () => {
    // Act
    const rows = rowsOf({ defectRates: { birthAfterTest: 1 } });

    // Assess
    expect(rows.every((row) => row.PERSON_BIRTH_DATE > row.DIAGNOSTIC_TEST_DATE && row.PERSON_BIRTH_DATE <= snapshot && inOrder(row))).toBe(true);
  });

  it('keeps two unknown codes under one accession number apart, so the key stays unique', () => {
    // Act
    const rows = rowsOf({ defectRates: { unknownImagingCode: 1 } });
    const keys = rows.map((row) => `${row.SITE_CODE_IMAGING}|${row.RADIOLOGICAL_ACCESSION_NUM}|${row.IMAGING_CODE_NICIP}`);

    // Assess
    expect(rows.length - new Set(rows.map((row) => row.RADIOLOGICAL_ACCESSION_NUM)).size).toBeGreaterThan(0);
    expect(new Set(keys).size).toBe(rows.length);
  });

  it('draws examinations from the table it is given', () => {
    // Prepare
    const groups = ['Plain film (x-ray)', 'CT', 'Ultrasound (non-obstetrics)', 'MRI', 'Nuclear medicine', 'Other'];
    const imagingCodes: DidsImagingCodes = {
      examinations: groups.flatMap((modalityGroup, index) => [
        { nicip: `T${index}A`, snomed: `10000${index}1`, modalityGroup, interventional: false },
        { nicip: `T${index}B`, snomed: `10000${index}2`, modalityGroup, interventional: true },
      ]),
      knownNicip: new Set(groups.flatMap((_, index) => [`T${index}A`, `T${index}B`])),
      knownSnomed: new Set(groups.flatMap((_, index) => [`10000${index}1`, `10000${index}2`])),
    };

    // Act
    const rows = rowsOf({ imagingCodes });

    // Assess
    expect(rows.every((row) => imagingCodes.knownNicip.has(row.IMAGING_CODE_NICIP) && imagingCodes.knownSnomed.has(row.IMAGING_CODE_SNOMED))).toBe(true);
  });
});
