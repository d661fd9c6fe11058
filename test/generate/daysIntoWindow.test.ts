import { daysIntoWindow } from '../../shared/generate/daysIntoWindow';
import { createSeededRandom } from '../../shared/generate/seededRandom';

describe('daysIntoWindow', () => {
  it('puts each placement where it says: day 0, inside, the last day or the day after', () => {
    // Prepare
    const random = createSeededRandom(5);
    const only = (value: 'firstDay' | 'within' | 'lastDay' | 'dayAfter') => [{ value, weight: 1 }];

    // Act
    const within = Array.from({ length: 500 }, () => daysIntoWindow(random, only('within'), 7));

    // Assess
    expect(daysIntoWindow(random, only('firstDay'), 30)).toBe(0);
    expect(daysIntoWindow(random, only('lastDay'), 30)).toBe(30);
    expect(daysIntoWindow(random, only('dayAfter'), 30)).toBe(31);
    expect(new Set(within)).toEqual(new Set([1, 2, 3, 4, 5, 6]));
  });

  it('refuses a window too short to have an inside', () => {
    // Act
    const tooShort = () => daysIntoWindow(createSeededRandom(1), [{ value: 'within', weight: 1 }], 1);

    // Assess
    expect(tooShort).toThrow(/at least 2 days/);
  });
});
