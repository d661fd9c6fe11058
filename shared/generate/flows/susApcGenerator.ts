import { hrgCatalogue } from '../../reference/hrgCatalogue';
import { batchesOf } from '../batchesOf';
import { ageInYears, isoDate } from '../calendarDays';
import { defectRates, drawDefect, noDefects } from '../defectDraws';
import { FlowGenerationContext, FlowGenerator } from '../flowGenerator';
import { impossibleDate } from '../impossibleDate';
import { invalidNhsNumber } from '../nhsNumbers';
import { Patient, PatientPool } from '../patientPool';
import { createSeededRandom, deriveSeed, geometric, SeededRandom, Weighted } from '../seededRandom';
import { ClinicalProfile, ProfileKind, susApcProfiles } from './susApcProfiles';

export const susApcFlow = 'sus-apc';

/** File order and header names of the DSCRO SUS+ APC episode extract (NCDR APCE with spell attributes). */
export const susApcColumns = [
  'APCE_Ident',
  'APCS_Ident',
  'Episode_Number',
  'NHS_Number',
  'Person_Birth_Date',
  'Postcode',
  'Sex',
  'Der_Provider_Code',
  'Commissioner_Code',
  'Admission_Date',
  'Discharge_Date',
  'Episode_Start_Date',
  'Episode_End_Date',
  'Admission_Method',
  'Patient_Classification',
  'Discharge_Destination',
  'Treatment_Function_Code',
  'Primary_Diagnosis_Code',
  'Episode_HRG',
  'Spell_Core_HRG',
  'Last_Episode_In_Spell_Indicator',
] as const;

export type SusApcColumn = (typeof susApcColumns)[number];

/** Spell-level classes are drawn per spell, the rest per row; every class is counted in rows. */
const spellDefectClasses = ['dischargeBeforeAdmission', 'unknownHrg'] as const;
const rowDefectClasses = [
  'invalidNhsNumber',
  'missingNhsNumber',
  'episodeOutsideSpell',
  'wrongColumnCount',
  'unparsableDate',
  'missingRequiredValue',
] as const;

export const susApcDefectClasses = [
  'invalidNhsNumber',
  'missingNhsNumber',
  'dischargeBeforeAdmission',
  'episodeOutsideSpell',
  'unknownHrg',
  'wrongColumnCount',
  'unparsableDate',
  'missingRequiredValue',
] as const;

export type SusApcDefect = (typeof susApcDefectClasses)[number];
export type SusApcDefectCounts = Record<SusApcDefect, number>;
type SpellDefect = (typeof spellDefectClasses)[number];
type RowDefect = (typeof rowDefectClasses)[number];

export interface SusApcGeneratorOptions extends FlowGenerationContext {
  /** Per-class fractions overriding `defectRate`: per spell for spell-level classes, per row otherwise. */
  defectRates?: Partial<Record<SusApcDefect, number>>;
  /** HRG code → entry with its name; the national list in reference/hrg/hrg-codes.json when absent. */
  hrgCatalogue?: ReadonlyMap<string, { name: string }>;
}

/**
 * Data rows per pooled patient with the default distributions (about 2 spells of about 1.2 episodes over
 * a year), slightly understated so a pool sized from it reaches a target row count in one pass.
 */
export const susApcRowsPerPatient = 2.3;

const column = Object.fromEntries(susApcColumns.map((name, index) => [name, index])) as Record<SusApcColumn, number>;

const commissionerCode = '15E';

const admissionMethods: readonly Weighted<string>[] = [
  // Elective (~35%): waiting list, booked, planned.
  { value: '11', weight: 22 },
  { value: '12', weight: 8 },
  { value: '13', weight: 5 },
  // Emergency (~55%): A&E, GP, bed bureau, consultant clinic, other.
  { value: '21', weight: 36 },
  { value: '22', weight: 3 },
  { value: '23', weight: 1 },
  { value: '24', weight: 2 },
  { value: '28', weight: 11 },
  // Other (~10% once maternity draws for patients who cannot be mothers are redrawn): via another
  // provider's A&E, emergency transfer, maternity, non-emergency transfer.
  { value: '2A', weight: 3 },
  { value: '2B', weight: 1.5 },
  { value: '31', weight: 3 },
  { value: '32', weight: 0.5 },
  { value: '81', weight: 4 },
];

/** Birmingham and Solihull acute and community providers and their neighbours; RR1 is the pre-2018 Heart of England code. */
const providers: readonly Weighted<string>[] = [
  { value: 'RRK', weight: 40 },
  { value: 'RXK', weight: 16 },
  { value: 'RKB', weight: 10 },
  { value: 'RQ3', weight: 8 },
  { value: 'RLT', weight: 5 },
  { value: 'RJC', weight: 4 },
  { value: 'RYW', weight: 3 },
  { value: 'RR1', weight: 2 },
];
/** Birmingham Women's and Children's takes most children and mothers. */
const womenAndChildrenProvider = 'RQ3';

const spellsPerPatient: readonly Weighted<number>[] = [
  { value: 1, weight: 58 },
  { value: 2, weight: 20 },
  { value: 3, weight: 9 },
  { value: 4, weight: 5 },
  { value: 5, weight: 3 },
  { value: 6, weight: 2 },
  { value: 8, weight: 1.5 },
  { value: 12, weight: 1 },
  { value: 20, weight: 0.5 },
];

const episodesPerSpell: readonly Weighted<number>[] = [
  { value: 1, weight: 80 },
  { value: 2, weight: 15 },
  { value: 3, weight: 5 },
];

const electiveDestinations: readonly Weighted<string>[] = [
  { value: '19', weight: 97 },
  { value: '51', weight: 1 },
  { value: '54', weight: 1 },
  { value: '65', weight: 0.5 },
  { value: '79', weight: 0.5 },
];
const olderNonElectiveDestinations: readonly Weighted<string>[] = [
  { value: '19', weight: 84 },
  { value: '51', weight: 3 },
  { value: '54', weight: 5 },
  { value: '65', weight: 3 },
  { value: '79', weight: 5 },
];
const youngerNonElectiveDestinations: readonly Weighted<string>[] = [
  { value: '19', weight: 96 },
  { value: '51', weight: 2 },
  { value: '54', weight: 0.5 },
  { value: '65', weight: 0.5 },
  { value: '79', weight: 1 },
];
/** Data Dictionary: discharge destination not applicable, spell not finished. */
const stillInHospitalDestination = '98';
const diedDestination = '79';

/** Well-formed HRG-shaped codes from chapters that do not exist; any that appear in the reference list are dropped. */
const unknownHrgCandidates = ['ZZ99Z', 'ZZ98Z', 'ZZ01A', 'ZZ42C', 'TZ99Z', 'OZ12B', 'IZ50A'];

const regularAttenderShare = 0.03;
/** Drawn a little above the ~25% wanted: day-case profiles do not suit every patient (children, for one). */
const dayCaseShare = 0.3;

interface ResolvedProfile {
  id: number;
  profile: ClinicalProfile;
  hrgs: readonly AgedHrg[];
}

/** An HRG with the age split its name states (e.g. "19 years and over"), inclusive. */
interface AgedHrg {
  code: string;
  minAge: number;
  maxAge: number;
}

interface EpisodePlan {
  startDay: number;
  /** Undefined for the open episode of a spell still in hospital. */
  endDay: number | undefined;
  treatmentFunction: string;
  diagnosis: string;
  hrg: string;
}

interface SpellPlan {
  admissionDay: number;
  /** As recorded; undefined while still in hospital, earlier than admission for that planted defect. */
  dischargeDay: number | undefined;
  /** When the next spell of the same patient can start at the earliest. */
  occupiedUntil: number;
  method: string;
  classification: string;
  destination: string;
  provider: string;
  episodes: EpisodePlan[];
  spellHrg: string;
  defect: SpellDefect | undefined;
}

export function createSusApcGenerator(pool: PatientPool, options: SusApcGeneratorOptions): FlowGenerator {
  return new SusApcGenerator(pool, options);
}

class SusApcGenerator implements FlowGenerator {
  readonly flow = susApcFlow;
  readonly columns: readonly string[] = susApcColumns;
  readonly fileName: string;

  private readonly random: SeededRandom;
  private readonly counts: SusApcDefectCounts;
  private readonly spellDefectRates: readonly number[];
  private readonly rowDefectRates: readonly number[];
  private readonly profilesByKind: ReadonlyMap<ProfileKind, readonly ResolvedProfile[]>;
  private readonly eligibleProfiles = new Map<string, readonly Weighted<ResolvedProfile>[]>();
  private readonly hrgsByProfileAndAge = new Map<string, readonly string[]>();
  private readonly unknownHrgCodes: readonly string[];
  private nextSpellIdent: number;
  private nextEpisodeIdent: number;
  private started = false;
  /** Whether the last row of the spell just written carries a row-level defect. */
  private lastRowDefective = false;

  constructor(
    private readonly pool: PatientPool,
    private readonly options: SusApcGeneratorOptions,
  ) {
    const { period } = options;
    this.fileName = `sus_apc_${period.startMonth}_${period.endMonth}_${period.extractDate}.csv`;
    this.random = createSeededRandom(deriveSeed(options.seed, susApcFlow));
    this.counts = noDefects(susApcDefectClasses);
    this.spellDefectRates = defectRates(spellDefectClasses, options.defectRate, options.defectRates);
    this.rowDefectRates = defectRates(rowDefectClasses, options.defectRate, options.defectRates);
    const catalogue = options.hrgCatalogue ?? hrgCatalogue();
    this.profilesByKind = resolveProfiles(catalogue);
    this.unknownHrgCodes = unknownHrgCandidates.filter((code) => !catalogue.has(code));
    if (this.unknownHrgCodes.length === 0) throw new Error('every unknown-HRG candidate is in the HRG reference list');
    this.nextSpellIdent = 100_000_000 + this.random.int(0, 9_999_999);
    this.nextEpisodeIdent = 500_000_000 + this.random.int(0, 9_999_999);
  }

  batches(batchSize: number): Generator<string[][]> {
    if (this.started) throw new Error('a flow generator produces its rows once');
    this.started = true;
    return batchesOf(this.rows(), batchSize);
  }

  plantedDefects(): Record<string, number> {
    return { ...this.counts };
  }

  private *rows(): Generator<string[]> {
    const { patients } = this.pool;
    const { lastDay } = this.options.period;
    const target = this.options.targetRows;
    let emitted = 0;
    // With a target the pool is walked again from the start if it runs out, so the row count is exact.
    for (let index = 0; target === undefined ? index < patients.length : emitted < target; index++) {
      const patientIndex = index % patients.length;
      const patient = patients[patientIndex];
      // A patient's spells never overlap: one admitted before the previous discharge moves past it.
      let occupiedUntil = Number.NEGATIVE_INFINITY;
      for (const drawnDay of this.drawAdmissionDays()) {
        const remaining = target === undefined ? Number.POSITIVE_INFINITY : target - emitted;
        const admissionDay = drawnDay > occupiedUntil ? drawnDay : occupiedUntil + this.random.int(1, 14);
        if (remaining <= 0 || admissionDay > lastDay) break;
        const spell = this.planSpell(patient, admissionDay, remaining);
        for (const row of this.spellRows(patient, spell)) {
          emitted++;
          yield row;
        }
        this.recordActivity(patientIndex, spell);
        // Nobody is readmitted while still in hospital, or after dying.
        if (spell.dischargeDay === undefined || spell.destination === diedDestination) break;
        occupiedUntil = spell.occupiedUntil;
      }
    }
  }

  /**
   * Later flows follow discharges alive from spells they can see whole: no spell-level defect, and a last
   * episode row (the one the spell is read from) written intact.
   */
  private recordActivity(patientIndex: number, spell: SpellPlan): void {
    const activity = this.options.activity;
    if (!activity || spell.dischargeDay === undefined || spell.defect !== undefined) return;
    if (spell.destination === diedDestination) activity.recordDeath(patientIndex, spell.dischargeDay);
    else if (!this.lastRowDefective) activity.recordDischarge(patientIndex, spell.dischargeDay);
  }

  /** Admission days of one patient's spells, in date order. */
  private drawAdmissionDays(): number[] {
    const { firstDay, lastDay } = this.options.period;
    const count = this.random.weighted(spellsPerPatient);
    const days: number[] = [];
    for (let i = 0; i < count; i++) days.push(this.random.int(firstDay, lastDay));
    return days.sort((a, b) => a - b);
  }

  private planSpell(patient: Patient, admissionDay: number, maxEpisodes: number): SpellPlan {
    const random = this.random;
    const { lastDay } = this.options.period;
    const age = ageInYears(patient.birthDay, admissionDay);
    const defect = drawDefect(random, spellDefectClasses, this.spellDefectRates);

    const { method, kind, classification, resolved } = this.chooseAdmission(patient, age);
    const lengthOfStay = this.lengthOfStay(kind, classification);
    const plannedDischarge = admissionDay + lengthOfStay;

    let dischargeDay: number | undefined;
    if (defect === 'dischargeBeforeAdmission') dischargeDay = admissionDay - random.int(1, 30);
    else if (plannedDischarge > lastDay) dischargeDay = undefined;
    else dischargeDay = plannedDischarge;

    // A reversed spell is written as one episode spanning the recorded dates, so it breaks the
    // admission/discharge rule and nothing else (no episode falls outside the recorded spell).
    const episodeCount =
      defect === 'dischargeBeforeAdmission' || lengthOfStay === 0 ? 1 : Math.min(random.weighted(episodesPerSpell), maxEpisodes);
    const episodes = this.planEpisodes(resolved, age, admissionDay, dischargeDay, Math.min(plannedDischarge, lastDay), episodeCount);

    const provider =
      (age < 16 || kind === 'antepartum' || kind === 'postpartum') && random.chance(0.6)
        ? womenAndChildrenProvider
        : random.weighted(providers);

    return {
      admissionDay,
      dischargeDay,
      occupiedUntil: Math.max(admissionDay, plannedDischarge),
      method,
      classification,
      destination: this.destination(kind, classification, age, dischargeDay),
      provider,
      episodes,
      spellHrg: defect === 'unknownHrg' ? random.pick(this.unknownHrgCodes) : dominantHrg(episodes, lastDay),
      defect,
    };
  }

  private chooseAdmission(
    patient: Patient,
    age: number,
  ): { method: string; kind: ProfileKind; classification: string; resolved: ResolvedProfile } {
    const random = this.random;
    // Redraw until the patient fits a profile of that kind: maternity methods only suit women of child-bearing age.
    for (;;) {
      const method = random.weighted(admissionMethods);
      const kind = methodKind(method);
      if (kind === 'elective') {
        if (random.chance(regularAttenderShare)) {
          const candidates = this.profilesFor('regularAttender', patient, age, false);
          if (candidates.length > 0) {
            // Regular day attenders far outnumber regular night attenders.
            const classification = random.chance(0.85) ? '3' : '4';
            return { method, kind: 'regularAttender', classification, resolved: random.weighted(candidates) };
          }
        }
        if (random.chance(dayCaseShare)) {
          const candidates = this.profilesFor('elective', patient, age, true);
          if (candidates.length > 0) return { method, kind, classification: '2', resolved: random.weighted(candidates) };
        }
      }
      const candidates = this.profilesFor(kind, patient, age, false);
      if (candidates.length > 0) return { method, kind, classification: '1', resolved: random.weighted(candidates) };
    }
  }

  private profilesFor(kind: ProfileKind, patient: Patient, age: number, dayCaseOnly: boolean): readonly Weighted<ResolvedProfile>[] {
    const key = `${kind}|${patient.sex}|${age}|${dayCaseOnly}`;
    let found = this.eligibleProfiles.get(key);
    if (!found) {
      found = (this.profilesByKind.get(kind) ?? [])
        .filter(({ profile }) => {
          const [minAge, maxAge] = profile.ages;
          return age >= minAge && age <= maxAge && (!profile.sex || profile.sex === patient.sex) && (!dayCaseOnly || profile.dayCase === true);
        })
        .map((resolved) => ({ value: resolved, weight: resolved.profile.weight }));
      this.eligibleProfiles.set(key, found);
    }
    return found;
  }

  /** The profile's HRGs whose age split admits this age; all of them if none does. */
  private hrgsFor(resolved: ResolvedProfile, age: number): readonly string[] {
    const key = `${resolved.id}|${age}`;
    let codes = this.hrgsByProfileAndAge.get(key);
    if (!codes) {
      const fitting = resolved.hrgs.filter((hrg) => age >= hrg.minAge && age <= hrg.maxAge);
      codes = (fitting.length > 0 ? fitting : resolved.hrgs).map((hrg) => hrg.code);
      this.hrgsByProfileAndAge.set(key, codes);
    }
    return codes;
  }

  /** Days; skewed with a long tail for emergencies, as real lengths of stay are. */
  private lengthOfStay(kind: ProfileKind, classification: string): number {
    const random = this.random;
    if (classification === '2' || classification === '3') return 0;
    if (classification === '4') return 1;
    switch (kind) {
      case 'elective':
        return random.chance(0.1) ? 0 : 1 + geometric(random, 2);
      case 'antepartum':
      case 'postpartum':
        return geometric(random, 1.5);
      default:
        return random.chance(0.025) ? random.int(15, 90) : geometric(random, 2.8);
    }
  }

  private destination(kind: ProfileKind, classification: string, age: number, dischargeDay: number | undefined): string {
    if (dischargeDay === undefined) return stillInHospitalDestination;
    if (classification !== '1') return '19';
    if (kind === 'elective') return this.random.weighted(electiveDestinations);
    return this.random.weighted(age >= 65 ? olderNonElectiveDestinations : youngerNonElectiveDestinations);
  }

  /**
   * Episodes tile the spell: the first starts on admission, each ends on the day the next starts (a
   * transfer between consultants), and the last ends on discharge. Splits of an open spell stay within the period.
   */
  private planEpisodes(
    resolved: ResolvedProfile,
    age: number,
    admissionDay: number,
    dischargeDay: number | undefined,
    splitUntil: number,
    count: number,
  ): EpisodePlan[] {
    const random = this.random;
    const { profile } = resolved;
    const hrgCodes = this.hrgsFor(resolved, age);
    const splits: number[] = [];
    for (let i = 1; i < count; i++) splits.push(random.int(admissionDay, Math.max(admissionDay, splitUntil)));
    splits.sort((a, b) => a - b);

    const episodes: EpisodePlan[] = [];
    for (let i = 0; i < count; i++) {
      const previous = episodes[i - 1];
      const treatmentFunction =
        previous === undefined
          ? random.pick(profile.treatmentFunctions)
          : age >= 75 && random.chance(0.35)
            ? '430'
            : random.pick(profile.treatmentFunctions);
      const diagnosis = previous !== undefined && random.chance(0.7) ? previous.diagnosis : random.pick(profile.diagnoses);
      episodes.push({
        startDay: i === 0 ? admissionDay : splits[i - 1],
        endDay: i === count - 1 ? dischargeDay : splits[i],
        treatmentFunction,
        diagnosis,
        hrg: random.pick(hrgCodes),
      });
    }
    return episodes;
  }

  private *spellRows(patient: Patient, spell: SpellPlan): Generator<string[]> {
    const spellIdent = String(this.nextSpellIdent);
    this.nextSpellIdent += this.random.int(1, 3);
    const admissionDate = isoDate(spell.admissionDay);
    const dischargeDate = spell.dischargeDay === undefined ? '' : isoDate(spell.dischargeDay);
    const lastIndex = spell.episodes.length - 1;

    for (let i = 0; i <= lastIndex; i++) {
      const episode = spell.episodes[i];
      // In susApcColumns order.
      const row = [
        String(this.nextEpisodeIdent),
        spellIdent,
        String(i + 1),
        patient.nhsNumber,
        patient.birthDate,
        patient.postcode,
        patient.sex,
        spell.provider,
        commissionerCode,
        admissionDate,
        dischargeDate,
        isoDate(episode.startDay),
        episode.endDay === undefined ? '' : isoDate(episode.endDay),
        spell.method,
        spell.classification,
        spell.destination,
        episode.treatmentFunction,
        episode.diagnosis,
        episode.hrg,
        spell.spellHrg,
        i === lastIndex ? '1' : '2',
      ];
      this.nextEpisodeIdent += this.random.int(1, 2);

      // One defect per row at most, so each class's count is exact and independent of the others.
      let rowDefect: RowDefect | undefined;
      if (spell.defect !== undefined) {
        this.counts[spell.defect]++;
      } else {
        rowDefect = drawDefect(this.random, rowDefectClasses, this.rowDefectRates);
        if (rowDefect !== undefined) {
          this.plantRowDefect(row, rowDefect, spell, i);
          this.counts[rowDefect]++;
        }
      }
      if (i === lastIndex) this.lastRowDefective = rowDefect !== undefined;
      yield row;
    }
  }

  private plantRowDefect(row: string[], defect: RowDefect, spell: SpellPlan, episodeIndex: number): void {
    const random = this.random;
    switch (defect) {
      case 'invalidNhsNumber':
        row[column.NHS_Number] = invalidNhsNumber(random);
        return;
      case 'missingNhsNumber':
        row[column.NHS_Number] = '';
        return;
      case 'episodeOutsideSpell': {
        // Only a closed spell's last episode can run past discharge; any episode can start before admission.
        const discharge = spell.dischargeDay;
        const isLast = episodeIndex === spell.episodes.length - 1;
        if (discharge !== undefined && isLast && (episodeIndex > 0 || random.chance(0.5))) {
          row[column.Episode_End_Date] = isoDate(discharge + random.int(1, 7));
        } else {
          row[column.Episode_Start_Date] = isoDate(spell.admissionDay - random.int(1, 7));
        }
        return;
      }
      case 'wrongColumnCount':
        if (random.chance(0.5)) row.splice(random.int(1, row.length - 1), 1);
        else row.push('');
        return;
      case 'unparsableDate':
        row[column.Admission_Date] = impossibleDate(random, spell.admissionDay);
        return;
      case 'missingRequiredValue':
        row[random.chance(0.5) ? column.APCE_Ident : column.Der_Provider_Code] = '';
        return;
    }
  }
}

function resolveProfiles(catalogue: ReadonlyMap<string, { name: string }>): Map<ProfileKind, ResolvedProfile[]> {
  const hrgsByRoot = new Map<string, AgedHrg[]>();
  // Sorted so the draw order, and so the output, does not depend on the catalogue's insertion order.
  for (const [code, { name }] of [...catalogue].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const root = code.slice(0, 4);
    const hrgs = hrgsByRoot.get(root) ?? [];
    hrgs.push({ code, ...ageSplit(name) });
    hrgsByRoot.set(root, hrgs);
  }
  const byKind = new Map<ProfileKind, ResolvedProfile[]>();
  for (const [id, profile] of susApcProfiles.entries()) {
    const hrgs = profile.hrgRoots.flatMap((root) => hrgsByRoot.get(root) ?? []);
    if (hrgs.length === 0) throw new Error(`no HRG codes in the reference list for profile "${profile.name}" (${profile.hrgRoots.join(', ')})`);
    const list = byKind.get(profile.kind) ?? [];
    list.push({ id, profile, hrgs });
    byKind.set(profile.kind, list);
  }
  return byKind;
}

/** Reads "19 years and over", "18 years and under" and "between 6 and 18 years" from an HRG name. */
function ageSplit(name: string): { minAge: number; maxAge: number } {
  const over = /(\d+) years and over/i.exec(name);
  if (over) return { minAge: Number(over[1]), maxAge: Number.POSITIVE_INFINITY };
  const under = /(\d+) years and under/i.exec(name);
  if (under) return { minAge: 0, maxAge: Number(under[1]) };
  const between = /between (\d+) and (\d+) years/i.exec(name);
  if (between) return { minAge: Number(between[1]), maxAge: Number(between[2]) };
  return { minAge: 0, maxAge: Number.POSITIVE_INFINITY };
}

function methodKind(method: string): ProfileKind {
  if (method === '11' || method === '12' || method === '13') return 'elective';
  if (method === '31') return 'antepartum';
  if (method === '32') return 'postpartum';
  return 'emergency';
}

/** The spell's core HRG comes from its longest episode, as the grouper's dominant episode usually is. */
function dominantHrg(episodes: readonly EpisodePlan[], openUntil: number): string {
  let best = episodes[0];
  for (const episode of episodes) {
    const length = (episode.endDay ?? openUntil) - episode.startDay;
    if (length > (best.endDay ?? openUntil) - best.startDay) best = episode;
  }
  return best.hrg;
}
