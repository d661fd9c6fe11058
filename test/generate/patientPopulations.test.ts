import { dayNumber } from '../../shared/generate/calendarDays';
import { createPatientPool } from '../../shared/generate/patientPool';
import { norfolkAndWaveneyDistricts, patientPopulations } from '../../shared/generate/patientPopulations';

const norfolkAndWaveney = /^(NR([1-9]|[12][0-9]|3[0-5])|PE3[0-8]|IP2[0-2]|IP2[4-6]) [1-9][ABDEFGHJLNPQRSTUWXYZ]{2}$/;

describe('patientPopulations', () => {
  const referenceDay = dayNumber(2024, 4, 1);

  it('draws a Norfolk and Waveney pool with postcodes such as NR1 3SR, NR31 6LA and PE30 4ET', () => {
    // Prepare
    const { seedStream, postcodeDistricts } = patientPopulations['norfolk-waveney'];

    // Act
    const { patients } = createPatientPool({ size: 3_000, seed: 7, referenceDay, postcodeDistricts });
    const districts = new Set(patients.map((patient) => patient.postcode.split(' ')[0]));

    // Assess
    expect(seedStream).not.toBe(patientPopulations['birmingham-solihull'].seedStream);
    for (const example of ['NR1 3SR', 'NR31 6LA', 'PE30 4ET']) expect(example).toMatch(norfolkAndWaveney);
    expect(patients.every((patient) => norfolkAndWaveney.test(patient.postcode))).toBe(true);
    expect(districts).toEqual(new Set(norfolkAndWaveneyDistricts));
  });

  it('keeps the Birmingham pool exactly as it was when no districts are given', () => {
    // Prepare
    const options = { size: 500, seed: 3, referenceDay };

    // Act
    const unnamed = createPatientPool(options);
    const named = createPatientPool({ ...options, postcodeDistricts: patientPopulations['birmingham-solihull'].postcodeDistricts });

    // Assess
    expect(named).toEqual(unnamed);
    expect(unnamed.patients.every((patient) => patient.postcode.startsWith('B'))).toBe(true);
  });
});
