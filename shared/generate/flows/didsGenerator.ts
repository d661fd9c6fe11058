import { bandForAge } from '../bandForAge';
import { batchesOf } from '../batchesOf';
import { ageInYears, dayNumber, isoDate } from '../calendarDays';
import { daysIntoWindow } from '../daysIntoWindow';
import { defectRates, drawDefect, noDefects } from '../defectDraws';
import { DidsImagingCodes, ImagingExamination, loadDidsImagingCodes } from '../didsImagingCodes';
import { FlowGenerationContext, FlowGenerator } from '../flowGenerator';
import { impossibleDate } from '../impossibleDate';
import { invalidNhsNumber } from '../nhsNumbers';
import { Patient, PatientPool } from '../patientPool';
import { PoolActivity } from '../poolActivity';
import { createSeededRandom, deriveSeed, geometric, SeededRandom, weightedSampler } from '../seededRandom';
import { walkPool } from '../walkPool';
import {
  AcuteProviderIndex,
  acuteProviders,
  commonExaminations,
  gpDirectAccessShare,
  homeAcuteProvider,
  homeProviderShare,
  imagingAfterAdmissionShare,
  imagingWindowDays,
  imagingWindowPlacements,
  interventionalWeight,
  maxDaysRequestToTest,
  maxDaysTestToReport,
  meanDaysRequestToTest,
  meanDaysTestToReport,
  ModalityMix,
  modalitiesForEmergencies,
  modalitiesForGpDirectAccess,
  modalitiesForOutpatients,
  practicesByHomeProvider,
  secondExaminationShare,
  secondTestAfterAdmissionShare,
  sourceSettings,
  testsPerImagedPatient,
  unknownNicipCandidates,
  unknownSnomedCandidates,
  yearlyImagingShareByAge,
  zeroPaddedSettingShare,
} from './community360Codes';
import { ecdsFlow } from './ecdsGenerator';

export const didsFlow = 'dids';

/** File order and header names of the DSCRO DIDS extract (one imaging examination a row). */
export const didsColumns = [
  'NHS_NUMBER',
  'PERSON_BIRTH_DATE',
  'POSTCODE',
  'PERSON_GENDER_CODE',
  'PRACTICE_CODE',
  'PATIENT_SOURCE_SETTING',
  'REFERRER',
  'REFERRING_ORG_CODE',
  'DIAGNOSTIC_TEST_REQUEST_DATE',
  'DIAG_TEST_REQUEST_REC_DATE',
  'DIAGNOSTIC_TEST_DATE',
  'SERVICE_REPORT_DATE',
  'IMAGING_CODE_NICIP',
  'IMAGING_CODE_SNOMED',
  'SITE_CODE_IMAGING',
  'RADIOLOGICAL_ACCESSION_NUM',
  'PROVIDER_CODE',
] as const;

export type DidsColumn = (typeof didsColumns)[number];

/**
 * Every class is planted per row, one at most per row, and trips one rule only: DIDS-NHS-VALID,
 * DIDS-TEST-DATE-PRESENT, DIDS-DATE-SEQUENCE, DIDS-BIRTH-LE-TEST, DIDS-TEST-NOT-FUTURE,
 * DIDS-IMAGING-CODE-KNOWN, or the row schema for the last three.
 */
export const didsDefectClasses = [
  'invalidNhsNumber',
  'missingNhsNumber',
  'missingTestDate',
  'dateSequenceBroken',
  'birthAfterTest',
  'testInFuture',
  'unknownImagingCode',
  'wrongColumnCount',
  'unparsableDate',
  'missingRequiredValue',
] as const;

export type DidsDefect = (typeof didsDefectClasses)[number];

export interface DidsGeneratorOptions extends FlowGenerationContext {
  /** Per-class fractions of rows overriding `defectRate`. */
  defectRates?: Partial<Record<DidsDefect, number>>;
  /** The NICIP to SNOMED CT table; reference/dids/ (or the shared reference folder) when absent. */
  imagingCodes?: DidsImagingCodes;
}

/**
 * Data rows per pooled patient with the default distributions (about 0.8 over a year), understated so a pool
 * sized from it reaches a target row count in one pass.
 */
export const didsRowsPerPatient = 0.6;

const column = Object.fromEntries(didsColumns.map((name, index) => [name, index])) as Record<DidsColumn, number>;

/** Consultant codes drawn per trust: enough that referrers repeat, as they do. */
const consultantsPerProvider = 40;

interface TestPlan {
  testDay: number;
  setting: string;
  provider: AcuteProviderIndex;
  /** Arrival day of the A&E attendance that led to the test; requests are not made before it. */
  arrivalDay: number | undefined;
}

interface TestDates {
  request: number;
  received: number;
  test: number;
  report: number;
}

export function createDidsGenerator(pool: PatientPool, options: DidsGeneratorOptions): FlowGenerator {
  return new DidsGenerator(pool, options);
}

/**
 * Imaging at the three acute trusts: tests within days of an A&E attendance that ended in admission (on the
 * day in the department, afterwards on the ward), and tests asked for by GPs and outpatient clinics at any
 * time. Examinations are real NICIP codes with their SNOMED CT concepts, mostly plain film, CT, ultrasound and MRI.
 */
class DidsGenerator implements FlowGenerator {
  readonly flow = didsFlow;
  readonly columns: readonly string[] = didsColumns;
  readonly fileName: string;

  private readonly random: SeededRandom;
  private readonly counts: Record<DidsDefect, number>;
  private readonly rates: readonly number[];
  private readonly activity: PoolActivity | undefined;
  private readonly examinationsByModality: ReadonlyMap<string, (random: SeededRandom) => ImagingExamination>;
  private readonly unknownNicip: readonly string[];
  private readonly unknownSnomed: readonly string[];
  private readonly consultants: readonly (readonly string[])[];
  private readonly snapshotDay: number;
  private nextAccession: number;
  private started = false;

  constructor(
    private readonly pool: PatientPool,
    private readonly options: DidsGeneratorOptions,
  ) {
    const { period } = options;
    this.fileName = `dids_${period.startMonth}_${period.endMonth}_${period.extractDate}.csv`;
    this.random = createSeededRandom(deriveSeed(options.seed, didsFlow));
    this.counts = noDefects(didsDefectClasses);
    this.rates = defectRates(didsDefectClasses, options.defectRate, options.defectRates);
    this.activity = options.activity;
    this.activity?.requireRecorded(ecdsFlow, didsFlow);

    const codes = options.imagingCodes ?? loadDidsImagingCodes();
    this.examinationsByModality = samplersByModality(codes.examinations);
    for (const mix of [modalitiesForEmergencies, modalitiesForGpDirectAccess, modalitiesForOutpatients]) {
      for (const { value } of mix) if (!this.examinationsByModality.has(value)) throw new Error(`the NICIP table has no active ${value} examination`);
    }
    // Unknown means unknown to both lookups: the pipeline falls back from the NICIP code to the SNOMED CT one.
    const known = (code: string) => codes.knownNicip.has(code) || codes.knownSnomed.has(code);
    this.unknownNicip = unknownNicipCandidates.filter((code) => !known(code));
    this.unknownSnomed = unknownSnomedCandidates.filter((code) => !known(code));
    // Two per accession at most, so two unknown NICIP codes keep the key of two planted siblings apart.
    if (this.unknownNicip.length < 2 || this.unknownSnomed.length === 0) throw new Error('the unknown imaging code candidates are in the NICIP table');

    this.snapshotDay = dayNumber(Number(period.extractDate.slice(0, 4)), Number(period.extractDate.slice(4, 6)), Number(period.extractDate.slice(6, 8)));
    this.consultants = acuteProviders.map(() => Array.from({ length: consultantsPerProvider }, () => `C${this.random.int(1_000_000, 9_999_999)}`));
    this.nextAccession = 1_000_000_000 + this.random.int(0, 99_999_999);
  }

  batches(batchSize: number): Generator<string[][]> {
    if (this.started) throw new Error('a flow generator produces its rows once');
    this.started = true;
    return batchesOf(
      walkPool(this.pool, this.options.targetRows, (patient, patientIndex) => this.patientRows(patient, patientIndex)),
      batchSize,
    );
  }

  plantedDefects(): Record<string, number> {
    return { ...this.counts };
  }

  private *patientRows(patient: Patient, patientIndex: number): Generator<string[]> {
    const random = this.random;
    const { firstDay, lastDay, months } = this.options.period;
    const death = this.activity?.deathDayOf(patientIndex);
    const lastPossible = death === undefined ? lastDay : Math.min(lastDay, death);
    const plans: TestPlan[] = [];

    for (const { day: arrivalDay, tag } of this.activity?.emergencyAdmissions.of(patientIndex) ?? []) {
      if (!random.chance(imagingAfterAdmissionShare)) continue;
      const tests = random.chance(secondTestAfterAdmissionShare) ? 2 : 1;
      for (let i = 0; i < tests; i++) {
        const testDay = arrivalDay + daysIntoWindow(random, imagingWindowPlacements, imagingWindowDays);
        // In the department on the day of arrival, on the ward afterwards.
        const setting = testDay === arrivalDay ? sourceSettings.emergency : sourceSettings.inpatient;
        if (testDay <= lastPossible) plans.push({ testDay, setting, provider: tag as AcuteProviderIndex, arrivalDay });
      }
    }
    if (random.chance((bandForAge(yearlyImagingShareByAge, ageInYears(patient.birthDay, firstDay)).share * months) / 12)) {
      const tests = random.weighted(testsPerImagedPatient);
      const home = homeAcuteProvider(patient.postcode);
      for (let i = 0; i < tests; i++) {
        const testDay = random.int(firstDay, lastDay);
        const setting = random.chance(gpDirectAccessShare) ? sourceSettings.gpDirectAccess : sourceSettings.outpatient;
        const provider = random.chance(homeProviderShare) ? home : (((home + random.int(1, 2)) % acuteProviders.length) as AcuteProviderIndex);
        if (testDay <= lastPossible) plans.push({ testDay, setting, provider, arrivalDay: undefined });
      }
    }
    plans.sort((a, b) => a.testDay - b.testDay);
    for (const plan of plans) yield* this.testRows(patient, plan);
  }

  /** One request: usually one examination, now and then two under the same accession number. */
  private *testRows(patient: Patient, plan: TestPlan): Generator<string[]> {
    const random = this.random;
    const modality = random.weighted(modalityMixFor(plan.setting));
    const sample = this.examinationsByModality.get(modality)!;
    const examinations = [sample(random)];
    if (random.chance(secondExaminationShare)) {
      const second = sample(random);
      if (second.nicip !== examinations[0].nicip) examinations.push(second);
    }
    const dates = this.testDates(plan);
    const practice = practiceOf(patient);
    const gpReferral = plan.setting === sourceSettings.gpDirectAccess;
    const referrer = gpReferral ? `G${practice.slice(1)}0${random.int(1, 4)}` : random.pick(this.consultants[plan.provider]);
    const setting = random.chance(zeroPaddedSettingShare) ? `0${plan.setting}` : plan.setting;
    const accession = String(this.nextAccession);
    this.nextAccession += random.int(1, 3);
    const { code: providerCode, site } = acuteProviders[plan.provider];

    const written: string[][] = [];
    for (const examination of examinations) {
      // In didsColumns order.
      const row = [
        patient.nhsNumber,
        patient.birthDate,
        patient.postcode,
        patient.sex,
        practice,
        setting,
        referrer,
        gpReferral ? practice : providerCode,
        isoDate(dates.request),
        isoDate(dates.received),
        isoDate(dates.test),
        isoDate(dates.report),
        examination.nicip,
        examination.snomed,
        site,
        accession,
        providerCode,
      ];
      const defect = drawDefect(random, didsDefectClasses, this.rates);
      if (defect !== undefined) {
        this.plantDefect(row, defect, dates, written);
        this.counts[defect]++;
      }
      written.push(row);
      yield row;
    }
  }

  /** Requested on or before receipt, received on or before the test, reported 0 to 10 days after it. */
  private testDates(plan: TestPlan): TestDates {
    const random = this.random;
    const test = plan.testDay;
    let request: number;
    let received: number;
    if (plan.setting === sourceSettings.emergency) {
      request = test;
      received = test;
    } else if (plan.arrivalDay !== undefined) {
      request = Math.max(plan.arrivalDay, test - random.int(0, 2));
      received = request < test && random.chance(0.2) ? request + 1 : request;
    } else {
      request = test - geometric(random, meanDaysRequestToTest, maxDaysRequestToTest);
      received = Math.min(test, request + random.int(0, 3));
    }
    return { request, received, test, report: test + geometric(random, meanDaysTestToReport, maxDaysTestToReport) };
  }

  /** `siblings`: the rows already written under the same accession number, whose key this row must not repeat. */
  private plantDefect(row: string[], defect: DidsDefect, dates: TestDates, siblings: readonly string[][]): void {
    const random = this.random;
    switch (defect) {
      case 'invalidNhsNumber':
        row[column.NHS_NUMBER] = invalidNhsNumber(random);
        return;
      case 'missingNhsNumber':
        row[column.NHS_NUMBER] = '';
        return;
      case 'missingTestDate':
        // The other dates keep their order, so the sequence rule, which skips a missing date, still passes.
        row[column.DIAGNOSTIC_TEST_DATE] = '';
        return;
      case 'dateSequenceBroken':
        row[column.SERVICE_REPORT_DATE] = isoDate(dates.test - random.int(1, 5));
        return;
      case 'birthAfterTest':
        // Still on or before the snapshot, so only the birth rule can object.
        row[column.PERSON_BIRTH_DATE] = isoDate(dates.test + random.int(1, Math.min(365, this.snapshotDay - dates.test)));
        return;
      case 'testInFuture': {
        // The report moves with the test, so the dates stay in order.
        const test = this.snapshotDay + random.int(1, 60);
        row[column.DIAGNOSTIC_TEST_DATE] = isoDate(test);
        row[column.SERVICE_REPORT_DATE] = isoDate(test + dates.report - dates.test);
        return;
      }
      case 'unknownImagingCode': {
        const taken = new Set(siblings.map((sibling) => sibling[column.IMAGING_CODE_NICIP]));
        row[column.IMAGING_CODE_NICIP] = random.pick(this.unknownNicip.filter((code) => !taken.has(code)));
        row[column.IMAGING_CODE_SNOMED] = random.pick(this.unknownSnomed);
        return;
      }
      case 'wrongColumnCount':
        if (random.chance(0.5)) row.splice(random.int(1, row.length - 1), 1);
        else row.push('');
        return;
      case 'unparsableDate':
        row[column.DIAGNOSTIC_TEST_DATE] = impossibleDate(random, dates.test);
        return;
      case 'missingRequiredValue':
        // The key columns: the row schema requires each of them.
        row[random.pick([column.SITE_CODE_IMAGING, column.RADIOLOGICAL_ACCESSION_NUM, column.IMAGING_CODE_NICIP])] = '';
        return;
    }
  }
}

function modalityMixFor(setting: string): ModalityMix {
  if (setting === sourceSettings.gpDirectAccess) return modalitiesForGpDirectAccess;
  if (setting === sourceSettings.outpatient) return modalitiesForOutpatients;
  return modalitiesForEmergencies;
}

/** One weighted draw per modality group: common examinations often, interventional ones seldom. */
function samplersByModality(examinations: readonly ImagingExamination[]): Map<string, (random: SeededRandom) => ImagingExamination> {
  const byModality = new Map<string, ImagingExamination[]>();
  for (const examination of examinations) {
    const list = byModality.get(examination.modalityGroup) ?? [];
    list.push(examination);
    byModality.set(examination.modalityGroup, list);
  }
  return new Map(
    [...byModality].map(([modality, list]) => [
      modality,
      weightedSampler(list.map((examination) => ({ value: examination, weight: commonExaminations[examination.nicip] ?? (examination.interventional ? interventionalWeight : 1) }))),
    ]),
  );
}

/** The patient's registered practice near home: fixed by the NHS number, so every row of a patient agrees. */
function practiceOf(patient: Patient): string {
  const practices = practicesByHomeProvider[homeAcuteProvider(patient.postcode)];
  return practices[Number(patient.nhsNumber.slice(3, 9)) % practices.length];
}
