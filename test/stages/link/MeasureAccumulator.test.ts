import { MeasureAccumulator, measureColumns } from '../../../shared/stages/link/MeasureAccumulator';

describe('MeasureAccumulator', () => {
  const measures = [
    { name: 'any', fn: 'exists' as const },
    { name: 'rows', fn: 'count' as const },
    { name: 'priced', fn: 'countNonNull' as const, column: 'price' },
    { name: 'total', fn: 'sum' as const, column: 'price' },
    { name: 'ct_tests', fn: 'count' as const, filter: { column: 'modality', in: ['CT'] } },
  ];

  it('adds up rows by measure, counting filtered measures only on matching rows', () => {
    // Prepare
    const accumulator = new MeasureAccumulator(measures);

    // Act
    accumulator.add({ price: 10.5, modality: 'CT' });
    accumulator.add({ price: null, modality: 'MRI' });
    accumulator.add({ price: 0.25, modality: 'CT' });
    const row: Record<string, string> = {};
    accumulator.write(row);

    // Assess
    expect(row).toEqual({ any: 'true', rows: '3', priced: '2', total: '10.75', ct_tests: '2' });
  });

  it('writes false and zeros when nothing matched', () => {
    const row: Record<string, string> = {};
    new MeasureAccumulator(measures).write(row);
    expect(row).toEqual({ any: 'false', rows: '0', priced: '0', total: '0', ct_tests: '0' });
  });

  it('names the columns the measures and their filters read', () => {
    expect(measureColumns(measures)).toEqual(['price', 'modality']);
  });
});
