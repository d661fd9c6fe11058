import { parseAnnexAPrices } from '../../shared/tariff/parseAnnexAPrices';
import { SpellFacts, spellPrice } from '../../shared/tariff/spellPrice';
import { HrgTariff } from '../../shared/tariff/tariffTypes';

/**
 * A three-row price table in the Annex A layout. Columns: HRG, name, combined, day case, ordinary elective,
 * elective trim point, non-elective, non-elective trim point, per day long stay, RSSE applicable, RSSE %, RSSE.
 */
const annexA = [
  'HRG code,HRG name,Combined day case / ordinary elective spell tariff (£),Day case spell tariff (£),Ordinary elective spell tariff (£),Ordinary elective long stay trim point (days),Non-elective spell tariff (£),Non-elective long stay trim point (days),Per day long stay payment (for days exceeding trim point) (£),Reduced short stay emergency tariff _applicable?,% applied in calculation of reduced short stay emergency tariff,Reduced short stay emergency tariff (£)',
  'TS01A,Every price published,900,800,1000,5,1500,7,200,Yes,30,450',
  'TS02B,Combined price only,700,-,-,4,"£1,234.50",3,150,No,-,-',
  'TS03C,Not priced,-,-,-,-,-,-,-,No,-,-',
].join('\n');

const prices = parseAnnexAPrices(annexA, 'test-annex-a.csv');

function tariff(hrg: string): HrgTariff {
  const found = prices.get(hrg);
  if (!found) throw new Error(`test table has no ${hrg}`);
  return found;
}

const emergency = (lengthOfStayDays: number, ageAtAdmission?: number): SpellFacts => ({ lengthOfStayDays, admissionMethod: '21', patientClassification: '1', ageAtAdmission });
const elective = (lengthOfStayDays: number): SpellFacts => ({ lengthOfStayDays, admissionMethod: '11', patientClassification: '1', ageAtAdmission: 50 });
const dayCase: SpellFacts = { lengthOfStayDays: 0, admissionMethod: '11', patientClassification: '2', ageAtAdmission: 50 };

describe('spellPrice', () => {
  describe('day cases (patient classification 2)', () => {
    it('pay the day case tariff when one is published', () => {
      // Prepare: TS01A day case tariff £800

      // Act
      const pricing = spellPrice(dayCase, tariff('TS01A'));

      // Assess
      expect(pricing).toEqual({ status: 'priced', basis: 'day_case', price: 800, excessBedDays: 0 });
    });

    it('pay the combined day case / elective tariff when the day case tariff is "-"', () => {
      // Prepare: TS02B has no day case tariff; combined £700

      // Act
      const pricing = spellPrice(dayCase, tariff('TS02B'));

      // Assess
      expect(pricing).toEqual({ status: 'priced', basis: 'day_case', price: 700, excessBedDays: 0 });
    });
  });

  describe('ordinary elective spells (admission methods 11, 12, 13)', () => {
    it.each(['11', '12', '13'])('pay the elective tariff within the trim point (admission method %s)', (admissionMethod) => {
      // Prepare: TS01A elective £1,000, trim point 5 days; a 5-day stay is not past it
      const spell: SpellFacts = { ...elective(5), admissionMethod };

      // Act
      const pricing = spellPrice(spell, tariff('TS01A'));

      // Assess
      expect(pricing).toEqual({ status: 'priced', basis: 'elective', price: 1000, excessBedDays: 0 });
    });

    it('add the per day payment for each day past the elective trim point', () => {
      // Prepare: 8 days − trim 5 = 3 excess days; £1,000 + 3 × £200 = £1,600

      // Act
      const pricing = spellPrice(elective(8), tariff('TS01A'));

      // Assess
      expect(pricing).toEqual({ status: 'priced', basis: 'elective', price: 1600, excessBedDays: 3 });
    });

    it('fall back to the combined tariff when no ordinary elective tariff is published', () => {
      // Prepare: TS02B combined £700, trim 4, per day £150; 6 days → 2 excess; £700 + 2 × £150 = £1,000

      // Act
      const pricing = spellPrice(elective(6), tariff('TS02B'));

      // Assess
      expect(pricing).toEqual({ status: 'priced', basis: 'elective', price: 1000, excessBedDays: 2 });
    });
  });

  describe('non-elective spells', () => {
    it.each([
      ['length of stay 0, age 19', 0, 19],
      ['length of stay 1, age 19', 1, 19],
      ['length of stay 1, age 85', 1, 85],
    ])('pay the reduced short stay emergency tariff to adults with a stay under 2 days (%s)', (_case, los, age) => {
      // Prepare: TS01A RSSE applicable, £450

      // Act
      const pricing = spellPrice(emergency(los, age), tariff('TS01A'));

      // Assess
      expect(pricing).toEqual({ status: 'priced', basis: 'reduced_short_stay_emergency', price: 450, excessBedDays: 0 });
    });

    it.each([
      ['a child of 18 staying 0 days', 0, 18],
      ['a child of 18 staying 1 day', 1, 18],
      ['an adult staying 2 days (not short stay)', 2, 40],
      ['an unknown age staying 0 days', 0, undefined],
    ])('pay the full non-elective tariff to %s', (_case, los, age) => {
      // Prepare: TS01A non-elective £1,500, trim 7

      // Act
      const pricing = spellPrice(emergency(los, age), tariff('TS01A'));

      // Assess
      expect(pricing).toEqual({ status: 'priced', basis: 'non_elective', price: 1500, excessBedDays: 0 });
    });

    it('pay the full non-elective tariff when the HRG has no reduced short stay tariff', () => {
      // Prepare: TS02B RSSE not applicable; non-elective "£1,234.50", trim 3; a 1-day stay, age 50

      // Act
      const pricing = spellPrice(emergency(1, 50), tariff('TS02B'));

      // Assess
      expect(pricing).toEqual({ status: 'priced', basis: 'non_elective', price: 1234.5, excessBedDays: 0 });
    });

    it('add the per day payment for each day past the non-elective trim point', () => {
      // Prepare: TS01A; 10 days − trim 7 = 3 excess days; £1,500 + 3 × £200 = £2,100

      // Act
      const pricing = spellPrice(emergency(10, 50), tariff('TS01A'));

      // Assess
      expect(pricing).toEqual({ status: 'priced', basis: 'non_elective', price: 2100, excessBedDays: 3 });
    });
  });

  it('leaves a spell unpriced when its tariff is "-"', () => {
    // Prepare: TS03C publishes no prices at all

    // Act
    const results = [spellPrice(dayCase, tariff('TS03C')), spellPrice(elective(3), tariff('TS03C')), spellPrice(emergency(3, 50), tariff('TS03C'))];

    // Assess
    expect(results).toEqual([
      { status: 'unpriced', basis: 'day_case', excessBedDays: 0 },
      { status: 'unpriced', basis: 'elective', excessBedDays: 0 },
      { status: 'unpriced', basis: 'non_elective', excessBedDays: 0 },
    ]);
  });

  it('does not price an open spell (no length of stay yet)', () => {
    // Prepare
    const spell: SpellFacts = { admissionMethod: '21', patientClassification: '1', ageAtAdmission: 50 };

    // Act
    const pricing = spellPrice(spell, tariff('TS01A'));

    // Assess
    expect(pricing).toEqual({ status: 'open', basis: '', excessBedDays: 0 });
  });
});
