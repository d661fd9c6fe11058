import { translateParameters, typedParameterOf } from '../../../shared/warehouse/synapse/translateParameters';

describe('translateParameters', () => {
  it('turns each $name the SQL uses into @name, binding it once however often it appears', () => {
    // Prepare
    const sql = 'SELECT * FROM t WHERE a = $from AND b <= $from AND c = $bucket';

    // Act
    const translated = translateParameters(sql, { from: '2024-04-01', bucket: 2, unused: 'x' });

    // Assess
    expect(translated.sql).toBe('SELECT * FROM t WHERE a = @from AND b <= @from AND c = @bucket');
    expect(translated.parameters).toEqual([
      { name: 'from', type: 'NVarChar', value: '2024-04-01' },
      { name: 'bucket', type: 'Int', value: 2 },
    ]);
  });

  it("leaves $ alone inside string literals, quoted identifiers and comments, and money-like $5", () => {
    // Prepare
    const sql = `SELECT '$a', 'it''s $a', "$a", [$a], $5 -- $a\n/* $a */ FROM t WHERE x = $a`;

    // Act
    const translated = translateParameters(sql, { a: 'value' });

    // Assess
    expect(translated.sql).toBe(`SELECT '$a', 'it''s $a', "$a", [$a], $5 -- $a\n/* $a */ FROM t WHERE x = @a`);
    expect(translated.parameters).toHaveLength(1);
  });

  it('names a parameter the SQL uses but the caller did not give', () => {
    // Prepare / Act / Assess
    expect(() => translateParameters('SELECT 1 WHERE x = $snapshot_date', {})).toThrow('the query uses parameter $snapshot_date, which was not given');
  });

  it.each([
    ['text', 'abc', { type: 'NVarChar', value: 'abc' }],
    ['an ISO date (still text: the SQL casts it)', '2024-04-01', { type: 'NVarChar', value: '2024-04-01' }],
    ['null', null, { type: 'NVarChar', value: null }],
    ['a small integer', 7, { type: 'Int', value: 7 }],
    ['an integer beyond INT', 2 ** 40, { type: 'BigInt', value: 2 ** 40 }],
    ['a negative integer at the INT edge', -(2 ** 31), { type: 'Int', value: -(2 ** 31) }],
    ['a decimal', 12.345, { type: 'Decimal', value: 12.345, precision: 38, scale: 3 }],
    ['a tiny number printed in exponent form', 1e-9, { type: 'Float', value: 1e-9 }],
    ['true', true, { type: 'Bit', value: true }],
    ['false', false, { type: 'Bit', value: false }],
  ])('binds %s as its T-SQL type', (_what, value, expected) => {
    // Prepare / Act
    const parameter = typedParameterOf('p', value as string | number | boolean | null);

    // Assess
    expect(parameter).toEqual({ name: 'p', ...expected });
  });

  it('refuses a number that is not finite', () => {
    // Prepare / Act / Assess
    expect(() => typedParameterOf('p', Number.NaN)).toThrow('parameter $p is not a finite number');
  });
});
