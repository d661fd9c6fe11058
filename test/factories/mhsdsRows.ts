import { testNhsNumbers } from './susApcRows';

export const mhsdsReferralColumns = [
  'UniqServReqID', 'ServiceRequestId', 'NHSNumber', 'PersonBirthDate', 'Postcode', 'OrgIDProv', 'OrgIDComm',
  'ReferralRequestReceivedDate', 'SourceOfReferralMH', 'PrimReasonReferralMH', 'ClinRespPriorityType',
  'ServTeamTypeRefToMH', 'ServDischDate', 'ReferRejectionDate', 'UniqMonthID',
] as const;

export const mhsdsCareClusterColumns = [
  'UniqClustID', 'UniqServReqID', 'NHSNumber', 'OrgIDProv', 'StartDateCareClust', 'EndDateCareClust', 'AMHCareClustCodeFin',
] as const;

export type MhsdsReferralRow = Record<(typeof mhsdsReferralColumns)[number], string>;
export type MhsdsCareClusterRow = Record<(typeof mhsdsCareClusterColumns)[number], string>;

/** A GP referral to a community mental health team at Birmingham and Solihull Mental Health (RXT), discharged. */
export function mhsdsReferralRow(overrides: Partial<MhsdsReferralRow> = {}): MhsdsReferralRow {
  return {
    UniqServReqID: 'RXTSR0001',
    ServiceRequestId: 'SR0001',
    NHSNumber: testNhsNumbers[1],
    PersonBirthDate: '1984-11-02',
    Postcode: 'B13 9QP',
    OrgIDProv: 'RXT',
    OrgIDComm: '15E00',
    ReferralRequestReceivedDate: '2024-04-10',
    SourceOfReferralMH: 'A1',
    PrimReasonReferralMH: '10',
    ClinRespPriorityType: '3',
    ServTeamTypeRefToMH: 'C02',
    ServDischDate: '2024-09-30',
    ReferRejectionDate: '',
    UniqMonthID: '1489',
    ...overrides,
  };
}

/** Care cluster 4 (non-psychotic, severe) on that referral, sent as MHSDS sends it: two characters. */
export function mhsdsCareClusterRow(overrides: Partial<MhsdsCareClusterRow> = {}): MhsdsCareClusterRow {
  return {
    UniqClustID: 'RXTCL0001',
    UniqServReqID: 'RXTSR0001',
    NHSNumber: testNhsNumbers[1],
    OrgIDProv: 'RXT',
    StartDateCareClust: '2024-04-24',
    EndDateCareClust: '2024-09-30',
    AMHCareClustCodeFin: '04',
    ...overrides,
  };
}
