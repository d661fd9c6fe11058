import { testNhsNumbers } from './susApcRows';

export const prescribingColumns = [
  'PrescriptionItemID', 'NHSNumber', 'PatientDOB', 'PatientPostcode', 'ProcessingPeriodDate', 'PrescribedBNFCode',
  'PrescribedBNFName', 'PaidBNFCode', 'PaidBNFName', 'ItemCount', 'PaidQuantity', 'ItemNIC', 'ItemActualCost',
  'PatientGPODS', 'DispensedPharmacyODSCode', 'PrescriberType',
] as const;

export type PrescribingRow = Record<(typeof prescribingColumns)[number], string>;

/**
 * One dispensed item: Octasa 800mg MR tablets, a real presentation of the EPD sample (0105010B0BIAAAS, 168 tablets,
 * NIC £75.38, actual cost £69.93852), for a Birmingham patient. A test states only the fields that matter to it.
 */
export function prescribingRow(overrides: Partial<PrescribingRow> = {}): PrescribingRow {
  return {
    PrescriptionItemID: '700000000001',
    NHSNumber: testNhsNumbers[0],
    PatientDOB: '1958-03-14',
    PatientPostcode: 'B15 2TH',
    ProcessingPeriodDate: '2024-05-01',
    PrescribedBNFCode: '0105010B0BIAAAS',
    PrescribedBNFName: 'Octasa_MR Tab E/C 800mg',
    PaidBNFCode: '0105010B0BIAAAS',
    PaidBNFName: 'Octasa_MR Tab E/C 800mg',
    ItemCount: '1',
    PaidQuantity: '168',
    ItemNIC: '75.38',
    ItemActualCost: '69.93852',
    PatientGPODS: 'M85001',
    DispensedPharmacyODSCode: 'FA123',
    PrescriberType: 'GP',
    ...overrides,
  };
}
