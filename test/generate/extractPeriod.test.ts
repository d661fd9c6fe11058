import { dayNumber, isoDate } from '../../shared/generate/calendarDays';
import { extractPeriod, monthIndexInPeriod, monthStartDay } from '../../shared/generate/extractPeriod';

describe('calendar days', () => {
  it('counts days from 1970-01-01 and formats them back as ISO dates', () => {
    // Prepare: 2024 is a leap year; 2000-03-01 is 11,017 days after the epoch
    const dates: [number, number, number, string][] = [
      [1970, 1, 1, '1970-01-01'],
      [2024, 2, 29, '2024-02-29'],
      [2000, 3, 1, '2000-03-01'],
      [1932, 12, 31, '1932-12-31'],
    ];

    // Act
    const days = dates.map(([year, month, day]) => dayNumber(year, month, day));

    // Assess
    expect(days[0]).toBe(0);
    expect(days[2]).toBe(11_017);
    expect(days.map(isoDate)).toEqual(dates.map(([, , , iso]) => iso));
    expect(isoDate(days[1] + 1)).toBe('2024-03-01');
  });
});

describe('extractPeriod', () => {
  it('covers whole months and dates the extract the 15th of the following month', () => {
    // Prepare
    const startMonth = '2024-04';

    // Act
    const period = extractPeriod(startMonth, 12);

    // Assess
    expect(period.endMonth).toBe('2025-03');
    expect(isoDate(period.firstDay)).toBe('2024-04-01');
    expect(isoDate(period.lastDay)).toBe('2025-03-31');
    expect(period.extractDate).toBe('20250415');
  });

  it('rolls a December end into January of the next year', () => {
    // Prepare
    const startMonth = '2024-11';

    // Act
    const period = extractPeriod(startMonth, 2);

    // Assess
    expect(period.endMonth).toBe('2024-12');
    expect(isoDate(period.lastDay)).toBe('2024-12-31');
    expect(period.extractDate).toBe('20250115');
  });

  it('rejects malformed months', () => {
    // Prepare
    const attempts = [() => extractPeriod('2024-13', 1), () => extractPeriod('202404', 1), () => extractPeriod('2024-04', 0)];

    // Act / Assess
    for (const attempt of attempts) expect(attempt).toThrow();
  });
});

describe('monthStartDay and monthIndexInPeriod', () => {
  it('find the first day of any month counted from the period start, and the month holding a day, across a year end', () => {
    // Prepare
    const period = extractPeriod('2024-11', 3);

    // Act
    const starts = [-1, 0, 2, 3].map((index) => isoDate(monthStartDay(period, index)));
    const indexes = [dayNumber(2024, 10, 31), dayNumber(2024, 11, 1), dayNumber(2025, 1, 31), dayNumber(2025, 2, 1)].map((day) => monthIndexInPeriod(period, day));

    // Assess
    expect(starts).toEqual(['2024-10-01', '2024-11-01', '2025-01-01', '2025-02-01']);
    expect(indexes).toEqual([-1, 0, 2, 3]);
  });
});
