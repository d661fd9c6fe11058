import { PatientDayLedger } from '../../shared/generate/patientDayLedger';

describe('PatientDayLedger', () => {
  it('returns each patient their own days, earliest first, with their tags', () => {
    // Prepare
    const ledger = new PatientDayLedger(3);

    // Act
    ledger.record(1, 200, 2);
    ledger.record(2, 150);
    ledger.record(1, 100, 1);
    ledger.record(1, 200, 0);

    // Assess
    expect(ledger.of(0)).toEqual([]);
    expect(ledger.of(1)).toEqual([
      { day: 100, tag: 1 },
      { day: 200, tag: 2 },
      { day: 200, tag: 0 },
    ]);
    expect(ledger.of(2)).toEqual([{ day: 150, tag: 0 }]);
    expect(ledger.size).toBe(4);
  });

  it('grows past its first block without losing a day', () => {
    // Prepare
    const ledger = new PatientDayLedger(10);

    // Act
    for (let i = 0; i < 5_000; i++) ledger.record(i % 10, 20_000 + i, i % 3);

    // Assess
    expect(ledger.size).toBe(5_000);
    expect(ledger.of(7)).toHaveLength(500);
    expect(ledger.of(7)[0]).toEqual({ day: 20_007, tag: 7 % 3 });
    expect(ledger.of(7)[499]).toEqual({ day: 24_997, tag: 4_997 % 3 });
  });

  it('refuses a patient outside the pool', () => {
    // Prepare
    const ledger = new PatientDayLedger(2);

    // Act
    const outside = () => ledger.record(2, 100);

    // Assess
    expect(outside).toThrow(/patient index 2 is outside a pool of 2/);
  });
});
