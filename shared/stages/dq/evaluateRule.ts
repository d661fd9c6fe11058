import { DqRuleDefinition } from '../../definitions/definitionTypes';
import { RuleResult, RuleStatus } from '../../dq/dqReport';
import { StandardColumns } from '../../flows/standardColumns';
import { quoteIdentifier as q } from '../../warehouse/duckdbTypes';
import { SqlParameters, Warehouse } from '../../warehouse/warehouse.port';
import { TableModel } from '../../warehouse/warehouseModel';

/** Sample references per rule: enough to find the rows, few enough to keep the report readable. */
const samplesPerRule = 5;

export interface RuleScope {
  schema: string;
  table: TableModel;
  flow: string;
  /** Restricts the rule to one extract's rows; absent for product-wide rules. */
  extractId?: string;
  /** Values a rule may use as $name (for example the extract's coverage months). */
  parameters?: SqlParameters;
}

/**
 * Runs one rule as portable SQL over the warehouse: a row fails when `passes` is not true (NULL fails).
 * Samples carry the business key and source line only, never identifiers.
 */
export async function evaluateRule(warehouse: Warehouse, rule: DqRuleDefinition, scope: RuleScope): Promise<RuleResult> {
  const source = `${q(scope.schema)}.${q(scope.table.name)}`;
  const passes = rule.passes.replace(/\{\{\s*schema\s*\}\}/g, q(scope.schema));
  const applies = rule.appliesTo?.replace(/\{\{\s*schema\s*\}\}/g, q(scope.schema));
  const conditions = [scope.extractId ? `${q(StandardColumns.extractId)} = $extract` : '1 = 1', applies ? `(${applies})` : '1 = 1'];
  const failing = `CASE WHEN (${passes}) THEN 0 ELSE 1 END`;
  const parameters = usedParameters(`${passes} ${applies ?? ''}`, { ...(scope.parameters ?? {}), ...(scope.extractId ? { extract: scope.extractId } : {}) });
  const [counts] = await warehouse.query(
    `SELECT count(*) AS checked, COALESCE(sum(${failing}), 0) AS failing FROM ${source} WHERE ${conditions.join(' AND ')}`,
    parameters,
  );
  const keyList = scope.table.key.map(q).join(', ');
  const samples = await warehouse.query(
    `SELECT ${keyList}, ${q(StandardColumns.sourceLine)} FROM (
       SELECT ${keyList}, ${q(StandardColumns.sourceLine)}, row_number() OVER (ORDER BY ${q(StandardColumns.sourceLine)}, ${keyList}) AS sample_rank
       FROM ${source} WHERE ${conditions.join(' AND ')} AND ${failing} = 1) ranked
     WHERE sample_rank <= ${samplesPerRule} ORDER BY sample_rank`,
    parameters,
  );
  const rowsChecked = Number(counts?.checked ?? 0);
  const rowsFailing = Number(counts?.failing ?? 0);
  const failRate = rowsChecked === 0 ? 0 : rowsFailing / rowsChecked;
  return {
    ruleId: rule.id,
    description: rule.description,
    flow: scope.flow,
    severity: rule.severity,
    threshold: rule.threshold,
    rowsChecked,
    rowsFailing,
    failRate,
    status: statusOf(rule, rowsFailing, failRate),
    samples: samples.map((row) => ({
      businessKey: scope.table.key.map((key) => String(row[key] ?? '')).join('|'),
      sourceLine: Number(row[StandardColumns.sourceLine] ?? 0),
    })),
  };
}

/** DuckDB refuses parameters a statement does not use, so only those named in the SQL are bound. */
function usedParameters(ruleSql: string, available: SqlParameters): SqlParameters {
  const used: SqlParameters = {};
  for (const [name, value] of Object.entries(available)) if (name === 'extract' || ruleSql.includes(`$${name}`)) used[name] = value;
  return used;
}

function statusOf(rule: DqRuleDefinition, rowsFailing: number, failRate: number): RuleStatus {
  const { maxFailRate, maxFailCount } = rule.threshold;
  const breached = (maxFailRate !== undefined && failRate > maxFailRate) || (maxFailCount !== undefined && rowsFailing > maxFailCount) || (maxFailRate === undefined && maxFailCount === undefined && rowsFailing > 0);
  return breached ? rule.severity : 'pass';
}
