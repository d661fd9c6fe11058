import { civilDate, twoDigits } from './calendarDays';
import { SeededRandom } from './seededRandom';

/** Dates no parser can read as a real day, in the shapes mistyped extracts carry, near the day they replace. */
export function impossibleDate(random: SeededRandom, day: number): string {
  const { year, month, day: dayOfMonth } = civilDate(day);
  return random.pick([
    `${year}-13-${twoDigits(dayOfMonth)}`,
    `${year}-${twoDigits(month)}-32`,
    `${year}-00-${twoDigits(dayOfMonth)}`,
    `31/02/${year}`,
    `30/02/${year}`,
  ]);
}
