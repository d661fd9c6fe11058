import { DefinitionRegistry } from '../../../shared/definitions/DefinitionRegistry';
import { buildWarehouseModel } from '../../../shared/warehouse/buildWarehouseModel';

/**
 * Constructs one of the two warehouses accepts and the other rejects or reads differently. Views and DQ rules are
 * run as written on DuckDB locally and on Synapse in Azure, so none of these may appear in them.
 */
const unportable: [RegExp, string][] = [
  [/::/, 'DuckDB cast shorthand (use CAST)'],
  [/\bQUALIFY\b/i, 'QUALIFY (DuckDB only; use a ranked subquery)'],
  [/\bI?LIKE\b[^\n]*\bESCAPE\b|\bILIKE\b/i, 'ILIKE (DuckDB only)'],
  [/\b(strftime|strptime|date_trunc|date_diff|datediff|dateadd|date_part|datepart|format|eomonth|last_day)\s*\(/i, 'a dialect date function'],
  [/\bINTERVAL\b/i, 'INTERVAL arithmetic (DuckDB only)'],
  [/\bEXTRACT\s*\(/i, 'EXTRACT (not in T-SQL)'],
  [/\bLIMIT\b|\bTOP\b/i, 'LIMIT / TOP'],
  [/\b(TRUE|FALSE)\b/i, 'boolean literals (T-SQL has none; compare flags with 1 / 0)'],
  [/\bIS\s+(NOT\s+)?DISTINCT\s+FROM\b/i, 'IS DISTINCT FROM (not in Synapse dedicated pools)'],
  [/\|\|/, 'string concatenation with || (T-SQL uses +)'],
  [/\bFILTER\s*\(\s*WHERE\b/i, 'aggregate FILTER (use CASE inside the aggregate)'],
  [/\b(GREATEST|LEAST|IIF|ISNULL|IFNULL|NVL|SUBSTR|LEN|LENGTH|CONCAT_WS|STRING_AGG|LIST|ARRAY_AGG)\s*\(/i, 'a function only one dialect has (or has with other arguments)'],
  [/\bJOIN\b[^\n]*\bUSING\s*\(|\bNATURAL\s+JOIN\b/i, 'JOIN USING / NATURAL JOIN (not in T-SQL)'],
  [/\b(GETDATE|SYSDATETIME|CURRENT_DATE|NOW)\b/i, 'the current date (differs by dialect; pass it as a parameter)'],
];

/** SQL with comments and string literals blanked, so only the SQL itself is checked. */
function codeOf(sql: string): string {
  return sql
    .replace(/--[^\n]*/g, '')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/'(?:[^']|'')*'/g, "''");
}

function problemsIn(sql: string): string[] {
  const code = codeOf(sql);
  return unportable.filter(([pattern]) => pattern.test(code)).map(([, why]) => why);
}

describe('views and DQ rules stay in the SQL DuckDB and Synapse share', () => {
  const registry = DefinitionRegistry.load();
  const model = buildWarehouseModel(registry);

  it.each(model.views.map((view) => [view.name, view.sql]))('view %s uses no dialect-only construct', (_name, sql) => {
    // Prepare / Act
    const problems = problemsIn(sql);

    // Assess
    expect(problems).toEqual([]);
  });

  it.each(model.views.map((view) => [view.name, view.sql]))('view %s has no ORDER BY outside a window (T-SQL views may not order rows)', (_name, sql) => {
    // Prepare: window clauses (OVER (... ORDER BY ...)) are allowed
    const withoutWindows = codeOf(sql).replace(/OVER\s*\(([^()]|\([^()]*\))*\)/gi, 'OVER ()');

    // Act / Assess
    expect(/\bORDER\s+BY\b/i.test(withoutWindows)).toBe(false);
  });

  const rules = [
    ...registry.flows().flatMap((flow) => flow.dqRules.map((rule) => [`${flow.id} ${rule.id}`, `${rule.passes} ${rule.appliesTo ?? ''}`])),
    ...registry.products().flatMap((product) => product.dqRules.map((rule) => [`${product.id} ${rule.id}`, `${rule.passes} ${rule.appliesTo ?? ''}`])),
  ];

  it.each(rules)('DQ rule %s uses no dialect-only construct', (_rule, sql) => {
    // Prepare / Act
    const problems = problemsIn(sql);

    // Assess
    expect(problems).toEqual([]);
  });

  it('catches the constructs it is meant to catch', () => {
    // Prepare
    const samples = ["period::date", "strftime(d, '%Y-%m')", 'a IS DISTINCT FROM b', "x || 'y'", 'flag = TRUE', 'count(*) FILTER (WHERE x)', 'SELECT 1 LIMIT 5'];

    // Act / Assess
    for (const sample of samples) expect(problemsIn(sample)).not.toEqual([]);
    expect(problemsIn("SUBSTRING(departure_time, 1, 5) >= SUBSTRING(arrival_time, 1, 5) AND note = 'TRUE'")).toEqual([]);
  });
});
