const kinds: [RegExp, string][] = [
  [/^IF\s+SCHEMA_ID\b/i, 'CREATE SCHEMA'],
  [/^IF\s+OBJECT_ID\b[^;]*\bIS\s+NOT\s+NULL\s+DROP\s+TABLE\b/i, 'DROP TABLE'],
  [/^IF\s+OBJECT_ID\b[^;]*\bIS\s+NOT\s+NULL\s+DROP\s+VIEW\b/i, 'DROP VIEW'],
  [/^IF\s+OBJECT_ID\b[^;]*\bIS\s+NULL\s+CREATE\s+TABLE\b/i, 'CREATE TABLE'],
  [/^IF\s+OBJECT_ID\b[^;]*\bIS\s+NULL\s+EXEC\s*\(\s*N?'CREATE\s+VIEW\b/i, 'CREATE VIEW'],
  [/^IF\s+NOT\s+EXISTS\s*\(\s*SELECT\s+1\s+FROM\s+sys\.stats\b/i, 'CREATE STATISTICS'],
  [/^IF\s+NOT\s+EXISTS\b[\s\S]*\bINSERT\s+INTO\b/i, 'INSERT'],
  [/^CREATE\s+TABLE\b[\s\S]*\bAS\s+SELECT\b/i, 'CREATE TABLE AS SELECT'],
  [/^CREATE\s+VIEW\b/i, 'CREATE VIEW'],
  [/^ALTER\s+VIEW\b/i, 'ALTER VIEW'],
  [/^COPY\s+INTO\b/i, 'COPY INTO'],
  [/^MERGE\b/i, 'MERGE'],
  [/^INSERT\b/i, 'INSERT'],
  [/^DELETE\b/i, 'DELETE'],
  [/^UPDATE\s+STATISTICS\b/i, 'UPDATE STATISTICS'],
  [/^ALTER\s+TABLE\b/i, 'ALTER TABLE'],
  [/^(SELECT|WITH)\b/i, 'SELECT'],
  [/^BEGIN\s+TRAN(SACTION)?\b/i, 'BEGIN TRANSACTION'],
  [/^COMMIT\b/i, 'COMMIT'],
  [/^ROLLBACK\b/i, 'ROLLBACK'],
];

/**
 * The kind of a statement the warehouse sends (COPY INTO, MERGE, INSERT...), for error messages that say what
 * failed without quoting SQL or data, and for tests that check the order of a load's statements.
 */
export function statementKind(sql: string): string {
  const body = sql.replace(/^(\s+|--[^\n]*\n?|\/\*[\s\S]*?\*\/)*/, '');
  for (const [pattern, kind] of kinds) if (pattern.test(body)) return kind;
  return (/^\w+/.exec(body)?.[0] ?? 'SQL').toUpperCase();
}
