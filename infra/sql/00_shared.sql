-- dscro-flows, Azure Synapse dedicated SQL pool: schemas, conformed dimensions and system tables.
-- Generated from the definitions through the warehouse model the embedded DuckDB warehouse also uses
-- (shared/warehouse/buildWarehouseModel.ts) by `npm run build && node scripts/generate-synapse-ddl.js`.
-- Do not edit: change the definitions and regenerate; test/warehouse/synapse/ddlDrift.test.ts fails when they disagree.
-- Every batch is idempotent. Run the files in name order, e.g. sqlcmd -G -S <server> -d <database> -i <file>.

IF SCHEMA_ID(N'dw') IS NULL EXEC(N'CREATE SCHEMA [dw]');
GO

IF SCHEMA_ID(N'stg') IS NULL EXEC(N'CREATE SCHEMA [stg]');
GO

-- Calendar with NHS financial years (April to March).
IF OBJECT_ID(N'[dw].[dim_date]', N'U') IS NULL
CREATE TABLE [dw].[dim_date] (
  [date_key] DATE NULL, -- Date
  [month_start] DATE NULL, -- Month
  [month_end] DATE NULL, -- Month end
  [calendar_year] BIGINT NULL, -- Calendar year
  [month_number] BIGINT NULL, -- Month number
  [month_name] NVARCHAR(9) COLLATE Latin1_General_100_BIN2 NULL, -- Month name
  [financial_year] NVARCHAR(7) COLLATE Latin1_General_100_BIN2 NULL, -- Financial year
  [financial_month_number] BIGINT NULL -- Month of financial year
)
WITH (DISTRIBUTION = REPLICATE, CLUSTERED INDEX ([date_key]));
GO

-- Staging shape for dw.dim_date: text as COPY INTO reads it; each load clones it into a table of its own.
IF OBJECT_ID(N'[stg].[dim_date]', N'U') IS NULL
CREATE TABLE [stg].[dim_date] (
  [date_key] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL, -- Date
  [month_start] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL, -- Month
  [month_end] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL, -- Month end
  [calendar_year] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL, -- Calendar year
  [month_number] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL, -- Month number
  [month_name] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL, -- Month name
  [financial_year] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL, -- Financial year
  [financial_month_number] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL -- Month of financial year
)
WITH (DISTRIBUTION = ROUND_ROBIN, HEAP);
GO

-- Providers and commissioners by ODS code (names from reference/organisations).
IF OBJECT_ID(N'[dw].[dim_organisation]', N'U') IS NULL
CREATE TABLE [dw].[dim_organisation] (
  [org_code] NVARCHAR(10) COLLATE Latin1_General_100_BIN2 NULL, -- ODS code
  [org_name] NVARCHAR(200) COLLATE Latin1_General_100_BIN2 NULL, -- Organisation
  [org_type] NVARCHAR(50) COLLATE Latin1_General_100_BIN2 NULL, -- Organisation type
  [icb_code] NVARCHAR(10) COLLATE Latin1_General_100_BIN2 NULL, -- ICB code
  [icb_name] NVARCHAR(200) COLLATE Latin1_General_100_BIN2 NULL -- ICB
)
WITH (DISTRIBUTION = REPLICATE, CLUSTERED INDEX ([org_code]));
GO

-- Staging shape for dw.dim_organisation: text as COPY INTO reads it; each load clones it into a table of its own.
IF OBJECT_ID(N'[stg].[dim_organisation]', N'U') IS NULL
CREATE TABLE [stg].[dim_organisation] (
  [org_code] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL, -- ODS code
  [org_name] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL, -- Organisation
  [org_type] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL, -- Organisation type
  [icb_code] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL, -- ICB code
  [icb_name] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL -- ICB
)
WITH (DISTRIBUTION = ROUND_ROBIN, HEAP);
GO

-- HRG4+ codes with chapter and subchapter (reference/hrg/hrg-codes.json).
IF OBJECT_ID(N'[dw].[dim_hrg]', N'U') IS NULL
CREATE TABLE [dw].[dim_hrg] (
  [hrg_code] NVARCHAR(5) COLLATE Latin1_General_100_BIN2 NULL, -- HRG
  [hrg_name] NVARCHAR(300) COLLATE Latin1_General_100_BIN2 NULL, -- HRG name
  [chapter] NVARCHAR(1) COLLATE Latin1_General_100_BIN2 NULL, -- HRG chapter
  [chapter_name] NVARCHAR(200) COLLATE Latin1_General_100_BIN2 NULL, -- HRG chapter name
  [subchapter] NVARCHAR(2) COLLATE Latin1_General_100_BIN2 NULL, -- HRG subchapter
  [subchapter_name] NVARCHAR(300) COLLATE Latin1_General_100_BIN2 NULL -- HRG subchapter name
)
WITH (DISTRIBUTION = REPLICATE, CLUSTERED INDEX ([hrg_code]));
GO

-- Staging shape for dw.dim_hrg: text as COPY INTO reads it; each load clones it into a table of its own.
IF OBJECT_ID(N'[stg].[dim_hrg]', N'U') IS NULL
CREATE TABLE [stg].[dim_hrg] (
  [hrg_code] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL, -- HRG
  [hrg_name] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL, -- HRG name
  [chapter] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL, -- HRG chapter
  [chapter_name] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL, -- HRG chapter name
  [subchapter] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL, -- HRG subchapter
  [subchapter_name] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL -- HRG subchapter name
)
WITH (DISTRIBUTION = ROUND_ROBIN, HEAP);
GO

-- Patient pseudonyms (keyed HMAC; no identifiers) and the key version that made them.
IF OBJECT_ID(N'[dw].[dim_patient]', N'U') IS NULL
CREATE TABLE [dw].[dim_patient] (
  [patient_pseudonym] NVARCHAR(64) COLLATE Latin1_General_100_BIN2 NULL, -- Patient pseudonym
  [key_version] NVARCHAR(64) COLLATE Latin1_General_100_BIN2 NULL -- Key version
)
WITH (DISTRIBUTION = HASH([patient_pseudonym]), CLUSTERED COLUMNSTORE INDEX);
GO

-- Staging shape for dw.dim_patient: text as COPY INTO reads it; each load clones it into a table of its own.
IF OBJECT_ID(N'[stg].[dim_patient]', N'U') IS NULL
CREATE TABLE [stg].[dim_patient] (
  [patient_pseudonym] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL, -- Patient pseudonym
  [key_version] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL -- Key version
)
WITH (DISTRIBUTION = ROUND_ROBIN, HEAP);
GO

-- One row per loaded batch: lineage from warehouse rows back to extracts.
IF OBJECT_ID(N'[dw].[load_batches]', N'U') IS NULL
CREATE TABLE [dw].[load_batches] (
  [load_batch] NVARCHAR(64) COLLATE Latin1_General_100_BIN2 NULL, -- Load batch
  [table_name] NVARCHAR(128) COLLATE Latin1_General_100_BIN2 NULL, -- Table
  [extract_id] NVARCHAR(32) COLLATE Latin1_General_100_BIN2 NULL, -- Extract id
  [rows_loaded] BIGINT NULL -- Rows loaded
)
WITH (DISTRIBUTION = ROUND_ROBIN, CLUSTERED INDEX ([load_batch], [table_name]));
GO

IF NOT EXISTS (SELECT 1 FROM sys.stats WHERE object_id = OBJECT_ID(N'[dw].[dim_date]') AND name = N'st_dim_date_date_key')
CREATE STATISTICS [st_dim_date_date_key] ON [dw].[dim_date] ([date_key]);
GO

IF NOT EXISTS (SELECT 1 FROM sys.stats WHERE object_id = OBJECT_ID(N'[dw].[dim_organisation]') AND name = N'st_dim_organisation_org_code')
CREATE STATISTICS [st_dim_organisation_org_code] ON [dw].[dim_organisation] ([org_code]);
GO

IF NOT EXISTS (SELECT 1 FROM sys.stats WHERE object_id = OBJECT_ID(N'[dw].[dim_hrg]') AND name = N'st_dim_hrg_hrg_code')
CREATE STATISTICS [st_dim_hrg_hrg_code] ON [dw].[dim_hrg] ([hrg_code]);
GO

IF NOT EXISTS (SELECT 1 FROM sys.stats WHERE object_id = OBJECT_ID(N'[dw].[dim_patient]') AND name = N'st_dim_patient_patient_pseudonym')
CREATE STATISTICS [st_dim_patient_patient_pseudonym] ON [dw].[dim_patient] ([patient_pseudonym]);
GO

IF NOT EXISTS (SELECT 1 FROM sys.stats WHERE object_id = OBJECT_ID(N'[dw].[load_batches]') AND name = N'st_load_batches_load_batch_table_name')
CREATE STATISTICS [st_load_batches_load_batch_table_name] ON [dw].[load_batches] ([load_batch], [table_name]);
GO
