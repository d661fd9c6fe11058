import { firstPresentMapper } from '../../../../shared/stages/map/mappers/firstPresentMapper';

describe('firstPresentMapper', () => {
  it.each([
    [{ EC_Departure_Date: '2024-05-02', Arrival_Date: '2024-05-01' }, '2024-05-02'],
    [{ EC_Departure_Date: '', Arrival_Date: '2024-05-01' }, '2024-05-01'],
    [{ Arrival_Date: '2024-05-01' }, '2024-05-01'],
    [{ EC_Departure_Date: '', Arrival_Date: '' }, ''],
  ])('takes the first non-empty of %j', (row: Record<string, string>, expected) => {
    // Prepare
    const mapper = firstPresentMapper(['EC_Departure_Date', 'Arrival_Date'], 'attendance_end_date');

    // Act
    mapper.map(row);

    // Assess
    expect(row.attendance_end_date).toBe(expected);
    expect(mapper.outputColumns).toEqual(['attendance_end_date']);
  });
});
