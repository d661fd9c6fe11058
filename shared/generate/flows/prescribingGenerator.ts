import { batchesOf } from '../batchesOf';
import { ageInYears, isoDate } from '../calendarDays';
import { defectRates, drawDefect, noDefects } from '../defectDraws';
import { monthIndexInPeriod, monthStartDay } from '../extractPeriod';
import { FlowGenerationContext, FlowGenerator } from '../flowGenerator';
import { impossibleDate } from '../impossibleDate';
import { invalidNhsNumber } from '../nhsNumbers';
import { Patient, PatientPool } from '../patientPool';
import { PoolActivity } from '../poolActivity';
import { createSeededRandom, deriveSeed, SeededRandom, Weighted } from '../seededRandom';
import { walkPool } from '../walkPool';
import { DispensablePresentation, PrescribingDrugs, prescribingDrugs } from './prescribingDrugs';
import {
  acuteItemsPerYear,
  acutePrescribers,
  actualCostFactor,
  gpPractices,
  itemCounts,
  missedRepeatShare,
  monthsAfterDischarge,
  newMedicinesAfterDischarge,
  newMedicinesAfterDischargeShare,
  paidAsEquivalentShare,
  pharmacyCount,
  postDischargeIssueShare,
  regularMedicinesByAge,
  regularPrescribers,
  startedDuringYearShare,
  stoppedDuringYearShare,
  twoMonthlyRepeatShare,
  usualPharmacyShare,
} from './prescribingProfiles';
import { susApcFlow } from './susApcGenerator';

export const prescribingFlow = 'prescribing';

/** File order and header names of the NHSBSA patient-level prescribing extract (one dispensed item a row). */
export const prescribingColumns = [
  'PrescriptionItemID',
  'NHSNumber',
  'PatientDOB',
  'PatientPostcode',
  'ProcessingPeriodDate',
  'PrescribedBNFCode',
  'PrescribedBNFName',
  'PaidBNFCode',
  'PaidBNFName',
  'ItemCount',
  'PaidQuantity',
  'ItemNIC',
  'ItemActualCost',
  'PatientGPODS',
  'DispensedPharmacyODSCode',
  'PrescriberType',
] as const;

export type PrescribingColumn = (typeof prescribingColumns)[number];

/** Every class is planted per row, one at most per row, and trips one rule only. */
export const prescribingDefectClasses = [
  'invalidNhsNumber',
  'missingNhsNumber',
  'malformedBnfCode',
  'unknownBnfCode',
  'periodOutsideExtract',
  'negativeCost',
  'wrongColumnCount',
  'unparsableDate',
  'missingRequiredValue',
] as const;

export type PrescribingDefect = (typeof prescribingDefectClasses)[number];

export interface PrescribingGeneratorOptions extends FlowGenerationContext {
  /** Per-class fractions of rows overriding `defectRate`. */
  defectRates?: Partial<Record<PrescribingDefect, number>>;
  /** What is dispensed and at what price; the BNF reference tables and the pack price guide when absent. */
  drugs?: PrescribingDrugs;
}

/**
 * Data rows per pooled patient over a year with the default distributions (about 24), understated so a
 * pool sized from it reaches a target row count in one pass.
 */
export const prescribingRowsPerPatient = 18;

const column = Object.fromEntries(prescribingColumns.map((name, index) => [name, index])) as Record<PrescribingColumn, number>;

/** Per-year draws are scaled to the period's length. */
const monthsPerYear = 12;

interface PlannedItem {
  presentation: DispensablePresentation;
  prescribers: readonly Weighted<string>[];
}

export function createPrescribingGenerator(pool: PatientPool, options: PrescribingGeneratorOptions): FlowGenerator {
  return new PrescribingGenerator(pool, options);
}

class PrescribingGenerator implements FlowGenerator {
  readonly flow = prescribingFlow;
  readonly columns: readonly string[] = prescribingColumns;
  readonly fileName: string;

  private readonly random: SeededRandom;
  private readonly counts: Record<PrescribingDefect, number>;
  private readonly rates: readonly number[];
  private readonly drugs: PrescribingDrugs;
  private readonly activity: PoolActivity | undefined;
  private readonly monthDates: readonly string[];
  private readonly outsideMonthDates: readonly string[];
  private readonly pharmacies: readonly string[];
  private nextItemId: number;
  private started = false;

  constructor(
    private readonly pool: PatientPool,
    private readonly options: PrescribingGeneratorOptions,
  ) {
    const { period } = options;
    this.fileName = `prescribing_${period.startMonth}_${period.endMonth}_${period.extractDate}.csv`;
    this.random = createSeededRandom(deriveSeed(options.seed, prescribingFlow));
    this.counts = noDefects(prescribingDefectClasses);
    this.rates = defectRates(prescribingDefectClasses, options.defectRate, options.defectRates);
    this.drugs = options.drugs ?? prescribingDrugs();
    this.activity = options.activity;
    this.activity?.requireRecorded(susApcFlow, prescribingFlow);
    this.monthDates = Array.from({ length: period.months }, (_, index) => isoDate(monthStartDay(period, index)));
    // The month before and the month after the extract: what a mis-filed item carries.
    this.outsideMonthDates = [isoDate(monthStartDay(period, -1)), isoDate(monthStartDay(period, period.months))];
    this.pharmacies = pharmacyCodes(createSeededRandom(deriveSeed(options.seed, 'pharmacies')));
    this.nextItemId = 3_000_000_000 + this.random.int(0, 9_999_999);
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
    const months = this.options.period.months;
    const death = this.activity?.deathDayOf(patientIndex);
    // Nothing is dispensed after the month a patient died in.
    const lastMonth = death === undefined ? months - 1 : Math.min(months - 1, monthIndexInPeriod(this.options.period, death));
    if (lastMonth < 0) return;

    const byMonth: PlannedItem[][] = Array.from({ length: lastMonth + 1 }, () => []);
    const age = ageInYears(patient.birthDay, this.options.period.firstDay);
    this.planRegular(byMonth, age);
    this.planAcute(byMonth, age);
    this.planAfterDischarges(byMonth, age, patientIndex);

    const practice = practiceIndex(patient);
    const usualPharmacy = this.pharmacies[usualPharmacyIndex(patient, practice, this.pharmacies.length)];
    for (let month = 0; month <= lastMonth; month++) {
      for (const item of byMonth[month]) {
        const pharmacy = random.chance(usualPharmacyShare) ? usualPharmacy : random.pick(this.pharmacies);
        yield this.itemRow(patient, month, item, gpPractices[practice], pharmacy);
      }
    }
  }

  /** Repeats issued every month or two, from the start of the year (or the month they started) until stopped. */
  private planRegular(byMonth: PlannedItem[][], age: number): void {
    const random = this.random;
    const count = random.weighted((regularMedicinesByAge.find(({ ages }) => age >= ages[0] && age <= ages[1]) ?? regularMedicinesByAge[0]).counts);
    const lastMonth = byMonth.length - 1;
    for (let i = 0; i < count; i++) {
      const presentation = (age < 16 ? this.drugs.forChildren : this.drugs.regular)(random);
      const interval = random.chance(twoMonthlyRepeatShare) ? 2 : 1;
      const first = random.chance(startedDuringYearShare) ? random.int(0, lastMonth) : random.int(0, interval - 1);
      if (first > lastMonth) continue;
      const last = random.chance(stoppedDuringYearShare) ? random.int(first, lastMonth) : lastMonth;
      const item = { presentation, prescribers: regularPrescribers };
      for (let month = first; month <= last; month += interval) {
        if (!random.chance(missedRepeatShare)) byMonth[month].push(item);
      }
    }
  }

  private planAcute(byMonth: PlannedItem[][], age: number): void {
    const random = this.random;
    const perYear = random.weighted(acuteItemsPerYear);
    const count = Math.round((perYear * this.options.period.months) / monthsPerYear);
    const lastMonth = byMonth.length - 1;
    for (let i = 0; i < count; i++) {
      const presentation = (age < 16 ? this.drugs.forChildren : this.drugs.acute)(random);
      byMonth[random.int(0, lastMonth)].push({ presentation, prescribers: acutePrescribers });
    }
  }

  /** New medicines started on discharge: dispensed in the discharge month and the months after it. */
  private planAfterDischarges(byMonth: PlannedItem[][], age: number, patientIndex: number): void {
    if (!this.activity) return;
    const random = this.random;
    for (const day of this.activity.dischargesOf(patientIndex)) {
      if (!random.chance(newMedicinesAfterDischargeShare)) continue;
      const dischargeMonth = monthIndexInPeriod(this.options.period, day);
      const count = random.weighted(newMedicinesAfterDischarge);
      for (let i = 0; i < count; i++) {
        const item = { presentation: (age < 16 ? this.drugs.forChildren : this.drugs.regular)(random), prescribers: regularPrescribers };
        for (let month = dischargeMonth; month < dischargeMonth + monthsAfterDischarge && month < byMonth.length; month++) {
          if (random.chance(postDischargeIssueShare)) byMonth[month].push(item);
        }
      }
    }
  }

  private itemRow(patient: Patient, month: number, item: PlannedItem, practice: string, pharmacy: string): string[] {
    const random = this.random;
    const prescribed = item.presentation;
    const equivalents = this.drugs.equivalents.get(prescribed.code);
    const paid = equivalents !== undefined && random.chance(paidAsEquivalentShare) ? random.pick(equivalents) : prescribed;
    const itemCount = random.weighted(itemCounts);
    const nic = Math.max(1, Math.round(paid.nicPerItem * itemCount * 100));
    const actualCost = Math.max(1, Math.round(nic * (actualCostFactor.min + random.next() * (actualCostFactor.max - actualCostFactor.min))));

    // In prescribingColumns order.
    const row = [
      String(this.nextItemId),
      patient.nhsNumber,
      patient.birthDate,
      patient.postcode,
      this.monthDates[month],
      prescribed.code,
      prescribed.name,
      paid.code,
      paid.name,
      String(itemCount),
      String(paid.quantity * itemCount),
      pounds(nic),
      pounds(actualCost),
      practice,
      pharmacy,
      random.weighted(item.prescribers),
    ];
    this.nextItemId += random.int(1, 3);

    const defect = drawDefect(random, prescribingDefectClasses, this.rates);
    if (defect !== undefined) {
      this.plantDefect(row, defect, month);
      this.counts[defect]++;
    }
    return row;
  }

  private plantDefect(row: string[], defect: PrescribingDefect, month: number): void {
    const random = this.random;
    switch (defect) {
      case 'invalidNhsNumber':
        row[column.NHSNumber] = invalidNhsNumber(random);
        return;
      case 'missingNhsNumber':
        row[column.NHSNumber] = '';
        return;
      case 'malformedBnfCode':
        row[column.PaidBNFCode] = malformedBnfCode(random, row[column.PaidBNFCode]);
        return;
      case 'unknownBnfCode':
        row[column.PaidBNFCode] = this.unknownBnfCode(row[column.PaidBNFCode]);
        return;
      case 'periodOutsideExtract':
        row[column.ProcessingPeriodDate] = random.pick(this.outsideMonthDates);
        return;
      case 'negativeCost':
        // A refund-like adjustment on one of the two costs.
        if (random.chance(0.5)) row[column.ItemNIC] = `-${row[column.ItemNIC]}`;
        else row[column.ItemActualCost] = `-${row[column.ItemActualCost]}`;
        return;
      case 'wrongColumnCount':
        if (random.chance(0.5)) row.splice(random.int(1, row.length - 1), 1);
        else row.push('');
        return;
      case 'unparsableDate':
        row[column.ProcessingPeriodDate] = impossibleDate(random, monthStartDay(this.options.period, month));
        return;
      case 'missingRequiredValue':
        row[random.chance(0.5) ? column.PrescriptionItemID : column.PaidBNFCode] = '';
        return;
    }
  }

  /**
   * Well formed (15 characters, the first 7 numeric) but naming no presentation: the real chemical with
   * product and strength characters no presentation uses.
   */
  private unknownBnfCode(paidCode: string): string {
    const random = this.random;
    // Appliance codes have no chemical part to keep: borrow a drug chapter's sub-paragraph instead.
    const chemical = paidCode.length === 15 ? paidCode.slice(0, 9) : '0212000Y0';
    for (;;) {
      const candidate = `${chemical}Z${random.pick(unknownProductLetters)}${random.pick(unknownProductLetters)}${random.pick(unknownProductLetters)}ZZ`;
      if (!this.drugs.isKnown(candidate)) return candidate;
    }
  }
}

const unknownProductLetters = [...'WXYZ'];

/**
 * Codes that are not BNF-shaped: cut short, punctuated, or not a code. Never 15 characters with 7 leading
 * digits, never an 11-digit appliance code, and never longer than 15 characters, which the row schema
 * would quarantine instead of leaving to rule RX-BNF-WELLFORMED.
 */
function malformedBnfCode(random: SeededRandom, code: string): string {
  return random.pick([`${code.slice(0, 4)}ZZ`, 'ABCDEFGHIJKLMNO', code.slice(0, 9), `${code.slice(0, 7)}-${code.slice(7, 11)}`]);
}

/** The practice a patient is registered with: fixed by the NHS number, so it is the same in every pass and flow. */
function practiceIndex(patient: Patient): number {
  return Number(patient.nhsNumber.slice(3, 9)) % gpPractices.length;
}

/** Patients of one practice use one of a few pharmacies near it. */
function usualPharmacyIndex(patient: Patient, practice: number, pharmacies: number): number {
  return (practice * pharmaciesNearAPractice + (Number(patient.nhsNumber.slice(6, 9)) % pharmaciesNearAPractice)) % pharmacies;
}

const pharmaciesNearAPractice = 3;

/** Pharmacy ODS codes: F, a letter, three digits, as community pharmacy codes are. */
function pharmacyCodes(random: SeededRandom): string[] {
  const codes = new Set<string>();
  while (codes.size < pharmacyCount) codes.add(`F${String.fromCharCode(65 + random.int(0, 25))}${String(random.int(0, 999)).padStart(3, '0')}`);
  return [...codes];
}

/** Pence as pounds with two decimals. */
function pounds(pence: number): string {
  const whole = Math.floor(pence / 100);
  const rest = pence % 100;
  return `${whole}.${rest < 10 ? '0' : ''}${rest}`;
}
