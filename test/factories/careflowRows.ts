import Papa from 'papaparse';
import { modulus11CheckDigit } from '../../shared/generate/nhsNumbers';

export const prescribingColumns = [
  'PrescriptionItemID', 'NHSNumber', 'PatientDOB', 'PatientPostcode', 'ProcessingPeriodDate', 'PrescribedBNFCode', 'PrescribedBNFName',
  'PaidBNFCode', 'PaidBNFName', 'ItemCount', 'PaidQuantity', 'ItemNIC', 'ItemActualCost', 'PatientGPODS', 'DispensedPharmacyODSCode', 'PrescriberType',
] as const;

export const mhsdsReferralColumns = [
  'UniqServReqID', 'ServiceRequestId', 'NHSNumber', 'PersonBirthDate', 'Postcode', 'OrgIDProv', 'OrgIDComm', 'ReferralRequestReceivedDate',
  'SourceOfReferralMH', 'PrimReasonReferralMH', 'ClinRespPriorityType', 'ServTeamTypeRefToMH', 'ServDischDate', 'ReferRejectionDate', 'UniqMonthID',
] as const;

export const careClusterColumns = ['UniqClustID', 'UniqServReqID', 'NHSNumber', 'OrgIDProv', 'StartDateCareClust', 'EndDateCareClust', 'AMHCareClustCodeFin'] as const;

/** The n-th valid synthetic NHS number in the 999 range (reserved for testing), skipping prefixes with no valid check digit. */
export function nthTestNhsNumber(n: number): string {
  for (let index = n; ; index += 1000) {
    const prefix = `999${String(index).padStart(6, '0')}`;
    const check = modulus11CheckDigit(prefix);
    if (check !== undefined) return `${prefix}${check}`;
  }
}

/** One dispensed item of a real BNF presentation (Octasa MR 800mg tablets, from the EPD sample). */
export function prescribingRow(overrides: Partial<Record<(typeof prescribingColumns)[number], string>> = {}): Record<string, string> {
  return {
    PrescriptionItemID: 'RX1',
    NHSNumber: nthTestNhsNumber(1),
    PatientDOB: '1944-02-11',
    PatientPostcode: 'B13 9PX',
    ProcessingPeriodDate: '2024-05-01',
    PrescribedBNFCode: '0105010B0BIAAAS',
    PrescribedBNFName: 'Octasa_MR Tab E/C 800mg',
    PaidBNFCode: '0105010B0BIAAAS',
    PaidBNFName: 'Octasa_MR Tab E/C 800mg',
    ItemCount: '1',
    PaidQuantity: '90',
    ItemNIC: '40.38',
    ItemActualCost: '37.42',
    PatientGPODS: 'M85001',
    DispensedPharmacyODSCode: 'FA123',
    PrescriberType: 'GP',
    ...overrides,
  };
}

export function mhsdsReferralRow(overrides: Partial<Record<(typeof mhsdsReferralColumns)[number], string>> = {}): Record<string, string> {
  return {
    UniqServReqID: 'RXT100001',
    ServiceRequestId: '100001',
    NHSNumber: nthTestNhsNumber(1),
    PersonBirthDate: '1944-02-11',
    Postcode: 'B13 9PX',
    OrgIDProv: 'RXT',
    OrgIDComm: '15E',
    ReferralRequestReceivedDate: '2024-05-20',
    SourceOfReferralMH: 'A1',
    PrimReasonReferralMH: '10',
    ClinRespPriorityType: '2',
    ServTeamTypeRefToMH: 'C02',
    ServDischDate: '',
    ReferRejectionDate: '',
    UniqMonthID: '1490',
    ...overrides,
  };
}

export function careClusterRow(overrides: Partial<Record<(typeof careClusterColumns)[number], string>> = {}): Record<string, string> {
  return {
    UniqClustID: 'CL1',
    UniqServReqID: 'RXT100001',
    NHSNumber: nthTestNhsNumber(1),
    OrgIDProv: 'RXT',
    StartDateCareClust: '2024-05-22',
    EndDateCareClust: '',
    AMHCareClustCodeFin: '4',
    ...overrides,
  };
}

export function toCsv(columns: readonly string[], rows: Record<string, string>[]): string {
  return Papa.unparse({ fields: [...columns], data: rows.map((row) => columns.map((column) => row[column] ?? '')) }, { newline: '\n' }) + '\n';
}
