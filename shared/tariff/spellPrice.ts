import { HrgTariff } from './tariffTypes';

export type SpellPriceStatus = 'priced' | 'open' | 'invalid_dates' | 'missing_hrg' | 'unknown_hrg' | 'unpriced' | 'no_tariff_year';
export type SpellPriceBasis = 'day_case' | 'elective' | 'non_elective' | 'reduced_short_stay_emergency' | '';

export interface SpellFacts {
  lengthOfStayDays?: number;
  admissionMethod: string;
  patientClassification: string;
  ageAtAdmission?: number;
}

export interface SpellPricing {
  status: SpellPriceStatus;
  basis: SpellPriceBasis;
  price?: number;
  excessBedDays: number;
}

/** Spell price rules are national, from the NHS Payment Scheme: these codes come from the Data Dictionary. */
const electiveAdmissionMethods = new Set(['11', '12', '13']);
const dayCaseClassification = '2';
/** Reduced short stay emergency tariff: adults (19 and over) with a length of stay under 2 days. */
const shortStayMaxDaysExclusive = 2;
const shortStayMinAge = 19;

/**
 * The NHS Payment Scheme spell price for one spell, before the market forces factor.
 * Day case → day case tariff (else combined); elective → ordinary elective tariff (else combined) plus excess
 * bed days past the elective trim point; non-elective → reduced short stay emergency tariff when it applies,
 * else the non-elective tariff plus excess bed days past the non-elective trim point.
 */
export function spellPrice(spell: SpellFacts, tariff: HrgTariff): SpellPricing {
  const los = spell.lengthOfStayDays;
  if (los === undefined) return { status: 'open', basis: '', excessBedDays: 0 };
  const perDay = tariff.perDayLongStay ?? 0;
  if (spell.patientClassification === dayCaseClassification) {
    return priced('day_case', tariff.dayCase ?? tariff.combinedDayCaseElective, 0);
  }
  if (electiveAdmissionMethods.has(spell.admissionMethod)) {
    const base = tariff.ordinaryElective ?? tariff.combinedDayCaseElective;
    const excess = excessDays(los, tariff.electiveTrimPointDays);
    return priced('elective', base === undefined ? undefined : base + excess * perDay, excess);
  }
  const shortStay =
    tariff.reducedShortStayApplicable &&
    tariff.reducedShortStay !== undefined &&
    los < shortStayMaxDaysExclusive &&
    spell.ageAtAdmission !== undefined &&
    spell.ageAtAdmission >= shortStayMinAge;
  if (shortStay) return priced('reduced_short_stay_emergency', tariff.reducedShortStay, 0);
  const excess = excessDays(los, tariff.nonElectiveTrimPointDays);
  const base = tariff.nonElective;
  return priced('non_elective', base === undefined ? undefined : base + excess * perDay, excess);
}

function excessDays(los: number, trimPoint: number | undefined): number {
  return trimPoint === undefined ? 0 : Math.max(0, los - trimPoint);
}

function priced(basis: SpellPriceBasis, price: number | undefined, excessBedDays: number): SpellPricing {
  if (price === undefined) return { status: 'unpriced', basis, excessBedDays };
  return { status: 'priced', basis, price, excessBedDays };
}
