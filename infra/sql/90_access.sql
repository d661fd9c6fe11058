-- dscro-flows, Azure Synapse dedicated SQL pool: read access by role (members: infra/sql/access/members.sql).
-- Generated from the definitions through the warehouse model the embedded DuckDB warehouse also uses
-- (shared/warehouse/buildWarehouseModel.ts) by `npm run build && node scripts/generate-synapse-ddl.js`.
-- Do not edit: change the definitions and regenerate; test/warehouse/synapse/ddlDrift.test.ts fails when they disagree.
-- Every batch is idempotent. Run the files in name order, e.g. sqlcmd -G -S <server> -d <database> -i <file>.

IF DATABASE_PRINCIPAL_ID(N'dscro_analyst') IS NULL CREATE ROLE [dscro_analyst];
GO

GRANT SELECT ON SCHEMA::[dw] TO [dscro_analyst];
GO

IF DATABASE_PRINCIPAL_ID(N'dscro_report_reader') IS NULL CREATE ROLE [dscro_report_reader];
GO

GRANT SELECT ON [dw].[vw_careflow_mh_referrals_after_discharge] TO [dscro_report_reader];
GO

GRANT SELECT ON [dw].[vw_careflow_trust_activity] TO [dscro_report_reader];
GO

GRANT SELECT ON [dw].[vw_c360_ae_to_community] TO [dscro_report_reader];
GO

GRANT SELECT ON [dw].[vw_c360_imaging_after_ae_admission] TO [dscro_report_reader];
GO

GRANT SELECT ON [dw].[vw_c360_community_caseload] TO [dscro_report_reader];
GO

GRANT SELECT ON [dw].[vw_c360_pathway_funnel] TO [dscro_report_reader];
GO

GRANT SELECT ON [dw].[dim_date] TO [dscro_report_reader];
GO

GRANT SELECT ON [dw].[dim_organisation] TO [dscro_report_reader];
GO

GRANT SELECT ON [dw].[dim_hrg] TO [dscro_report_reader];
GO

DENY SELECT ON SCHEMA::[stg] TO [dscro_analyst], [dscro_report_reader];
GO
