import { SeededRandom, Weighted } from './seededRandom';

/**
 * Where in a look-forward window (day 0 to `windowDays`, inclusive) an event falls: on its first day, inside
 * it, on its last day, or on the day just after it. Link stages are most often wrong at the edges, so
 * generators plant the edges on purpose rather than leave them to chance.
 */
export type WindowPlacement = 'firstDay' | 'within' | 'lastDay' | 'dayAfter';

/** Days after the anchor for one draw of `placements`. */
export function daysIntoWindow(random: SeededRandom, placements: readonly Weighted<WindowPlacement>[], windowDays: number): number {
  if (!(Number.isInteger(windowDays) && windowDays >= 2)) throw new Error(`a window must span at least 2 days, got ${windowDays}`);
  switch (random.weighted(placements)) {
    case 'firstDay':
      return 0;
    case 'within':
      return random.int(1, windowDays - 1);
    case 'lastDay':
      return windowDays;
    case 'dayAfter':
      return windowDays + 1;
  }
}
