import { DefinitionRegistry } from '../../../../shared/definitions/DefinitionRegistry';
import { SpellPriceFields } from '../../../../shared/definitions/definitionTypes';
import { Row } from '../../../../shared/flows/row';
import { RowMapper } from '../../../../shared/stages/map/mappers/RowMapper';
import { spellPriceMapper } from '../../../../shared/stages/map/mappers/spellPriceMapper';

/**
 * Expected prices come from the rows of the illustrative price tables (reference/tariff), written out here:
 *
 * apc-prices-2024-25: AA03D combined 4828, day case 4104, elective 5069, elective trim 6, non-elective 5794,
 *                     non-elective trim 11, per day 301, RSSE No
 *                     AA02F non-elective 1489, trim 24, RSSE Yes, 32%, £476
 * apc-prices-2025-26: AA03D non-elective 5910 (= 5794 × 1.02 = 5909.88, rounded), trim 11, per day 301
 * mff-2024-25 and mff-2025-26: RRK (University Hospitals Birmingham) 1.0312
 */
function spellFields(): SpellPriceFields {
  const mapping = DefinitionRegistry.load()
    .flow('sus-apc')
    .mappings.find((candidate) => candidate.kind === 'spellPrice');
  if (!mapping || mapping.kind !== 'spellPrice') throw new Error('sus-apc has no spellPrice mapping');
  return mapping.fields;
}

function pseudonymisedEpisode(overrides: Row = {}): Row {
  return {
    APCE_Ident: 'E1',
    APCS_Ident: 'S1',
    Der_Provider_Code: 'RRK',
    Admission_Date: '2024-05-01',
    Discharge_Date: '2024-05-15',
    Admission_Method: '21',
    Patient_Classification: '1',
    Spell_Core_HRG: 'AA03D',
    Last_Episode_In_Spell_Indicator: '1',
    age_at_event: '67',
    ...overrides,
  };
}

function mapped(mapper: RowMapper, row: Row): Row {
  mapper.map(row);
  return row;
}

describe('spellPriceMapper (real 2024/25 and 2025/26 tables)', () => {
  let mapper: RowMapper;

  beforeAll(() => {
    mapper = spellPriceMapper(spellFields(), 'spell');
  });

  it('names its output columns after the mapping', () => {
    // Prepare: the mapper built in beforeAll uses as = 'spell'

    // Act
    const columns = [...mapper.outputColumns].sort();

    // Assess
    expect(columns).toEqual(['spell_excess_bed_days', 'spell_los_days', 'spell_mff', 'spell_price', 'spell_price_basis', 'spell_price_status', 'spell_tariff_year'].sort());
  });

  it('prices a non-elective spell past its trim point, times the provider MFF, on the last episode', () => {
    // Prepare: 1 → 15 May 2024 is 14 days; 14 − trim 11 = 3 excess days
    //          £5,794 + 3 × £301 = £6,697; × MFF 1.0312 = 6,697 + 208.9464 = £6,905.9464 → £6,905.95
    const row = pseudonymisedEpisode();

    // Act
    const out = mapped(mapper, row);

    // Assess
    expect(out).toMatchObject({
      spell_los_days: '14',
      spell_tariff_year: '2024/25',
      spell_price_status: 'priced',
      spell_price_basis: 'non_elective',
      spell_excess_bed_days: '3',
      spell_mff: '1.0312',
      spell_price: '6905.95',
    });
  });

  it('carries status and basis on every episode but the price only on the last one', () => {
    // Prepare: the same spell, seen on an earlier episode
    const row = pseudonymisedEpisode({ APCE_Ident: 'E0', Last_Episode_In_Spell_Indicator: '2' });

    // Act
    const out = mapped(mapper, row);

    // Assess
    expect(out).toMatchObject({ spell_price_status: 'priced', spell_price_basis: 'non_elective', spell_excess_bed_days: '3', spell_price: '' });
  });

  it('uses the age at admission for the reduced short stay emergency tariff', () => {
    // Prepare: AA02F, 1-day emergency stay; age 19 → RSSE £476 × 1.0312 = 476 + 14.8512 = £490.8512 → £490.85;
    //          age 18 → full non-elective £1,489 × 1.0312 = 1,489 + 46.4568 = £1,535.4568 → £1,535.46
    const adult = pseudonymisedEpisode({ Spell_Core_HRG: 'AA02F', Admission_Date: '2024-05-01', Discharge_Date: '2024-05-02', age_at_event: '19' });
    const child = pseudonymisedEpisode({ Spell_Core_HRG: 'AA02F', Admission_Date: '2024-05-01', Discharge_Date: '2024-05-02', age_at_event: '18' });

    // Act
    const outs = [mapped(mapper, adult), mapped(mapper, child)];

    // Assess
    expect(outs[0]).toMatchObject({ spell_price_basis: 'reduced_short_stay_emergency', spell_price: '490.85' });
    expect(outs[1]).toMatchObject({ spell_price_basis: 'non_elective', spell_price: '1535.46' });
  });

  it('picks the financial year by discharge date: 31 March and 1 April use different tables', () => {
    // Prepare: both 3-day emergency stays (within trim 11)
    //          2024/25: £5,794 × 1.0312 = 5,794 + 180.7728 = £5,974.7728 → £5,974.77
    //          2025/26: £5,910 × 1.0312 = 5,910 + 184.392  = £6,094.392  → £6,094.39
    const march = pseudonymisedEpisode({ Admission_Date: '2025-03-28', Discharge_Date: '2025-03-31' });
    const april = pseudonymisedEpisode({ Admission_Date: '2025-03-29', Discharge_Date: '2025-04-01' });

    // Act
    const outs = [mapped(mapper, march), mapped(mapper, april)];

    // Assess
    expect(outs[0]).toMatchObject({ spell_los_days: '3', spell_tariff_year: '2024/25', spell_price: '5974.77' });
    expect(outs[1]).toMatchObject({ spell_los_days: '3', spell_tariff_year: '2025/26', spell_price: '6094.39' });
  });

  it('applies an MFF of 1 to a provider without one', () => {
    // Prepare: 3-day emergency stay at a provider missing from the MFF table: £5,794 × 1 = £5,794.00
    const row = pseudonymisedEpisode({ Der_Provider_Code: 'ZZZ99', Admission_Date: '2024-05-01', Discharge_Date: '2024-05-04' });

    // Act
    const out = mapped(mapper, row);

    // Assess
    expect(out).toMatchObject({ spell_mff: '1', spell_price: '5794.00' });
  });

  it('marks a spell without a discharge date as open, with no length of stay or year', () => {
    // Prepare
    const row = pseudonymisedEpisode({ Discharge_Date: '' });

    // Act
    const out = mapped(mapper, row);

    // Assess
    expect(out).toMatchObject({ spell_price_status: 'open', spell_los_days: '', spell_tariff_year: '', spell_price: '', spell_price_basis: '' });
  });

  it('marks a discharge before admission as invalid dates', () => {
    // Prepare: 15 May → 13 May is −2 days
    const row = pseudonymisedEpisode({ Admission_Date: '2024-05-15', Discharge_Date: '2024-05-13' });

    // Act
    const out = mapped(mapper, row);

    // Assess
    expect(out).toMatchObject({ spell_price_status: 'invalid_dates', spell_los_days: '-2', spell_price: '' });
  });

  it('keeps an HRG outside the national code list and flags it unknown', () => {
    // Prepare
    const row = pseudonymisedEpisode({ Spell_Core_HRG: 'ZZ99Z' });

    // Act
    const out = mapped(mapper, row);

    // Assess
    expect(out).toMatchObject({ Spell_Core_HRG: 'ZZ99Z', spell_price_status: 'unknown_hrg', spell_price: '' });
  });

  it('flags a spell without an HRG as missing_hrg', () => {
    // Prepare
    const row = pseudonymisedEpisode({ Spell_Core_HRG: '' });

    // Act
    const out = mapped(mapper, row);

    // Assess
    expect(out.spell_price_status).toBe('missing_hrg');
  });

  it('flags a known HRG the price table leaves out (UZ01Z, ungroupable) as unpriced', () => {
    // Prepare
    const row = pseudonymisedEpisode({ Spell_Core_HRG: 'UZ01Z' });

    // Act
    const out = mapped(mapper, row);

    // Assess
    expect(out).toMatchObject({ spell_price_status: 'unpriced', spell_price: '' });
  });

  it('flags a discharge in a year without a price table as no_tariff_year', () => {
    // Prepare: the catalogue has 2024/25 and 2025/26 only
    const row = pseudonymisedEpisode({ Admission_Date: '2023-06-01', Discharge_Date: '2023-06-05' });

    // Act
    const out = mapped(mapper, row);

    // Assess
    expect(out).toMatchObject({ spell_tariff_year: '2023/24', spell_price_status: 'no_tariff_year', spell_price: '' });
  });
});
