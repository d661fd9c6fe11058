import { SqlParameters } from '../warehouse.port';
import { TypedParameter } from './sql-session.port';

const int32Max = 2 ** 31 - 1;
const int32Min = -(2 ** 31);
/** DECIMAL(38, s): wide enough for any share, threshold or money figure a definition or stage passes. */
const decimalPrecision = 38;
const maxDecimalScale = 18;

/**
 * Turns the portable `$name` parameters stages write into T-SQL `@name` parameters, typed from the JavaScript
 * value. `$` inside string literals, quoted identifiers and comments is left alone. Only parameters the SQL uses
 * are bound, and a parameter the SQL uses but the caller did not give is an error naming it.
 *
 * Strings are always NVARCHAR, even when they look like dates: a date-typed parameter compared with a text column
 * would make SQL Server convert the column, so the portable SQL casts explicitly (`CAST($from AS DATE)`) instead.
 */
export function translateParameters(sql: string, parameters: SqlParameters = {}): { sql: string; parameters: TypedParameter[] } {
  let out = '';
  const used = new Set<string>();
  let index = 0;
  while (index < sql.length) {
    const char = sql[index];
    const next = sql[index + 1];
    if (char === "'" || char === '"' || char === '[') {
      const close = char === '[' ? ']' : char;
      let end = index + 1;
      while (end < sql.length) {
        if (sql[end] === close) {
          if (sql[end + 1] === close) end += 2;
          else break;
        } else end += 1;
      }
      out += sql.slice(index, end + 1);
      index = end + 1;
    } else if (char === '-' && next === '-') {
      const end = sql.indexOf('\n', index);
      const stop = end === -1 ? sql.length : end;
      out += sql.slice(index, stop);
      index = stop;
    } else if (char === '/' && next === '*') {
      const end = sql.indexOf('*/', index + 2);
      const stop = end === -1 ? sql.length : end + 2;
      out += sql.slice(index, stop);
      index = stop;
    } else if (char === '$' && next !== undefined && /[A-Za-z_]/.test(next)) {
      const match = /^[A-Za-z_][A-Za-z0-9_]*/.exec(sql.slice(index + 1));
      const name = match![0];
      if (!(name in parameters)) throw new Error(`the query uses parameter $${name}, which was not given`);
      used.add(name);
      out += `@${name}`;
      index += 1 + name.length;
    } else {
      out += char;
      index += 1;
    }
  }
  return { sql: out, parameters: [...used].map((name) => typedParameterOf(name, parameters[name])) };
}

/** The T-SQL type a JavaScript value binds as. */
export function typedParameterOf(name: string, value: string | number | boolean | null): TypedParameter {
  if (value === null) return { name, type: 'NVarChar', value: null };
  if (typeof value === 'boolean') return { name, type: 'Bit', value };
  if (typeof value === 'string') return { name, type: 'NVarChar', value };
  if (!Number.isFinite(value)) throw new Error(`parameter $${name} is not a finite number`);
  if (Number.isInteger(value)) return { name, type: value >= int32Min && value <= int32Max ? 'Int' : 'BigInt', value };
  const text = String(value);
  // A value JavaScript prints in exponent form has more digits than DECIMAL can hold exactly: bind it as FLOAT.
  if (/e/i.test(text)) return { name, type: 'Float', value };
  const scale = Math.min(text.split('.')[1]?.length ?? 0, maxDecimalScale);
  return { name, type: 'Decimal', value, precision: decimalPrecision, scale };
}
