import { ageBandOf } from '../../shared/reference/ageBands';

describe('ageBandOf', () => {
  it.each([
    [0, '0-4'],
    [4, '0-4'],
    [5, '5-9'],
    [17, '15-17'],
    [18, '18-24'],
    [84, '75-84'],
    [85, '85+'],
    [120, '85+'],
  ])('puts age %i in band %s (reference/demographics/age-bands.csv)', (age, expected) => {
    // Prepare: bands are inclusive at both ends

    // Act
    const band = ageBandOf(age);

    // Assess
    expect(band).toBe(expected);
  });

  it('gives an empty band when the age is unknown', () => {
    // Prepare
    const age: number | undefined = undefined;

    // Act
    const band = ageBandOf(age);

    // Assess
    expect(band).toBe('');
  });

  it('gives an empty band for an age outside every band', () => {
    // Prepare: the last band ends at 150

    // Act
    const bands = [ageBandOf(-1), ageBandOf(151)];

    // Assess
    expect(bands).toEqual(['', '']);
  });
});
