import { DefinitionRegistry } from '../../../shared/definitions/DefinitionRegistry';
import { PipelineError } from '../../../shared/errors/pipelineError';
import { buildWarehouseModel } from '../../../shared/warehouse/buildWarehouseModel';
import { SynapseStatementError } from '../../../shared/warehouse/synapse/errors';
import { RecordingSqlSession } from '../../../shared/warehouse/synapse/RecordingSqlSession';
import { renderSynapseDdl, stagingColumns } from '../../../shared/warehouse/synapse/renderSynapseDdl';
import { SynapseWarehouse } from '../../../shared/warehouse/synapse/SynapseWarehouse';
import { FactLoadRequest, LinkedLoadRequest } from '../../../shared/warehouse/warehouse.port';
import { TableModel, WarehouseModel, tableOf } from '../../../shared/warehouse/warehouseModel';
import { accountUrl, csvBlobStore, driverError, recordingRetryPolicy, sqlServerError } from './synapseTestSupport';

const factPath = 'careflow/sus-apc/mapped/0123456789abcdef0123456789abcdef.csv.gz';
const linkedPath = 'careflow/linked/spell_links/period=2024-04/bucket=003.csv.gz';

/** The statements of one fact load, in order, when nothing fails (fact_activity has two organisation columns). */
const factLoadKinds = [
  'DROP TABLE',
  'DROP TABLE',
  'CREATE TABLE AS SELECT',
  'COPY INTO',
  'SELECT',
  'CREATE TABLE AS SELECT',
  'SELECT',
  'SELECT',
  'BEGIN TRANSACTION',
  'MERGE',
  'INSERT',
  'INSERT',
  'INSERT',
  'INSERT',
  'COMMIT',
  'UPDATE STATISTICS',
  'DROP TABLE',
  'DROP TABLE',
];

describe('SynapseWarehouse at its SQL boundary', () => {
  let model: WarehouseModel;
  let factActivity: TableModel;
  let spellLinks: TableModel;
  /** The processed file's header: the fact's source columns in reverse order, with one the fact does not use. */
  let header: string[];

  beforeAll(() => {
    model = buildWarehouseModel(DefinitionRegistry.load());
    factActivity = tableOf(model, 'fact_activity');
    spellLinks = tableOf(model, 'link_careflow_spell_links');
    header = ['Unused_Column', ...stagingColumns(factActivity).map((column) => column.from).reverse()];
  });

  function factRequest(overrides: Partial<FactLoadRequest> = {}): FactLoadRequest {
    return {
      table: factActivity,
      source: { zone: 'processed', path: factPath },
      extractId: '0123456789abcdef0123456789abcdef',
      precedence: '20240601000000-0123456789abcdef0123456789abcdef',
      loadBatch: 'fedcba9876543210fedcba9876543210',
      ...overrides,
    };
  }

  /** A session answering the load's counting queries: 5 rows staged, 4 unique keys, two months touched. */
  function loadingSession(): RecordingSqlSession {
    return new RecordingSqlSession()
      .respond(/AS \[rows_staged\]/, [{ rows_staged: 5 }])
      .respond(/AS \[rows_loaded\]/, [{ rows_loaded: 4 }])
      .respond(/AS \[period\]/, [{ period: '2024-05' }, { period: '2024-04' }]);
  }

  function warehouseOver(session: RecordingSqlSession, policy = recordingRetryPolicy()): SynapseWarehouse {
    const blobs = csvBlobStore({ [factPath]: `${header.join(',')}\nrow,values,not,read\n`, [linkedPath]: `${spellLinks.columns.map((column) => column.from).join(',')}\n` });
    return new SynapseWarehouse(session, blobs, policy);
  }

  it('loads one fact batch as COPY INTO staging, typing, MERGE with unseen dimension members and the batch row in one transaction, then statistics', async () => {
    // Prepare
    const session = loadingSession();
    const warehouse = warehouseOver(session);

    // Act
    const result = await warehouse.upsertFacts(factRequest());

    // Assess
    expect(result).toEqual({ rowsStaged: 5, rowsLoaded: 4, duplicateKeyRows: 1, periods: ['2024-04', '2024-05'] });
    expect(session.kinds()).toEqual(factLoadKinds);
    const [copy] = session.statements.filter((statement) => statement.kind === 'COPY INTO');
    expect(copy.sql).toMatch(/^COPY INTO \[stg\]\.\[fact_activity__[0-9a-f]{24}\] \(/);
    expect(copy.sql).toContain(`FROM '${accountUrl}/processed/${factPath}'`);
    for (const option of ["FILE_TYPE = 'CSV'", "CREDENTIAL = (IDENTITY = 'Managed Identity')", "COMPRESSION = 'GZIP'", 'FIRSTROW = 2', `FIELDQUOTE = '"'`, "ROWTERMINATOR = '0x0A'"]) {
      expect(copy.sql).toContain(option);
    }
    // COPY maps by position: each staging column is fed by its source column's place in this file's header.
    expect(copy.sql).toContain(`[apce_ident] ${header.indexOf('APCE_Ident') + 1}`);
    expect(copy.sql).toContain(`[patient_pseudonym] ${header.indexOf('patient_pseudonym') + 1}`);
    expect(copy.sql).not.toMatch(/\[extract_id\]|\[load_batch\]/);

    const typed = session.statements[5].sql;
    expect(typed).toContain('ROW_NUMBER() OVER (PARTITION BY CAST(NULLIF([apce_ident], N\'\') AS NVARCHAR(40)) ORDER BY TRY_CAST(NULLIF([source_line], N\'\') AS BIGINT) DESC)');
    expect(typed).toContain("TRY_CAST(NULLIF([spell_price], N'') AS DECIMAL(18,4))");
    expect(typed).toContain("CAST(N'20240601000000-0123456789abcdef0123456789abcdef' AS NVARCHAR(80)) COLLATE Latin1_General_100_BIN2 AS [extract_precedence]");

    const transaction = session.statements.filter((statement) => statement.inTransaction).map((statement) => statement.sql);
    expect(transaction[1]).toMatch(/^MERGE INTO \[dw\]\.\[fact_activity\] AS t\nUSING \[stg\]\.\[fact_activity__[0-9a-f]{24}_typed\] AS s\nON \(t\.\[apce_ident\] = s\.\[apce_ident\]\)/);
    expect(transaction[1]).toContain('WHEN MATCHED AND s.[extract_precedence] >= t.[extract_precedence] THEN');
    expect(transaction[1]).toContain('WHEN NOT MATCHED BY TARGET THEN');
    expect(transaction[1].endsWith(';')).toBe(true);
    expect(transaction[2]).toMatch(/^INSERT INTO \[dw\]\.\[dim_organisation\] \(\[org_code\]\)\nSELECT DISTINCT s\.\[provider_code\]/);
    expect(transaction[3]).toMatch(/^INSERT INTO \[dw\]\.\[dim_organisation\] \(\[org_code\]\)\nSELECT DISTINCT s\.\[commissioner_code\]/);
    expect(transaction[4]).toMatch(/^INSERT INTO \[dw\]\.\[dim_patient\]/);
    expect(transaction[5]).toMatch(/^IF NOT EXISTS \(SELECT 1 FROM \[dw\]\.\[load_batches\][\s\S]*INSERT INTO \[dw\]\.\[load_batches\]/);
    expect(session.statements.find((statement) => statement.sql.includes('[load_batches]'))!.parameters).toEqual([
      { name: 'load_batch', type: 'NVarChar', value: 'fedcba9876543210fedcba9876543210' },
      { name: 'table_name', type: 'NVarChar', value: 'fact_activity' },
      { name: 'extract_id', type: 'NVarChar', value: '0123456789abcdef0123456789abcdef' },
      { name: 'rows_loaded', type: 'BigInt', value: 4 },
    ]);
    expect(session.statements[15].sql).toBe('UPDATE STATISTICS [dw].[fact_activity];');
  });

  it('merges into a hash-distributed target, as Synapse MERGE requires when it inserts', () => {
    // Prepare / Act
    const ddl = renderSynapseDdl(model).tables.find((table) => table.schema === 'dw' && table.name === 'fact_activity')!;

    // Assess
    expect(ddl.create).toContain('WITH (DISTRIBUTION = HASH([patient_pseudonym]), CLUSTERED COLUMNSTORE INDEX);');
  });

  it('sends the same statements for the same batch twice: idempotent by construction (MERGE with precedence, batch row if absent)', async () => {
    // Prepare
    const session = loadingSession();
    const warehouse = warehouseOver(session);

    // Act
    await warehouse.upsertFacts(factRequest());
    const first = session.statements.map(({ sql, parameters }) => ({ sql, parameters }));
    session.reset();
    await warehouse.upsertFacts(factRequest());

    // Assess
    expect(session.statements.map(({ sql, parameters }) => ({ sql, parameters }))).toEqual(first);
  });

  it('re-runs the whole load, COPY included, after a transient 40613 in the transaction, then succeeds', async () => {
    // Prepare
    const session = loadingSession().fail(/^MERGE/, () => sqlServerError(40613, 'Database is not currently available'));
    const policy = recordingRetryPolicy();
    const warehouse = warehouseOver(session, policy);

    // Act
    const result = await warehouse.upsertFacts(factRequest());

    // Assess
    expect(result.rowsLoaded).toBe(4);
    const kinds = session.kinds();
    const rollback = kinds.indexOf('ROLLBACK');
    expect(kinds.slice(0, rollback + 1)).toEqual([...factLoadKinds.slice(0, 10), 'ROLLBACK']);
    // The failed attempt drops its staging tables, then the retry starts from the top.
    expect(kinds.slice(rollback + 1)).toEqual(['DROP TABLE', 'DROP TABLE', ...factLoadKinds]);
    expect(kinds.filter((kind) => kind === 'COPY INTO')).toHaveLength(2);
    expect(kinds.filter((kind) => kind === 'COMMIT')).toHaveLength(1);
    expect(policy.waits).toEqual([6_250]);
  });

  it('does not retry a constraint violation (2627) and reports it by statement and table, never with the server text', async () => {
    // Prepare
    const session = loadingSession().fail(/^MERGE/, () => sqlServerError(2627, "Violation of PRIMARY KEY constraint. The duplicate key value is (pseudonym-abc)."));
    const policy = recordingRetryPolicy();
    const warehouse = warehouseOver(session, policy);

    // Act
    const failure = await warehouse.upsertFacts(factRequest()).catch((error: unknown) => error);

    // Assess
    expect(failure).toBeInstanceOf(SynapseStatementError);
    const message = (failure as Error).message;
    expect(message).toMatch(/^DSCRO-SYN-001: transaction \(MERGE, INSERT, INSERT, INSERT, INSERT\) on \[dw\]\.\[fact_activity\] failed: SQL error 2627 \(not transient: not retried\)/);
    expect(message).toContain('extractId=0123456789abcdef0123456789abcdef');
    expect(message).not.toContain('pseudonym-abc');
    expect(session.kinds().filter((kind) => kind === 'COPY INTO')).toHaveLength(1);
    expect(policy.waits).toEqual([]);
  });

  it('does not retry a syntax error (102) and names the statement kind and table', async () => {
    // Prepare
    const session = loadingSession().fail(/^COPY INTO/, () => sqlServerError(102, "Incorrect syntax near 'x'."));
    const policy = recordingRetryPolicy();
    const warehouse = warehouseOver(session, policy);

    // Act / Assess
    await expect(warehouse.upsertFacts(factRequest())).rejects.toThrow(/^DSCRO-SYN-001: COPY INTO on \[stg\]\.\[fact_activity__[0-9a-f]{24}\] failed: SQL error 102 \(not transient: not retried\)/);
    expect(policy.waits).toEqual([]);
    expect(session.kinds().slice(-2)).toEqual(['DROP TABLE', 'DROP TABLE']);
  });

  it('gives up after the last attempt when a connection keeps timing out, saying so', async () => {
    // Prepare
    const session = loadingSession().fail(/^COPY INTO/, () => driverError('ETIMEOUT'), Infinity);
    const policy = recordingRetryPolicy(3);
    const warehouse = warehouseOver(session, policy);

    // Act / Assess
    await expect(warehouse.upsertFacts(factRequest())).rejects.toThrow(/^DSCRO-SYN-002: COPY INTO on .* failed: ETIMEOUT \(transient; gave up after 3 attempts\)/);
    expect(policy.waits).toEqual([6_250, 12_500]);
  });

  it('stops a load whose values would not survive typing, naming the columns and not the values', async () => {
    // Prepare
    const spellPrice = stagingColumns(factActivity).findIndex((column) => column.name === 'spell_price');
    const session = loadingSession().respond(/AS \[rows_staged\]/, [{ rows_staged: 5, [`bad_${spellPrice}`]: 2 }]);
    const policy = recordingRetryPolicy();
    const warehouse = warehouseOver(session, policy);

    // Act
    const failure = await warehouse.upsertFacts(factRequest()).catch((error: unknown) => error);

    // Assess
    expect(failure).toBeInstanceOf(PipelineError);
    expect((failure as Error).message).toMatch(/^DSCRO-SYN-003: the processed file for \[dw\]\.\[fact_activity\] does not fit it: 2 values in spell_price are not DECIMAL\(18,4\)/);
    expect(session.kinds()).not.toContain('MERGE');
    expect(policy.waits).toEqual([]);
  });

  it('refuses a processed file missing a fact column before running any SQL', async () => {
    // Prepare
    const session = loadingSession();
    const blobs = csvBlobStore({ [factPath]: `${header.filter((name) => name !== 'Spell_Price' && name !== 'spell_price').join(',')}\n` });
    const warehouse = new SynapseWarehouse(session, blobs, recordingRetryPolicy());

    // Act / Assess
    await expect(warehouse.upsertFacts(factRequest())).rejects.toThrow(/DSCRO-SYN-003: the processed file for \[dw\]\.\[fact_activity\] has no column spell_price/);
    expect(session.statements).toEqual([]);
  });

  it('replaces one linked partition: COPY INTO staging, then DELETE the (bucket, period) partition and INSERT in one transaction', async () => {
    // Prepare
    const session = new RecordingSqlSession().respond(/AS \[rows_staged\]/, [{ rows_staged: 12 }]).respond(/AS \[rows\]/, [{ rows: 12 }]);
    const warehouse = warehouseOver(session);
    const request: LinkedLoadRequest = { table: spellLinks, source: { zone: 'processed', path: linkedPath }, periods: ['2024-04'], bucket: 3 };

    // Act
    const rows = await warehouse.replaceLinked(request);

    // Assess
    expect(rows).toBe(12);
    expect(session.kinds()).toEqual(['DROP TABLE', 'CREATE TABLE AS SELECT', 'COPY INTO', 'SELECT', 'BEGIN TRANSACTION', 'DELETE', 'INSERT', 'COMMIT', 'SELECT', 'DROP TABLE']);
    const [remove, insert] = session.statements.filter((statement) => statement.inTransaction && statement.kind !== 'BEGIN TRANSACTION');
    expect(remove.sql).toBe('DELETE FROM [dw].[link_careflow_spell_links] WHERE [patient_bucket] = @bucket AND [period_month] IN (CAST(@period_0 AS DATE));');
    expect(remove.parameters).toEqual([
      { name: 'bucket', type: 'Int', value: 3 },
      { name: 'period_0', type: 'NVarChar', value: '2024-04-01' },
    ]);
    expect(insert.sql).toMatch(/^INSERT INTO \[dw\]\.\[link_careflow_spell_links\] \([\s\S]*FROM \[stg\]\.\[link_careflow_spell_links__[0-9a-f]{24}\];$/);
    expect(insert.sql).toContain("TRY_CAST(NULLIF([followed_by_mh_referral], N'') AS BIT)");
  });

  it('seeds only the dimension rows whose key is missing, as a UNION ALL of parameter rows (Synapse takes one row per VALUES)', async () => {
    // Prepare
    const session = new RecordingSqlSession().respond(/^SELECT \[org_code\] FROM/, [{ org_code: 'RRK' }]);
    const warehouse = warehouseOver(session);
    const organisations = tableOf(model, 'dim_organisation');
    const rows = [
      { org_code: 'RRK', org_name: 'University Hospitals Birmingham', org_type: 'Trust', icb_code: 'QHL', icb_name: 'Birmingham and Solihull' },
      { org_code: 'RYW', org_name: 'Birmingham Community Healthcare', org_type: 'Trust', icb_code: 'QHL', icb_name: '' },
    ];

    // Act
    await warehouse.seedRows(organisations, rows);

    // Assess
    expect(session.kinds()).toEqual(['SELECT', 'DROP TABLE', 'CREATE TABLE AS SELECT', 'INSERT', 'SELECT', 'INSERT', 'DROP TABLE']);
    const staged = session.statements[3];
    expect(staged.sql).toMatch(/^INSERT INTO \[stg\]\.\[dim_organisation__[0-9a-f]{24}\] \(\[org_code\], \[org_name\], \[org_type\], \[icb_code\], \[icb_name\]\)\nSELECT @r0_c0, @r0_c1, @r0_c2, @r0_c3, @r0_c4;$/);
    expect(staged.parameters.map((parameter) => parameter.value)).toEqual(['RYW', 'Birmingham Community Healthcare', 'Trust', 'QHL', null]);
    expect(session.statements[5].sql).toContain('WHERE NOT EXISTS (SELECT 1 FROM [dw].[dim_organisation] t WHERE t.[org_code] = CAST(NULLIF(s.[org_code], N\'\') AS NVARCHAR(10)))');
  });

  it('sends nothing but the key lookup when every seed row is already there (a restart)', async () => {
    // Prepare
    const session = new RecordingSqlSession().respond(/^SELECT \[date_key\] FROM/, [{ date_key: '2024-04-01' }]);
    const warehouse = warehouseOver(session);

    // Act
    await warehouse.seedRows(tableOf(model, 'dim_date'), [{ date_key: '2024-04-01', month_start: '2024-04-01' }]);

    // Assess
    expect(session.kinds()).toEqual(['SELECT']);
  });

  it('translates $name parameters to typed @name parameters for queries', async () => {
    // Prepare
    const session = new RecordingSqlSession().respond(/^SELECT/, [{ checked: 3 }]);
    const warehouse = warehouseOver(session);

    // Act
    const rows = await warehouse.query(
      `SELECT count(*) AS checked FROM "dw"."fact_prescriptions" WHERE "extract_id" = $extract AND period_month >= CAST($coverage_from AS DATE) AND patient_bucket = $bucket AND bnf_known = $known AND item_nic > $share AND note <> '$extract'`,
      { extract: 'abc', coverage_from: '2024-04-01', bucket: 7, known: true, share: 0.05, unused: 'x' },
    );

    // Assess
    expect(rows).toEqual([{ checked: 3 }]);
    const [statement] = session.statements;
    expect(statement.sql).toBe(
      `SELECT count(*) AS checked FROM "dw"."fact_prescriptions" WHERE "extract_id" = @extract AND period_month >= CAST(@coverage_from AS DATE) AND patient_bucket = @bucket AND bnf_known = @known AND item_nic > @share AND note <> '$extract'`,
    );
    expect(statement.parameters).toEqual([
      { name: 'extract', type: 'NVarChar', value: 'abc' },
      { name: 'coverage_from', type: 'NVarChar', value: '2024-04-01' },
      { name: 'bucket', type: 'Int', value: 7 },
      { name: 'known', type: 'Bit', value: true },
      { name: 'share', type: 'Decimal', value: 0.05, precision: 38, scale: 2 },
    ]);
  });

  it('retries a query on a transient error and names the table when it gives up on another', async () => {
    // Prepare
    const session = new RecordingSqlSession().fail(/^SELECT/, () => sqlServerError(40501, 'The service is currently busy')).respond(/^SELECT/, [{ n: 1 }]);
    const policy = recordingRetryPolicy();
    const warehouse = warehouseOver(session, policy);

    // Act
    const rows = await warehouse.query('SELECT 1 AS n FROM "dw"."dim_date"');

    // Assess
    expect(rows).toEqual([{ n: 1 }]);
    expect(policy.waits).toHaveLength(1);
    session.fail(/^SELECT/, () => sqlServerError(208, "Invalid object name 'dw.nope'."));
    await expect(warehouse.query('SELECT 1 FROM "dw"."nope"')).rejects.toThrow(/^DSCRO-SYN-001: SELECT on dw\.nope failed: SQL error 208 \(not transient: not retried\)$/);
  });

  it('streams chunks, and re-runs a stream only if it broke before handing any rows on', async () => {
    // Prepare
    const rows = [{ n: 1 }, { n: 2 }, { n: 3 }];
    const session = new RecordingSqlSession().fail(/^SELECT/, () => driverError('ECONNRESET')).respond(/^SELECT/, rows);
    const warehouse = warehouseOver(session);
    const chunks: unknown[][] = [];

    // Act
    await warehouse.forEachChunk('SELECT n FROM "dw"."fact_activity" WHERE patient_bucket = $bucket', { bucket: 1 }, (chunk) => {
      chunks.push(chunk);
    });

    // Assess
    expect(chunks).toEqual([[{ n: 1 }, { n: 2 }], [{ n: 3 }]]);
    expect(session.statements).toHaveLength(2);
    expect(session.statements[1].sql).toBe('SELECT n FROM "dw"."fact_activity" WHERE patient_bucket = @bucket');
  });

  it('does not re-run a stream that broke after handing rows on: the consumer would see them twice', async () => {
    // Prepare
    let calls = 0;
    const session = Object.assign(new RecordingSqlSession(), {
      executeStreaming: async (_sql: string, _parameters: unknown, onChunk: (rows: { n: number }[]) => Promise<void> | void) => {
        calls += 1;
        await onChunk([{ n: 1 }]);
        throw driverError('ECONNRESET');
      },
    });
    const policy = recordingRetryPolicy();
    const warehouse = new SynapseWarehouse(session, csvBlobStore({}), policy);

    // Act / Assess
    await expect(warehouse.forEachChunk('SELECT n FROM "dw"."fact_activity"', {}, () => undefined)).rejects.toThrow(/^DSCRO-SYN-002: SELECT on dw\.fact_activity failed: ECONNRESET \(transient; gave up after 1 attempt\)/);
    expect(calls).toBe(1);
    expect(policy.waits).toEqual([]);
  });

  it('creates each view if missing and defines it with ALTER VIEW, each in a batch of its own (never dropped: grants survive)', async () => {
    // Prepare
    const session = new RecordingSqlSession();
    const warehouse = warehouseOver(session);

    // Act
    await warehouse.applyViews(model.views);

    // Assess
    expect(session.kinds()).toEqual(model.views.flatMap(() => ['CREATE VIEW', 'ALTER VIEW']));
    const name = `[dw].[${model.views[0].name}]`;
    expect(session.statements[0].sql).toBe(`IF OBJECT_ID(N'${name}', N'V') IS NULL EXEC(N'CREATE VIEW ${name} AS SELECT 1 AS pending_definition');`);
    expect(session.statements[1].sql).toBe(`ALTER VIEW ${name} AS\n${model.views[0].sql}`);
    expect(session.kinds()).not.toContain('DROP VIEW');
  });

  it('applies the model idempotently and adds a column a definition gained to the existing table', async () => {
    // Prepare: the catalog lists every column but fact_activity.spell_price
    const ddl = renderSynapseDdl(model);
    const catalog = ddl.tables.flatMap((table) =>
      table.columns
        .filter((column) => !(table.schema === 'dw' && table.name === 'fact_activity' && column.name === 'spell_price'))
        .map((column) => ({ schema_name: table.schema, table_name: table.name, column_name: column.name })),
    );
    const session = new RecordingSqlSession().respond(/FROM sys\.columns/, catalog);
    const warehouse = warehouseOver(session);

    // Act
    await warehouse.applyModel(model);

    // Assess
    const kinds = session.kinds();
    expect(kinds.slice(0, 2)).toEqual(['CREATE SCHEMA', 'CREATE SCHEMA']);
    expect(kinds.filter((kind) => kind === 'CREATE TABLE')).toHaveLength(ddl.tables.length);
    expect(session.statements.filter((statement) => statement.kind === 'ALTER TABLE').map((statement) => statement.sql)).toEqual([
      'ALTER TABLE [dw].[fact_activity] ADD [spell_price] DECIMAL(18,4) NULL;',
    ]);
    expect(kinds.filter((kind) => kind === 'CREATE STATISTICS').length).toBeGreaterThan(0);
  });
});
