-- dscro-flows, Azure Synapse dedicated SQL pool: who may connect, and as what. Run once per environment as the
-- workspace's Entra ID SQL administrator, after the numbered files, with sqlcmd variables naming the identities:
--
--   sqlcmd -G -S <workspace>.sql.azuresynapse.net -d <pool> -i infra/sql/access/members.sql \
--     -v FUNCTION_APP="<Function App name>" REPORT_IDENTITY="<service principal or group the Power BI models use>" \
--        ANALYST_GROUP="<Entra group of analysts with access to patient-level data>"
--
-- Every statement is idempotent. Nothing here is generated: it names people and identities, which the
-- definitions do not. See docs/synapse.md (access) and docs/powerbi.md (why commissioners have no database user).

-- The Function App's managed identity. At start-up it creates what is missing (tables, columns, statistics,
-- views); each load creates and drops its own staging tables, runs COPY INTO (ADMINISTER DATABASE BULK
-- OPERATIONS) and UPDATE STATISTICS (ALTER on the tables). db_owner is the one fixed role that covers all of it.
IF DATABASE_PRINCIPAL_ID(N'$(FUNCTION_APP)') IS NULL CREATE USER [$(FUNCTION_APP)] FROM EXTERNAL PROVIDER;
GO
EXEC sp_addrolemember N'db_owner', N'$(FUNCTION_APP)';
GO

-- The identity Power BI semantic models connect as: the report role reads the views that are not patient level.
IF DATABASE_PRINCIPAL_ID(N'$(REPORT_IDENTITY)') IS NULL CREATE USER [$(REPORT_IDENTITY)] FROM EXTERNAL PROVIDER;
GO
EXEC sp_addrolemember N'dscro_report_reader', N'$(REPORT_IDENTITY)';
GO

-- Analysts under the data-sharing agreement: every table and view in dw (pseudonymised, no identifiers).
IF DATABASE_PRINCIPAL_ID(N'$(ANALYST_GROUP)') IS NULL CREATE USER [$(ANALYST_GROUP)] FROM EXTERNAL PROVIDER;
GO
EXEC sp_addrolemember N'dscro_analyst', N'$(ANALYST_GROUP)';
GO
