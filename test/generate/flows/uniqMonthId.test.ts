import { dayNumber } from '../../../shared/generate/calendarDays';
import { uniqMonthId } from '../../../shared/generate/flows/uniqMonthId';

describe('uniqMonthId', () => {
  it('counts MHSDS months from 1417 = April 2018, whatever the day of the month', () => {
    // Prepare
    const days = [dayNumber(2018, 4, 1), dayNumber(2018, 4, 30), dayNumber(2019, 3, 31), dayNumber(2024, 4, 15), dayNumber(2025, 3, 31)];

    // Act
    const ids = days.map(uniqMonthId);

    // Assess
    expect(ids).toEqual([1417, 1417, 1428, 1489, 1500]);
  });
});
