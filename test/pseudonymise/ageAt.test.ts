import { ageAt } from '../../shared/pseudonymise/ageAt';

describe('ageAt', () => {
  it.each([
    ['the day before the birthday', '1950-06-15', '2024-06-14', 73],
    ['on the birthday', '1950-06-15', '2024-06-15', 74],
    ['the day after the birthday', '1950-06-15', '2024-06-16', 74],
    ['the day of birth', '2024-01-15', '2024-01-15', 0],
    ['the last day of the first year', '2023-01-15', '2024-01-14', 0],
    ['a birthday on 31 December, seen on 1 January', '1990-12-31', '2024-01-01', 33],
  ])('counts completed years %s', (_case, birth, event, expected) => {
    // Prepare: birth and event are ISO dates as they arrive in the extract

    // Act
    const age = ageAt(birth, event);

    // Assess
    expect(age).toBe(expected);
  });

  it.each([
    ['28 February of a common year: not yet', '2001-02-28', 0],
    ['1 March of a common year: the birthday has passed', '2001-03-01', 1],
    ['28 February 2003', '2003-02-28', 2],
    ['29 February of the next leap year', '2004-02-29', 4],
    ['28 February of the next leap year', '2004-02-28', 3],
  ])('treats a 29 February birthday as falling on 1 March in common years: %s', (_case, event, expected) => {
    // Prepare
    const birth = '2000-02-29';

    // Act
    const age = ageAt(birth, event);

    // Assess
    expect(age).toBe(expected);
  });

  it.each([
    ['the day before birth', '2024-01-15', '2024-01-14'],
    ['a year before birth', '2024-01-15', '2023-01-15'],
    ['the previous December', '2024-01-15', '2023-12-31'],
  ])('gives no age when the event is before birth (%s)', (_case, birth, event) => {
    // Prepare: reversed dates are a data quality problem, not a negative age

    // Act
    const age = ageAt(birth, event);

    // Assess
    expect(age).toBeUndefined();
  });

  it.each([
    ['no birth date', undefined, '2024-01-15'],
    ['an empty birth date', '', '2024-01-15'],
    ['no event date', '1950-06-15', undefined],
    ['a birth date that is not ISO', '15/06/1950', '2024-01-15'],
    ['a birth date without leading zeros', '1950-6-15', '2024-01-15'],
    ['text of the right length', 'not a date', '2024-01-15'],
  ])('gives no age for %s', (_case, birth, event) => {
    // Prepare

    // Act
    const age = ageAt(birth, event);

    // Assess
    expect(age).toBeUndefined();
  });
});
