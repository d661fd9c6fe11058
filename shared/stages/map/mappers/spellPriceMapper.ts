import { SpellPriceFields } from '../../../definitions/definitionTypes';
import { daysBetween } from '../../../flows/daysBetween';
import { Row } from '../../../flows/row';
import { hrgCatalogue } from '../../../reference/hrgCatalogue';
import { financialYearOf } from '../../../tariff/financialYearOf';
import { SpellPriceStatus, spellPrice } from '../../../tariff/spellPrice';
import { tariffYears } from '../../../tariff/tariffCatalogue';
import { RowMapper } from './RowMapper';

/**
 * Prices each spell once: every episode carries the spell's status and basis, only the last episode carries
 * the price, so summing the price column over episodes gives the spell total.
 */
export function spellPriceMapper(fields: SpellPriceFields, as: string): RowMapper {
  const years = tariffYears();
  const hrgs = hrgCatalogue();
  const columns = {
    los: `${as}_los_days`,
    price: `${as}_price`,
    basis: `${as}_price_basis`,
    status: `${as}_price_status`,
    excess: `${as}_excess_bed_days`,
    year: `${as}_tariff_year`,
    mff: `${as}_mff`,
  };
  return {
    outputColumns: Object.values(columns),
    map(row: Row): void {
      const los = daysBetween(row[fields.admissionDate], row[fields.dischargeDate]);
      const hrg = row[fields.hrg] ?? '';
      const discharge = row[fields.dischargeDate] ?? '';
      const year = discharge ? financialYearOf(discharge) : '';
      row[columns.los] = los === undefined ? '' : String(los);
      row[columns.year] = year;
      row[columns.price] = '';
      row[columns.basis] = '';
      row[columns.excess] = '';
      row[columns.mff] = '';
      const setStatus = (status: SpellPriceStatus) => (row[columns.status] = status);
      if (los === undefined) return void setStatus('open');
      if (los < 0) return void setStatus('invalid_dates');
      if (!hrg) return void setStatus('missing_hrg');
      if (!hrgs.has(hrg)) return void setStatus('unknown_hrg');
      const tariffYear = years.get(year);
      if (!tariffYear) return void setStatus('no_tariff_year');
      const tariff = tariffYear.prices.get(hrg);
      if (!tariff) return void setStatus('unpriced');
      const age = row.age_at_event === '' || row.age_at_event === undefined ? undefined : Number(row.age_at_event);
      const pricing = spellPrice(
        { lengthOfStayDays: los, admissionMethod: row[fields.admissionMethod], patientClassification: row[fields.patientClassification], ageAtAdmission: age },
        tariff,
      );
      setStatus(pricing.status);
      row[columns.basis] = pricing.basis;
      row[columns.excess] = String(pricing.excessBedDays);
      if (pricing.price === undefined) return;
      const mff = tariffYear.marketForcesFactors.get(row[fields.provider]) ?? 1;
      row[columns.mff] = String(mff);
      if (row[fields.lastEpisodeFlag] === fields.lastEpisodeValue) row[columns.price] = (Math.round(pricing.price * mff * 100) / 100).toFixed(2);
    },
  };
}
