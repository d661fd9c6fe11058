/** A day something happened to a pooled patient, with a small number saying where (a provider index, say). */
export interface PatientDay {
  day: number;
  tag: number;
}

/**
 * Days of one kind of event (A&E departures home, A&E attendances ending in admission…) by pooled patient,
 * kept as linked lists in typed columns: about 12 bytes an event and 4 a patient, so a run of a million
 * attendances keeps a few MiB, never the rows. The per-patient heads are only allocated on first use, so
 * pools whose flows never record these events pay nothing.
 */
export class PatientDayLedger {
  private first: Int32Array | undefined;
  private next: Int32Array = new Int32Array(1024);
  private days: Int32Array = new Int32Array(1024);
  private tags: Int32Array = new Int32Array(1024);
  private count = 0;

  constructor(readonly poolSize: number) {}

  record(patientIndex: number, day: number, tag = 0): void {
    if (!(Number.isInteger(patientIndex) && patientIndex >= 0 && patientIndex < this.poolSize)) {
      throw new Error(`patient index ${patientIndex} is outside a pool of ${this.poolSize}`);
    }
    const first = (this.first ??= new Int32Array(this.poolSize).fill(-1));
    if (this.count === this.days.length) this.grow();
    this.next[this.count] = first[patientIndex];
    this.days[this.count] = day;
    this.tags[this.count] = tag;
    first[patientIndex] = this.count;
    this.count++;
  }

  /** The patient's events, earliest first (in recording order on the same day). */
  of(patientIndex: number): PatientDay[] {
    const found: PatientDay[] = [];
    if (!this.first) return found;
    for (let at = this.first[patientIndex]; at >= 0; at = this.next[at]) found.push({ day: this.days[at], tag: this.tags[at] });
    // The list runs newest first; reversing keeps same-day events in recording order under the stable sort.
    return found.reverse().sort((a, b) => a.day - b.day);
  }

  get size(): number {
    return this.count;
  }

  private grow(): void {
    const capacity = this.days.length * 2;
    const widen = (column: Int32Array): Int32Array => {
      const wider = new Int32Array(capacity);
      wider.set(column);
      return wider;
    };
    this.next = widen(this.next);
    this.days = widen(this.days);
    this.tags = widen(this.tags);
  }
}
