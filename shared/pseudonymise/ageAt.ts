/** Completed years between an ISO birth date and an ISO event date; undefined when either is missing or reversed. */
export function ageAt(birthDate: string | undefined, eventDate: string | undefined): number | undefined {
  if (!birthDate || !eventDate || birthDate.length !== 10 || eventDate.length !== 10) return undefined;
  const birthYear = Number(birthDate.slice(0, 4));
  const eventYear = Number(eventDate.slice(0, 4));
  // Comparing MM-DD strings handles 29 February birthdays the way the NHS does: the birthday falls on 1 March.
  let age = eventYear - birthYear;
  if (eventDate.slice(5) < birthDate.slice(5)) age -= 1;
  if (!Number.isFinite(age) || age < 0) return undefined;
  return age;
}
