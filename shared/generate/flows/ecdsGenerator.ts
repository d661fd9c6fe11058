import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../../definitions/projectRoot';
import { hrgCatalogue } from '../../reference/hrgCatalogue';
import { readReferenceCsv } from '../../reference/readReferenceCsv';
import { bandForAge } from '../bandForAge';
import { batchesOf } from '../batchesOf';
import { ageInYears, isoDate, twoDigits } from '../calendarDays';
import { defectRates, drawDefect, noDefects } from '../defectDraws';
import { FlowGenerationContext, FlowGenerator } from '../flowGenerator';
import { impossibleDate } from '../impossibleDate';
import { invalidNhsNumber } from '../nhsNumbers';
import { Patient, PatientPool } from '../patientPool';
import { createSeededRandom, deriveSeed, SeededRandom, Weighted } from '../seededRandom';
import { walkPool } from '../walkPool';
import {
  AcuteProviderIndex,
  acuities,
  acuteProviders,
  admittedDestinations,
  ambulanceArrivalModes,
  ambulanceShareAtMinorDepartments,
  ambulanceShareByAge,
  ambulatoryDestinations,
  arrivalHours,
  attendanceCategories,
  attendancesPerPatient,
  chiefComplaints,
  daysAdmittedBeforeReattending,
  departmentTypes,
  departmentTypeWithoutZeroShare,
  DestinationGroup,
  destinationGroupsByAge,
  diedDestination,
  diedStatus,
  dischargedDestinations,
  dischargedStatuses,
  emergencyMedicineHrgs,
  followUps,
  highAcuities,
  highCostHrgs,
  homeAcuteProvider,
  homeProviderShare,
  lowerCostHrgs,
  maxStayMinutes,
  meanExtraStayMinutes,
  minorAcuities,
  minorDepartmentDestinationGroups,
  minorDepartmentTypes,
  minStayMinutes,
  neonatalDestinations,
  otherArrivalModes,
  stillInDepartmentShare,
  transferDestinations,
  treatmentCompletedStatus,
  unknownDestinationCandidates,
} from './community360Codes';

export const ecdsFlow = 'ecds';

/** File order and header names of the DSCRO ECDS extract (NCDR EC_Core). */
export const ecdsColumns = [
  'EC_Ident',
  'NHS_Number',
  'Person_Birth_Date',
  'Postcode',
  'Der_Provider_Code',
  'Der_Provider_Site_Code',
  'Arrival_Date',
  'Arrival_Time',
  'EC_Arrival_Mode_SNOMED_CT',
  'EC_AttendanceCategory',
  'EC_Department_Type',
  'EC_Chief_Complaint_SNOMED_CT',
  'EC_Acuity_SNOMED_CT',
  'EC_Decision_To_Admit_Date',
  'EC_Departure_Date',
  'EC_Departure_Time',
  'EC_Discharge_Status_SNOMED_CT',
  'Discharge_Destination_SNOMED_CT',
  'Discharge_Follow_Up_SNOMED_CT',
  'SUS_HRG_Code',
] as const;

export type EcdsColumn = (typeof ecdsColumns)[number];

/**
 * Every class is planted per row, one at most per row, and trips one rule only: ECDS-NHS-VALID,
 * ECDS-DEST-PRESENT, ECDS-DEST-KNOWN, ECDS-DEPART-AFTER-ARRIVAL, or the row schema for the last three. The
 * destination and departure classes are only planted on attendances that have departed.
 */
export const ecdsDefectClasses = [
  'invalidNhsNumber',
  'missingNhsNumber',
  'missingDischargeDestination',
  'unknownDischargeDestination',
  'departureBeforeArrival',
  'wrongColumnCount',
  'unparsableDate',
  'missingRequiredValue',
] as const;

export type EcdsDefect = (typeof ecdsDefectClasses)[number];

export interface EcdsGeneratorOptions extends FlowGenerationContext {
  /** Per-class fractions of rows overriding `defectRate`. */
  defectRates?: Partial<Record<EcdsDefect, number>>;
  /** HRG code → entry; the national list in reference/hrg/hrg-codes.json when absent. */
  hrgCatalogue?: ReadonlyMap<string, unknown>;
  /** Discharge destinations the reference set knows, so planted unknown ones are never among them. */
  knownDestinations?: ReadonlySet<string>;
}

/**
 * Data rows per pooled patient with the default distributions (about 1.5 attendances over a year), slightly
 * understated so a pool sized from it reaches a target row count in one pass.
 */
export const ecdsRowsPerPatient = 1.4;

const column = Object.fromEntries(ecdsColumns.map((name, index) => [name, index])) as Record<EcdsColumn, number>;

const minutesPerDay = 1_440;

interface AttendancePlan {
  provider: AcuteProviderIndex;
  departmentType: string;
  arrivalMinute: number;
  acuity: string;
  group: DestinationGroup;
  /** Minute the patient leaves, whether or not the extract has it yet. */
  departureMinute: number;
  /** False while the patient is still in the department at extract time. */
  departed: boolean;
  decisionToAdmitMinute: number | undefined;
}

export function createEcdsGenerator(pool: PatientPool, options: EcdsGeneratorOptions): FlowGenerator {
  return new EcdsGenerator(pool, options);
}

/**
 * A&E attendances of the Norfolk and Waveney pool at the three acute trusts. A patient's attendances never
 * overlap, nobody attends after dying, and later flows follow what is written intact: community referrals
 * after departures home, imaging after attendances that ended in admission.
 */
class EcdsGenerator implements FlowGenerator {
  readonly flow = ecdsFlow;
  readonly columns: readonly string[] = ecdsColumns;
  readonly fileName: string;

  private readonly random: SeededRandom;
  private readonly counts: Record<EcdsDefect, number>;
  private readonly rates: readonly number[];
  private readonly highCostHrgs: readonly Weighted<string>[];
  private readonly lowerCostHrgs: readonly Weighted<string>[];
  private readonly unknownDestinations: readonly string[];
  private nextIdent: number;
  private started = false;

  constructor(
    private readonly pool: PatientPool,
    private readonly options: EcdsGeneratorOptions,
  ) {
    const { period } = options;
    this.fileName = `ecds_${period.startMonth}_${period.endMonth}_${period.extractDate}.csv`;
    this.random = createSeededRandom(deriveSeed(options.seed, ecdsFlow));
    this.counts = noDefects(ecdsDefectClasses);
    this.rates = defectRates(ecdsDefectClasses, options.defectRate, options.defectRates);
    const catalogue = options.hrgCatalogue ?? hrgCatalogue();
    // The national list when it has the emergency medicine HRGs; the codes themselves otherwise.
    const inCatalogue = (codes: readonly Weighted<string>[]) => {
      const known = codes.filter(({ value }) => catalogue.has(value));
      return known.length > 0 ? known : codes.filter(({ value }) => emergencyMedicineHrgs.includes(value));
    };
    this.highCostHrgs = inCatalogue(highCostHrgs);
    this.lowerCostHrgs = inCatalogue(lowerCostHrgs);
    const known = options.knownDestinations ?? referenceDestinations();
    this.unknownDestinations = unknownDestinationCandidates.filter((code) => !known.has(code));
    if (this.unknownDestinations.length === 0) throw new Error('every unknown discharge destination candidate is in the reference set');
    this.nextIdent = 300_000_000 + this.random.int(0, 9_999_999);
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
    const { firstDay, lastDay } = this.options.period;
    const count = random.weighted(attendancesPerPatient);
    if (count === 0) return;
    const arrivals: number[] = [];
    for (let i = 0; i < count; i++) arrivals.push(random.int(firstDay, lastDay) * minutesPerDay + random.weighted(arrivalHours) * 60 + random.int(0, 59));
    arrivals.sort((a, b) => a - b);

    // A patient is in one department at a time: an arrival before the last departure moves past it.
    let freeFrom = Number.NEGATIVE_INFINITY;
    for (const drawn of arrivals) {
      const arrivalMinute = drawn > freeFrom ? drawn : freeFrom + random.int(1, 14) * minutesPerDay;
      if (Math.floor(arrivalMinute / minutesPerDay) > lastDay) return;
      const plan = this.planAttendance(patient, arrivalMinute);
      yield this.attendanceRow(patient, patientIndex, plan);
      if (plan.group === 'died') return;
      freeFrom = plan.departureMinute + (plan.group === 'admitted' ? random.int(...daysAdmittedBeforeReattending) * minutesPerDay : 0);
    }
  }

  private planAttendance(patient: Patient, arrivalMinute: number): AttendancePlan {
    const random = this.random;
    const arrivalDay = Math.floor(arrivalMinute / minutesPerDay);
    const age = ageInYears(patient.birthDay, arrivalDay);
    const home = homeAcuteProvider(patient.postcode);
    const provider = random.chance(homeProviderShare) ? home : (((home + random.int(1, 2)) % acuteProviders.length) as AcuteProviderIndex);
    const departmentType = random.weighted(departmentTypes);
    const minor = minorDepartmentTypes.has(departmentType);
    const acuity = random.weighted(minor ? minorAcuities : acuities);
    const group = random.weighted(minor ? minorDepartmentDestinationGroups : bandForAge(destinationGroupsByAge, age).groups);
    const extra = Math.floor(-Math.log(1 - random.next()) * meanExtraStayMinutes[group]);
    const departureMinute = arrivalMinute + Math.min(maxStayMinutes, minStayMinutes + extra);
    const decisionToAdmitMinute = group === 'admitted' ? arrivalMinute + Math.floor((departureMinute - arrivalMinute) * (0.3 + 0.6 * random.next())) : undefined;
    const periodEndMinute = (this.options.period.lastDay + 1) * minutesPerDay;
    const departed = departureMinute < periodEndMinute && !random.chance(stillInDepartmentShare);
    return { provider, departmentType, arrivalMinute, acuity, group, departureMinute, departed, decisionToAdmitMinute };
  }

  private attendanceRow(patient: Patient, patientIndex: number, plan: AttendancePlan): string[] {
    const random = this.random;
    const { provider, group } = plan;
    const arrivalDay = Math.floor(plan.arrivalMinute / minutesPerDay);
    const departureDay = Math.floor(plan.departureMinute / minutesPerDay);
    const age = ageInYears(patient.birthDay, arrivalDay);
    const defect = drawDefect(random, ecdsDefectClasses, this.rates);
    // The destination and departure rules only read departed attendances, so those defects need one.
    const departed = plan.departed || defect === 'missingDischargeDestination' || defect === 'unknownDischargeDestination' || defect === 'departureBeforeArrival';
    const minor = minorDepartmentTypes.has(plan.departmentType);
    const ambulanceShare = minor ? ambulanceShareAtMinorDepartments : bandForAge(ambulanceShareByAge, age).share;
    const decisionToAdmit = plan.decisionToAdmitMinute;
    const showDecision = decisionToAdmit !== undefined && (departed || decisionToAdmit < (this.options.period.lastDay + 1) * minutesPerDay);
    const destination = departed ? this.destination(group, age) : '';

    // In ecdsColumns order.
    const row = [
      String(this.nextIdent),
      patient.nhsNumber,
      patient.birthDate,
      patient.postcode,
      acuteProviders[provider].code,
      acuteProviders[provider].site,
      isoDate(arrivalDay),
      clockTime(plan.arrivalMinute),
      random.weighted(random.chance(ambulanceShare) ? ambulanceArrivalModes : otherArrivalModes),
      random.weighted(attendanceCategories),
      random.chance(departmentTypeWithoutZeroShare) ? String(Number(plan.departmentType)) : plan.departmentType,
      random.weighted(chiefComplaints),
      plan.acuity,
      showDecision ? isoDate(Math.floor(decisionToAdmit / minutesPerDay)) : '',
      departed ? isoDate(departureDay) : '',
      departed ? clockTime(plan.departureMinute) : '',
      departed ? this.dischargeStatus(group) : '',
      destination,
      departed && (group === 'discharged' || group === 'ambulatory') ? random.weighted(followUps) : '',
      random.weighted(group === 'admitted' || group === 'died' || highAcuities.has(plan.acuity) ? this.highCostHrgs : this.lowerCostHrgs),
    ];
    this.nextIdent += random.int(1, 3);

    if (defect !== undefined) {
      this.plantDefect(row, defect, arrivalDay);
      this.counts[defect]++;
    }
    // Recorded before the row is handed on: every attendance a later flow follows is in the file, intact.
    const activity = this.options.activity;
    if (activity) {
      if (group === 'died') activity.recordDeath(patientIndex, departureDay);
      else if (defect === undefined && departed && group === 'discharged') activity.emergencyDepartures.record(patientIndex, departureDay);
      else if (defect === undefined && departed && group === 'admitted') activity.emergencyAdmissions.record(patientIndex, arrivalDay, provider);
    }
    return row;
  }

  private destination(group: DestinationGroup, age: number): string {
    const random = this.random;
    switch (group) {
      case 'admitted':
        return age === 0 && random.chance(0.3) ? random.weighted(neonatalDestinations) : random.weighted(admittedDestinations);
      case 'discharged':
        return random.weighted(dischargedDestinations);
      case 'ambulatory':
        return random.weighted(ambulatoryDestinations);
      case 'transfer':
        return random.weighted(transferDestinations);
      case 'died':
        return diedDestination;
    }
  }

  private dischargeStatus(group: DestinationGroup): string {
    if (group === 'died') return diedStatus;
    return group === 'discharged' ? this.random.weighted(dischargedStatuses) : treatmentCompletedStatus;
  }

  private plantDefect(row: string[], defect: EcdsDefect, arrivalDay: number): void {
    const random = this.random;
    switch (defect) {
      case 'invalidNhsNumber':
        row[column.NHS_Number] = invalidNhsNumber(random);
        return;
      case 'missingNhsNumber':
        row[column.NHS_Number] = '';
        return;
      case 'missingDischargeDestination':
        row[column.Discharge_Destination_SNOMED_CT] = '';
        return;
      case 'unknownDischargeDestination':
        row[column.Discharge_Destination_SNOMED_CT] = random.pick(this.unknownDestinations);
        return;
      case 'departureBeforeArrival':
        // The day before arrival: wrong whatever the times say.
        row[column.EC_Departure_Date] = isoDate(arrivalDay - 1);
        return;
      case 'wrongColumnCount':
        if (random.chance(0.5)) row.splice(random.int(1, row.length - 1), 1);
        else row.push('');
        return;
      case 'unparsableDate':
        row[column.Arrival_Date] = impossibleDate(random, arrivalDay);
        return;
      case 'missingRequiredValue':
        row[random.chance(0.5) ? column.EC_Ident : column.Der_Provider_Code] = '';
        return;
    }
  }
}

/** The ECDS discharge destination reference set (reference/ecds/), with every destination this generator writes. */
function referenceDestinations(): Set<string> {
  const written = [...admittedDestinations, ...neonatalDestinations, ...dischargedDestinations, ...ambulatoryDestinations, ...transferDestinations];
  const known = new Set([...written.map(({ value }) => value), diedDestination]);
  if (existsSync(join(projectRoot(), destinationReferenceFile))) {
    for (const row of readReferenceCsv(destinationReferenceFile)) known.add(row.snomed_code);
  }
  return known;
}

const destinationReferenceFile = 'reference/ecds/discharge-destinations.csv';

/** HH:MM of a minute counted from 1970-01-01. */
function clockTime(minute: number): string {
  const ofDay = ((minute % minutesPerDay) + minutesPerDay) % minutesPerDay;
  return `${twoDigits(Math.floor(ofDay / 60))}:${twoDigits(ofDay % 60)}`;
}
