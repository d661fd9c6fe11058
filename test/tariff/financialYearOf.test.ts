import { financialYearOf } from '../../shared/tariff/financialYearOf';

describe('financialYearOf', () => {
  it.each([
    ['2025-03-31', '2024/25'],
    ['2025-04-01', '2025/26'],
    ['2024-04-01', '2024/25'],
    ['2024-12-31', '2024/25'],
    ['2025-01-01', '2024/25'],
    ['2000-03-31', '1999/00'],
    ['2009-06-01', '2009/10'],
  ])('puts %s in %s (April to March)', (date, expected) => {
    // Prepare: date is an ISO date

    // Act
    const year = financialYearOf(date);

    // Assess
    expect(year).toBe(expected);
  });
});
