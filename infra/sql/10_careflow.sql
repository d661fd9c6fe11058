-- dscro-flows, Azure Synapse dedicated SQL pool: CareFlow Insights: facts, linked outputs and views.
-- Generated from the definitions through the warehouse model the embedded DuckDB warehouse also uses
-- (shared/warehouse/buildWarehouseModel.ts) by `npm run build && node scripts/generate-synapse-ddl.js`.
-- Do not edit: change the definitions and regenerate; test/warehouse/synapse/ddlDrift.test.ts fails when they disagree.
-- Every batch is idempotent. Run the files in name order, e.g. sqlcmd -G -S <server> -d <database> -i <file>.

-- Adult mental health care cluster assignments with the cluster's name and super class.
IF OBJECT_ID(N'[dw].[fact_mhsds_care_clusters]', N'U') IS NULL
CREATE TABLE [dw].[fact_mhsds_care_clusters] (
  [uniq_clust_id] NVARCHAR(60) COLLATE Latin1_General_100_BIN2 NULL, -- Care cluster id
  [uniq_serv_req_id] NVARCHAR(60) COLLATE Latin1_General_100_BIN2 NULL, -- Referral id
  [org_id_prov] NVARCHAR(6) COLLATE Latin1_General_100_BIN2 NULL, -- Provider
  [start_date_care_clust] DATE NULL, -- Cluster start
  [end_date_care_clust] DATE NULL, -- Cluster end
  [care_cluster_code] NVARCHAR(2) COLLATE Latin1_General_100_BIN2 NULL, -- Care cluster
  [care_cluster_name] NVARCHAR(100) COLLATE Latin1_General_100_BIN2 NULL, -- Care cluster name
  [care_cluster_super_class] NVARCHAR(20) COLLATE Latin1_General_100_BIN2 NULL, -- Care cluster super class
  [care_cluster_known] BIT NULL, -- Care cluster known
  [source_line] BIGINT NULL, -- Source line
  [patient_pseudonym] NVARCHAR(64) COLLATE Latin1_General_100_BIN2 NULL, -- Patient pseudonym
  [nhs_number_status] NVARCHAR(8) COLLATE Latin1_General_100_BIN2 NULL, -- NHS number status
  [age_at_event] BIGINT NULL, -- Age at event
  [age_band] NVARCHAR(8) COLLATE Latin1_General_100_BIN2 NULL, -- Age band
  [age_status] NVARCHAR(16) COLLATE Latin1_General_100_BIN2 NULL, -- Age status (valid, missing, after_event, no_event_date)
  [patient_bucket] BIGINT NULL, -- Patient partition
  [period_month] DATE NULL, -- Reporting month
  [key_version] NVARCHAR(64) COLLATE Latin1_General_100_BIN2 NULL, -- Pseudonymisation key version
  [extract_id] NVARCHAR(32) COLLATE Latin1_General_100_BIN2 NULL, -- Extract id
  [extract_precedence] NVARCHAR(80) COLLATE Latin1_General_100_BIN2 NULL, -- Extract precedence
  [load_batch] NVARCHAR(64) COLLATE Latin1_General_100_BIN2 NULL -- Load batch
)
WITH (DISTRIBUTION = HASH([patient_pseudonym]), CLUSTERED COLUMNSTORE INDEX);
GO

-- Staging shape for dw.fact_mhsds_care_clusters: text as COPY INTO reads it; each load clones it into a table of its own.
IF OBJECT_ID(N'[stg].[fact_mhsds_care_clusters]', N'U') IS NULL
CREATE TABLE [stg].[fact_mhsds_care_clusters] (
  [uniq_clust_id] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL, -- Care cluster id
  [uniq_serv_req_id] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL, -- Referral id
  [org_id_prov] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL, -- Provider
  [start_date_care_clust] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL, -- Cluster start
  [end_date_care_clust] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL, -- Cluster end
  [care_cluster_code] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL, -- Care cluster
  [care_cluster_name] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL, -- Care cluster name
  [care_cluster_super_class] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL, -- Care cluster super class
  [care_cluster_known] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL, -- Care cluster known
  [source_line] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL, -- Source line
  [patient_pseudonym] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL, -- Patient pseudonym
  [nhs_number_status] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL, -- NHS number status
  [age_at_event] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL, -- Age at event
  [age_band] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL, -- Age band
  [age_status] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL, -- Age status (valid, missing, after_event, no_event_date)
  [patient_bucket] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL, -- Patient partition
  [period_month] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL, -- Reporting month
  [key_version] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL -- Pseudonymisation key version
)
WITH (DISTRIBUTION = ROUND_ROBIN, HEAP);
GO

-- Mental health service referrals, one row per service request.
IF OBJECT_ID(N'[dw].[fact_mhsds]', N'U') IS NULL
CREATE TABLE [dw].[fact_mhsds] (
  [uniq_serv_req_id] NVARCHAR(60) COLLATE Latin1_General_100_BIN2 NULL, -- Referral id
  [service_request_id] NVARCHAR(40) COLLATE Latin1_General_100_BIN2 NULL, -- Provider referral id
  [org_id_prov] NVARCHAR(6) COLLATE Latin1_General_100_BIN2 NULL, -- Provider
  [org_id_comm] NVARCHAR(6) COLLATE Latin1_General_100_BIN2 NULL, -- Commissioner
  [referral_request_received_date] DATE NULL, -- Referral received
  [source_of_referral_mh] NVARCHAR(2) COLLATE Latin1_General_100_BIN2 NULL, -- Source of referral
  [prim_reason_referral_mh] NVARCHAR(2) COLLATE Latin1_General_100_BIN2 NULL, -- Primary reason for referral
  [clin_resp_priority_type] NVARCHAR(2) COLLATE Latin1_General_100_BIN2 NULL, -- Clinical response priority
  [serv_team_type_ref_to_mh] NVARCHAR(3) COLLATE Latin1_General_100_BIN2 NULL, -- Team type referred to
  [serv_disch_date] DATE NULL, -- Discharged from service
  [refer_rejection_date] DATE NULL, -- Referral rejected
  [uniq_month_id] BIGINT NULL, -- MHSDS month id
  [source_line] BIGINT NULL, -- Source line
  [patient_pseudonym] NVARCHAR(64) COLLATE Latin1_General_100_BIN2 NULL, -- Patient pseudonym
  [nhs_number_status] NVARCHAR(8) COLLATE Latin1_General_100_BIN2 NULL, -- NHS number status
  [age_at_event] BIGINT NULL, -- Age at event
  [age_band] NVARCHAR(8) COLLATE Latin1_General_100_BIN2 NULL, -- Age band
  [age_status] NVARCHAR(16) COLLATE Latin1_General_100_BIN2 NULL, -- Age status (valid, missing, after_event, no_event_date)
  [patient_bucket] BIGINT NULL, -- Patient partition
  [period_month] DATE NULL, -- Reporting month
  [key_version] NVARCHAR(64) COLLATE Latin1_General_100_BIN2 NULL, -- Pseudonymisation key version
  [extract_id] NVARCHAR(32) COLLATE Latin1_General_100_BIN2 NULL, -- Extract id
  [extract_precedence] NVARCHAR(80) COLLATE Latin1_General_100_BIN2 NULL, -- Extract precedence
  [load_batch] NVARCHAR(64) COLLATE Latin1_General_100_BIN2 NULL -- Load batch
)
WITH (DISTRIBUTION = HASH([patient_pseudonym]), CLUSTERED COLUMNSTORE INDEX);
GO

-- Staging shape for dw.fact_mhsds: text as COPY INTO reads it; each load clones it into a table of its own.
IF OBJECT_ID(N'[stg].[fact_mhsds]', N'U') IS NULL
CREATE TABLE [stg].[fact_mhsds] (
  [uniq_serv_req_id] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL, -- Referral id
  [service_request_id] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL, -- Provider referral id
  [org_id_prov] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL, -- Provider
  [org_id_comm] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL, -- Commissioner
  [referral_request_received_date] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL, -- Referral received
  [source_of_referral_mh] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL, -- Source of referral
  [prim_reason_referral_mh] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL, -- Primary reason for referral
  [clin_resp_priority_type] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL, -- Clinical response priority
  [serv_team_type_ref_to_mh] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL, -- Team type referred to
  [serv_disch_date] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL, -- Discharged from service
  [refer_rejection_date] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL, -- Referral rejected
  [uniq_month_id] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL, -- MHSDS month id
  [source_line] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL, -- Source line
  [patient_pseudonym] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL, -- Patient pseudonym
  [nhs_number_status] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL, -- NHS number status
  [age_at_event] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL, -- Age at event
  [age_band] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL, -- Age band
  [age_status] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL, -- Age status (valid, missing, after_event, no_event_date)
  [patient_bucket] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL, -- Patient partition
  [period_month] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL, -- Reporting month
  [key_version] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL -- Pseudonymisation key version
)
WITH (DISTRIBUTION = ROUND_ROBIN, HEAP);
GO

-- Dispensed prescription items with the BNF hierarchy of the paid presentation; costs in pounds, negative values are adjustments.
IF OBJECT_ID(N'[dw].[fact_prescriptions]', N'U') IS NULL
CREATE TABLE [dw].[fact_prescriptions] (
  [prescription_item_id] NVARCHAR(40) COLLATE Latin1_General_100_BIN2 NULL, -- Prescription item id
  [processing_period_date] DATE NULL, -- Processing month
  [prescribed_bnf_code] NVARCHAR(15) COLLATE Latin1_General_100_BIN2 NULL, -- Prescribed BNF code
  [paid_bnf_code] NVARCHAR(15) COLLATE Latin1_General_100_BIN2 NULL, -- Paid BNF code
  [item_count] BIGINT NULL, -- Items
  [paid_quantity] DECIMAL(18,4) NULL, -- Quantity paid
  [item_nic] DECIMAL(18,4) NULL, -- Net ingredient cost (£)
  [item_actual_cost] DECIMAL(18,4) NULL, -- Actual cost (£)
  [patient_gp_ods] NVARCHAR(10) COLLATE Latin1_General_100_BIN2 NULL, -- GP practice
  [dispensed_pharmacy_ods_code] NVARCHAR(10) COLLATE Latin1_General_100_BIN2 NULL, -- Dispensing pharmacy
  [prescriber_type] NVARCHAR(50) COLLATE Latin1_General_100_BIN2 NULL, -- Prescriber type
  [bnf_chapter_code] NVARCHAR(2) COLLATE Latin1_General_100_BIN2 NULL, -- BNF chapter code
  [bnf_chapter_name] NVARCHAR(255) COLLATE Latin1_General_100_BIN2 NULL, -- BNF chapter
  [bnf_section_code] NVARCHAR(4) COLLATE Latin1_General_100_BIN2 NULL, -- BNF section code
  [bnf_section_name] NVARCHAR(255) COLLATE Latin1_General_100_BIN2 NULL, -- BNF section
  [bnf_paragraph_code] NVARCHAR(6) COLLATE Latin1_General_100_BIN2 NULL, -- BNF paragraph code
  [bnf_paragraph_name] NVARCHAR(255) COLLATE Latin1_General_100_BIN2 NULL, -- BNF paragraph
  [bnf_sub_paragraph_code] NVARCHAR(7) COLLATE Latin1_General_100_BIN2 NULL, -- BNF sub-paragraph code
  [bnf_sub_paragraph_name] NVARCHAR(255) COLLATE Latin1_General_100_BIN2 NULL, -- BNF sub-paragraph
  [bnf_chemical_code] NVARCHAR(9) COLLATE Latin1_General_100_BIN2 NULL, -- BNF chemical substance code
  [bnf_chemical_name] NVARCHAR(255) COLLATE Latin1_General_100_BIN2 NULL, -- BNF chemical substance
  [bnf_product_code] NVARCHAR(11) COLLATE Latin1_General_100_BIN2 NULL, -- BNF product code
  [bnf_product_name] NVARCHAR(255) COLLATE Latin1_General_100_BIN2 NULL, -- BNF product
  [bnf_presentation_code] NVARCHAR(15) COLLATE Latin1_General_100_BIN2 NULL, -- BNF presentation code
  [bnf_presentation_name] NVARCHAR(255) COLLATE Latin1_General_100_BIN2 NULL, -- BNF presentation
  [bnf_well_formed] BIT NULL, -- BNF code well formed
  [bnf_known] BIT NULL, -- BNF code known
  [bnf_is_appliance] BIT NULL, -- Dressing or appliance (BNF chapters 20-23)
  [source_line] BIGINT NULL, -- Source line
  [patient_pseudonym] NVARCHAR(64) COLLATE Latin1_General_100_BIN2 NULL, -- Patient pseudonym
  [nhs_number_status] NVARCHAR(8) COLLATE Latin1_General_100_BIN2 NULL, -- NHS number status
  [age_at_event] BIGINT NULL, -- Age at event
  [age_band] NVARCHAR(8) COLLATE Latin1_General_100_BIN2 NULL, -- Age band
  [age_status] NVARCHAR(16) COLLATE Latin1_General_100_BIN2 NULL, -- Age status (valid, missing, after_event, no_event_date)
  [patient_bucket] BIGINT NULL, -- Patient partition
  [period_month] DATE NULL, -- Reporting month
  [key_version] NVARCHAR(64) COLLATE Latin1_General_100_BIN2 NULL, -- Pseudonymisation key version
  [extract_id] NVARCHAR(32) COLLATE Latin1_General_100_BIN2 NULL, -- Extract id
  [extract_precedence] NVARCHAR(80) COLLATE Latin1_General_100_BIN2 NULL, -- Extract precedence
  [load_batch] NVARCHAR(64) COLLATE Latin1_General_100_BIN2 NULL -- Load batch
)
WITH (DISTRIBUTION = HASH([patient_pseudonym]), CLUSTERED COLUMNSTORE INDEX);
GO

-- Staging shape for dw.fact_prescriptions: text as COPY INTO reads it; each load clones it into a table of its own.
IF OBJECT_ID(N'[stg].[fact_prescriptions]', N'U') IS NULL
CREATE TABLE [stg].[fact_prescriptions] (
  [prescription_item_id] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL, -- Prescription item id
  [processing_period_date] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL, -- Processing month
  [prescribed_bnf_code] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL, -- Prescribed BNF code
  [paid_bnf_code] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL, -- Paid BNF code
  [item_count] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL, -- Items
  [paid_quantity] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL, -- Quantity paid
  [item_nic] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL, -- Net ingredient cost (£)
  [item_actual_cost] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL, -- Actual cost (£)
  [patient_gp_ods] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL, -- GP practice
  [dispensed_pharmacy_ods_code] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL, -- Dispensing pharmacy
  [prescriber_type] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL, -- Prescriber type
  [bnf_chapter_code] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL, -- BNF chapter code
  [bnf_chapter_name] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL, -- BNF chapter
  [bnf_section_code] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL, -- BNF section code
  [bnf_section_name] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL, -- BNF section
  [bnf_paragraph_code] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL, -- BNF paragraph code
  [bnf_paragraph_name] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL, -- BNF paragraph
  [bnf_sub_paragraph_code] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL, -- BNF sub-paragraph code
  [bnf_sub_paragraph_name] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL, -- BNF sub-paragraph
  [bnf_chemical_code] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL, -- BNF chemical substance code
  [bnf_chemical_name] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL, -- BNF chemical substance
  [bnf_product_code] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL, -- BNF product code
  [bnf_product_name] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL, -- BNF product
  [bnf_presentation_code] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL, -- BNF presentation code
  [bnf_presentation_name] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL, -- BNF presentation
  [bnf_well_formed] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL, -- BNF code well formed
  [bnf_known] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL, -- BNF code known
  [bnf_is_appliance] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL, -- Dressing or appliance (BNF chapters 20-23)
  [source_line] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL, -- Source line
  [patient_pseudonym] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL, -- Patient pseudonym
  [nhs_number_status] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL, -- NHS number status
  [age_at_event] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL, -- Age at event
  [age_band] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL, -- Age band
  [age_status] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL, -- Age status (valid, missing, after_event, no_event_date)
  [patient_bucket] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL, -- Patient partition
  [period_month] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL, -- Reporting month
  [key_version] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL -- Pseudonymisation key version
)
WITH (DISTRIBUTION = ROUND_ROBIN, HEAP);
GO

-- Admitted patient care episodes, with spell attributes; the spell price sits on the spell's last episode only.
IF OBJECT_ID(N'[dw].[fact_activity]', N'U') IS NULL
CREATE TABLE [dw].[fact_activity] (
  [apce_ident] NVARCHAR(40) COLLATE Latin1_General_100_BIN2 NULL, -- Episode id
  [apcs_ident] NVARCHAR(40) COLLATE Latin1_General_100_BIN2 NULL, -- Spell id
  [episode_number] BIGINT NULL, -- Episode number
  [sex] NVARCHAR(1) COLLATE Latin1_General_100_BIN2 NULL, -- Sex
  [provider_code] NVARCHAR(5) COLLATE Latin1_General_100_BIN2 NULL, -- Provider
  [commissioner_code] NVARCHAR(5) COLLATE Latin1_General_100_BIN2 NULL, -- Commissioner
  [admission_date] DATE NULL, -- Admission date
  [discharge_date] DATE NULL, -- Discharge date
  [episode_start_date] DATE NULL, -- Episode start
  [episode_end_date] DATE NULL, -- Episode end
  [admission_method] NVARCHAR(2) COLLATE Latin1_General_100_BIN2 NULL, -- Admission method
  [patient_classification] NVARCHAR(1) COLLATE Latin1_General_100_BIN2 NULL, -- Patient classification
  [discharge_destination] NVARCHAR(2) COLLATE Latin1_General_100_BIN2 NULL, -- Discharge destination
  [treatment_function_code] NVARCHAR(3) COLLATE Latin1_General_100_BIN2 NULL, -- Treatment function
  [primary_diagnosis_code] NVARCHAR(8) COLLATE Latin1_General_100_BIN2 NULL, -- Primary diagnosis (ICD-10)
  [episode_hrg] NVARCHAR(5) COLLATE Latin1_General_100_BIN2 NULL, -- Episode HRG
  [spell_core_hrg] NVARCHAR(5) COLLATE Latin1_General_100_BIN2 NULL, -- Spell core HRG
  [is_last_episode] NVARCHAR(1) COLLATE Latin1_General_100_BIN2 NULL, -- Last episode in spell (1 = yes)
  [spell_core_hrg_known] BIT NULL, -- Spell HRG known
  [spell_core_hrg_ungroupable] BIT NULL, -- Spell HRG ungroupable
  [spell_core_hrg_chapter] NVARCHAR(1) COLLATE Latin1_General_100_BIN2 NULL, -- HRG chapter
  [episode_hrg_known] BIT NULL, -- Episode HRG known
  [spell_los_days] BIGINT NULL, -- Length of stay (days)
  [spell_tariff_year] NVARCHAR(7) COLLATE Latin1_General_100_BIN2 NULL, -- Tariff year
  [spell_price_status] NVARCHAR(20) COLLATE Latin1_General_100_BIN2 NULL, -- Spell price status
  [spell_price_basis] NVARCHAR(30) COLLATE Latin1_General_100_BIN2 NULL, -- Spell price basis
  [spell_excess_bed_days] BIGINT NULL, -- Excess bed days
  [spell_mff] DECIMAL(18,4) NULL, -- Market forces factor
  [spell_price] DECIMAL(18,4) NULL, -- Spell price (£)
  [source_line] BIGINT NULL, -- Source line
  [patient_pseudonym] NVARCHAR(64) COLLATE Latin1_General_100_BIN2 NULL, -- Patient pseudonym
  [nhs_number_status] NVARCHAR(8) COLLATE Latin1_General_100_BIN2 NULL, -- NHS number status
  [age_at_event] BIGINT NULL, -- Age at event
  [age_band] NVARCHAR(8) COLLATE Latin1_General_100_BIN2 NULL, -- Age band
  [age_status] NVARCHAR(16) COLLATE Latin1_General_100_BIN2 NULL, -- Age status (valid, missing, after_event, no_event_date)
  [patient_bucket] BIGINT NULL, -- Patient partition
  [period_month] DATE NULL, -- Reporting month
  [key_version] NVARCHAR(64) COLLATE Latin1_General_100_BIN2 NULL, -- Pseudonymisation key version
  [extract_id] NVARCHAR(32) COLLATE Latin1_General_100_BIN2 NULL, -- Extract id
  [extract_precedence] NVARCHAR(80) COLLATE Latin1_General_100_BIN2 NULL, -- Extract precedence
  [load_batch] NVARCHAR(64) COLLATE Latin1_General_100_BIN2 NULL -- Load batch
)
WITH (DISTRIBUTION = HASH([patient_pseudonym]), CLUSTERED COLUMNSTORE INDEX);
GO

-- Staging shape for dw.fact_activity: text as COPY INTO reads it; each load clones it into a table of its own.
IF OBJECT_ID(N'[stg].[fact_activity]', N'U') IS NULL
CREATE TABLE [stg].[fact_activity] (
  [apce_ident] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL, -- Episode id
  [apcs_ident] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL, -- Spell id
  [episode_number] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL, -- Episode number
  [sex] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL, -- Sex
  [provider_code] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL, -- Provider
  [commissioner_code] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL, -- Commissioner
  [admission_date] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL, -- Admission date
  [discharge_date] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL, -- Discharge date
  [episode_start_date] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL, -- Episode start
  [episode_end_date] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL, -- Episode end
  [admission_method] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL, -- Admission method
  [patient_classification] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL, -- Patient classification
  [discharge_destination] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL, -- Discharge destination
  [treatment_function_code] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL, -- Treatment function
  [primary_diagnosis_code] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL, -- Primary diagnosis (ICD-10)
  [episode_hrg] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL, -- Episode HRG
  [spell_core_hrg] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL, -- Spell core HRG
  [is_last_episode] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL, -- Last episode in spell (1 = yes)
  [spell_core_hrg_known] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL, -- Spell HRG known
  [spell_core_hrg_ungroupable] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL, -- Spell HRG ungroupable
  [spell_core_hrg_chapter] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL, -- HRG chapter
  [episode_hrg_known] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL, -- Episode HRG known
  [spell_los_days] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL, -- Length of stay (days)
  [spell_tariff_year] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL, -- Tariff year
  [spell_price_status] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL, -- Spell price status
  [spell_price_basis] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL, -- Spell price basis
  [spell_excess_bed_days] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL, -- Excess bed days
  [spell_mff] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL, -- Market forces factor
  [spell_price] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL, -- Spell price (£)
  [source_line] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL, -- Source line
  [patient_pseudonym] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL, -- Patient pseudonym
  [nhs_number_status] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL, -- NHS number status
  [age_at_event] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL, -- Age at event
  [age_band] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL, -- Age band
  [age_status] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL, -- Age status (valid, missing, after_event, no_event_date)
  [patient_bucket] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL, -- Patient partition
  [period_month] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL, -- Reporting month
  [key_version] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL -- Pseudonymisation key version
)
WITH (DISTRIBUTION = ROUND_ROBIN, HEAP);
GO

-- One row per hospital provider spell (from its last episode), null pseudonyms included: the spell grain for analysts.
IF OBJECT_ID(N'[dw].[link_careflow_spells]', N'U') IS NULL
CREATE TABLE [dw].[link_careflow_spells] (
  [apcs_ident] NVARCHAR(40) COLLATE Latin1_General_100_BIN2 NULL, -- Spell id
  [patient_pseudonym] NVARCHAR(64) COLLATE Latin1_General_100_BIN2 NULL, -- Patient pseudonym
  [provider_code] NVARCHAR(5) COLLATE Latin1_General_100_BIN2 NULL, -- Provider
  [admission_date] DATE NULL, -- Admission date
  [discharge_date] DATE NULL, -- Discharge date
  [admission_method] NVARCHAR(2) COLLATE Latin1_General_100_BIN2 NULL, -- Admission method
  [patient_classification] NVARCHAR(1) COLLATE Latin1_General_100_BIN2 NULL, -- Patient classification
  [spell_core_hrg] NVARCHAR(5) COLLATE Latin1_General_100_BIN2 NULL, -- Spell core HRG
  [spell_los_days] BIGINT NULL, -- Length of stay (days)
  [spell_price] DECIMAL(18,4) NULL, -- Spell price (£)
  [age_band] NVARCHAR(8) COLLATE Latin1_General_100_BIN2 NULL, -- Age band
  [period_month] DATE NULL, -- Reporting month
  [patient_bucket] BIGINT NULL -- Patient partition
)
WITH (DISTRIBUTION = HASH([patient_pseudonym]), CLUSTERED COLUMNSTORE INDEX);
GO

-- Staging shape for dw.link_careflow_spells: text as COPY INTO reads it; each load clones it into a table of its own.
IF OBJECT_ID(N'[stg].[link_careflow_spells]', N'U') IS NULL
CREATE TABLE [stg].[link_careflow_spells] (
  [apcs_ident] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL, -- Spell id
  [patient_pseudonym] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL, -- Patient pseudonym
  [provider_code] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL, -- Provider
  [admission_date] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL, -- Admission date
  [discharge_date] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL, -- Discharge date
  [admission_method] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL, -- Admission method
  [patient_classification] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL, -- Patient classification
  [spell_core_hrg] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL, -- Spell core HRG
  [spell_los_days] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL, -- Length of stay (days)
  [spell_price] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL, -- Spell price (£)
  [age_band] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL, -- Age band
  [period_month] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL, -- Reporting month
  [patient_bucket] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL -- Patient partition
)
WITH (DISTRIBUTION = ROUND_ROBIN, HEAP);
GO

-- Each discharged spell with what followed for the same patient: an MHSDS referral received from the discharge date to 30 days after it (inclusive), and prescribing in the discharge month and the two processing months after it.
IF OBJECT_ID(N'[dw].[link_careflow_spell_links]', N'U') IS NULL
CREATE TABLE [dw].[link_careflow_spell_links] (
  [apcs_ident] NVARCHAR(40) COLLATE Latin1_General_100_BIN2 NULL, -- Spell id
  [provider_code] NVARCHAR(5) COLLATE Latin1_General_100_BIN2 NULL, -- Provider
  [admission_date] DATE NULL, -- Admission date
  [discharge_date] DATE NULL, -- Discharge date
  [spell_los_days] BIGINT NULL, -- Length of stay (days)
  [spell_price] DECIMAL(18,4) NULL, -- Spell price (£)
  [patient_pseudonym] NVARCHAR(64) COLLATE Latin1_General_100_BIN2 NULL, -- Patient pseudonym
  [followed_by_mh_referral] BIT NULL, -- Followed by an MH referral within 30 days
  [mh_referrals] BIGINT NULL, -- MH referrals within 30 days
  [rx_items] DECIMAL(18,4) NULL, -- Items (discharge month + 2)
  [rx_actual_cost] DECIMAL(18,4) NULL, -- Actual cost (£, discharge month + 2)
  [rx_nic] DECIMAL(18,4) NULL, -- NIC (£, discharge month + 2)
  [period_month] DATE NULL, -- Reporting month
  [patient_bucket] BIGINT NULL -- Patient partition
)
WITH (DISTRIBUTION = HASH([patient_pseudonym]), CLUSTERED COLUMNSTORE INDEX);
GO

-- Staging shape for dw.link_careflow_spell_links: text as COPY INTO reads it; each load clones it into a table of its own.
IF OBJECT_ID(N'[stg].[link_careflow_spell_links]', N'U') IS NULL
CREATE TABLE [stg].[link_careflow_spell_links] (
  [apcs_ident] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL, -- Spell id
  [provider_code] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL, -- Provider
  [admission_date] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL, -- Admission date
  [discharge_date] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL, -- Discharge date
  [spell_los_days] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL, -- Length of stay (days)
  [spell_price] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL, -- Spell price (£)
  [patient_pseudonym] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL, -- Patient pseudonym
  [followed_by_mh_referral] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL, -- Followed by an MH referral within 30 days
  [mh_referrals] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL, -- MH referrals within 30 days
  [rx_items] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL, -- Items (discharge month + 2)
  [rx_actual_cost] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL, -- Actual cost (£, discharge month + 2)
  [rx_nic] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL, -- NIC (£, discharge month + 2)
  [period_month] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL, -- Reporting month
  [patient_bucket] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL -- Patient partition
)
WITH (DISTRIBUTION = ROUND_ROBIN, HEAP);
GO

-- Each patient's spells, bed days and spell cost (by discharge date) and prescribing (by processing month) per financial year.
IF OBJECT_ID(N'[dw].[link_careflow_patient_year]', N'U') IS NULL
CREATE TABLE [dw].[link_careflow_patient_year] (
  [financial_year] NVARCHAR(7) COLLATE Latin1_General_100_BIN2 NULL, -- Financial year
  [patient_pseudonym] NVARCHAR(64) COLLATE Latin1_General_100_BIN2 NULL, -- Patient pseudonym
  [spells] BIGINT NULL, -- Spells
  [bed_days] DECIMAL(18,4) NULL, -- Bed days
  [total_spell_cost] DECIMAL(18,4) NULL, -- Total spell cost (£)
  [priced_spells] BIGINT NULL, -- Priced spells
  [rx_items] DECIMAL(18,4) NULL, -- Prescription items
  [rx_actual_cost] DECIMAL(18,4) NULL, -- Prescribing actual cost (£)
  [rx_nic] DECIMAL(18,4) NULL, -- Prescribing NIC (£)
  [period_month] DATE NULL, -- Reporting month
  [patient_bucket] BIGINT NULL -- Patient partition
)
WITH (DISTRIBUTION = HASH([patient_pseudonym]), CLUSTERED COLUMNSTORE INDEX);
GO

-- Staging shape for dw.link_careflow_patient_year: text as COPY INTO reads it; each load clones it into a table of its own.
IF OBJECT_ID(N'[stg].[link_careflow_patient_year]', N'U') IS NULL
CREATE TABLE [stg].[link_careflow_patient_year] (
  [financial_year] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL, -- Financial year
  [patient_pseudonym] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL, -- Patient pseudonym
  [spells] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL, -- Spells
  [bed_days] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL, -- Bed days
  [total_spell_cost] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL, -- Total spell cost (£)
  [priced_spells] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL, -- Priced spells
  [rx_items] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL, -- Prescription items
  [rx_actual_cost] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL, -- Prescribing actual cost (£)
  [rx_nic] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL, -- Prescribing NIC (£)
  [period_month] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL, -- Reporting month
  [patient_bucket] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL -- Patient partition
)
WITH (DISTRIBUTION = ROUND_ROBIN, HEAP);
GO

IF NOT EXISTS (SELECT 1 FROM sys.stats WHERE object_id = OBJECT_ID(N'[dw].[fact_mhsds_care_clusters]') AND name = N'st_fact_mhsds_care_clusters_uniq_clust_id')
CREATE STATISTICS [st_fact_mhsds_care_clusters_uniq_clust_id] ON [dw].[fact_mhsds_care_clusters] ([uniq_clust_id]);
GO

IF NOT EXISTS (SELECT 1 FROM sys.stats WHERE object_id = OBJECT_ID(N'[dw].[fact_mhsds_care_clusters]') AND name = N'st_fact_mhsds_care_clusters_patient_pseudonym')
CREATE STATISTICS [st_fact_mhsds_care_clusters_patient_pseudonym] ON [dw].[fact_mhsds_care_clusters] ([patient_pseudonym]);
GO

IF NOT EXISTS (SELECT 1 FROM sys.stats WHERE object_id = OBJECT_ID(N'[dw].[fact_mhsds_care_clusters]') AND name = N'st_fact_mhsds_care_clusters_period_month')
CREATE STATISTICS [st_fact_mhsds_care_clusters_period_month] ON [dw].[fact_mhsds_care_clusters] ([period_month]);
GO

IF NOT EXISTS (SELECT 1 FROM sys.stats WHERE object_id = OBJECT_ID(N'[dw].[fact_mhsds_care_clusters]') AND name = N'st_fact_mhsds_care_clusters_patient_bucket')
CREATE STATISTICS [st_fact_mhsds_care_clusters_patient_bucket] ON [dw].[fact_mhsds_care_clusters] ([patient_bucket]);
GO

IF NOT EXISTS (SELECT 1 FROM sys.stats WHERE object_id = OBJECT_ID(N'[dw].[fact_mhsds]') AND name = N'st_fact_mhsds_uniq_serv_req_id')
CREATE STATISTICS [st_fact_mhsds_uniq_serv_req_id] ON [dw].[fact_mhsds] ([uniq_serv_req_id]);
GO

IF NOT EXISTS (SELECT 1 FROM sys.stats WHERE object_id = OBJECT_ID(N'[dw].[fact_mhsds]') AND name = N'st_fact_mhsds_patient_pseudonym')
CREATE STATISTICS [st_fact_mhsds_patient_pseudonym] ON [dw].[fact_mhsds] ([patient_pseudonym]);
GO

IF NOT EXISTS (SELECT 1 FROM sys.stats WHERE object_id = OBJECT_ID(N'[dw].[fact_mhsds]') AND name = N'st_fact_mhsds_period_month')
CREATE STATISTICS [st_fact_mhsds_period_month] ON [dw].[fact_mhsds] ([period_month]);
GO

IF NOT EXISTS (SELECT 1 FROM sys.stats WHERE object_id = OBJECT_ID(N'[dw].[fact_mhsds]') AND name = N'st_fact_mhsds_patient_bucket')
CREATE STATISTICS [st_fact_mhsds_patient_bucket] ON [dw].[fact_mhsds] ([patient_bucket]);
GO

IF NOT EXISTS (SELECT 1 FROM sys.stats WHERE object_id = OBJECT_ID(N'[dw].[fact_prescriptions]') AND name = N'st_fact_prescriptions_prescription_item_id')
CREATE STATISTICS [st_fact_prescriptions_prescription_item_id] ON [dw].[fact_prescriptions] ([prescription_item_id]);
GO

IF NOT EXISTS (SELECT 1 FROM sys.stats WHERE object_id = OBJECT_ID(N'[dw].[fact_prescriptions]') AND name = N'st_fact_prescriptions_patient_pseudonym')
CREATE STATISTICS [st_fact_prescriptions_patient_pseudonym] ON [dw].[fact_prescriptions] ([patient_pseudonym]);
GO

IF NOT EXISTS (SELECT 1 FROM sys.stats WHERE object_id = OBJECT_ID(N'[dw].[fact_prescriptions]') AND name = N'st_fact_prescriptions_period_month')
CREATE STATISTICS [st_fact_prescriptions_period_month] ON [dw].[fact_prescriptions] ([period_month]);
GO

IF NOT EXISTS (SELECT 1 FROM sys.stats WHERE object_id = OBJECT_ID(N'[dw].[fact_prescriptions]') AND name = N'st_fact_prescriptions_patient_bucket')
CREATE STATISTICS [st_fact_prescriptions_patient_bucket] ON [dw].[fact_prescriptions] ([patient_bucket]);
GO

IF NOT EXISTS (SELECT 1 FROM sys.stats WHERE object_id = OBJECT_ID(N'[dw].[fact_activity]') AND name = N'st_fact_activity_apce_ident')
CREATE STATISTICS [st_fact_activity_apce_ident] ON [dw].[fact_activity] ([apce_ident]);
GO

IF NOT EXISTS (SELECT 1 FROM sys.stats WHERE object_id = OBJECT_ID(N'[dw].[fact_activity]') AND name = N'st_fact_activity_patient_pseudonym')
CREATE STATISTICS [st_fact_activity_patient_pseudonym] ON [dw].[fact_activity] ([patient_pseudonym]);
GO

IF NOT EXISTS (SELECT 1 FROM sys.stats WHERE object_id = OBJECT_ID(N'[dw].[fact_activity]') AND name = N'st_fact_activity_period_month')
CREATE STATISTICS [st_fact_activity_period_month] ON [dw].[fact_activity] ([period_month]);
GO

IF NOT EXISTS (SELECT 1 FROM sys.stats WHERE object_id = OBJECT_ID(N'[dw].[fact_activity]') AND name = N'st_fact_activity_patient_bucket')
CREATE STATISTICS [st_fact_activity_patient_bucket] ON [dw].[fact_activity] ([patient_bucket]);
GO

IF NOT EXISTS (SELECT 1 FROM sys.stats WHERE object_id = OBJECT_ID(N'[dw].[link_careflow_spells]') AND name = N'st_link_careflow_spells_apcs_ident')
CREATE STATISTICS [st_link_careflow_spells_apcs_ident] ON [dw].[link_careflow_spells] ([apcs_ident]);
GO

IF NOT EXISTS (SELECT 1 FROM sys.stats WHERE object_id = OBJECT_ID(N'[dw].[link_careflow_spells]') AND name = N'st_link_careflow_spells_patient_pseudonym')
CREATE STATISTICS [st_link_careflow_spells_patient_pseudonym] ON [dw].[link_careflow_spells] ([patient_pseudonym]);
GO

IF NOT EXISTS (SELECT 1 FROM sys.stats WHERE object_id = OBJECT_ID(N'[dw].[link_careflow_spells]') AND name = N'st_link_careflow_spells_period_month')
CREATE STATISTICS [st_link_careflow_spells_period_month] ON [dw].[link_careflow_spells] ([period_month]);
GO

IF NOT EXISTS (SELECT 1 FROM sys.stats WHERE object_id = OBJECT_ID(N'[dw].[link_careflow_spells]') AND name = N'st_link_careflow_spells_patient_bucket')
CREATE STATISTICS [st_link_careflow_spells_patient_bucket] ON [dw].[link_careflow_spells] ([patient_bucket]);
GO

IF NOT EXISTS (SELECT 1 FROM sys.stats WHERE object_id = OBJECT_ID(N'[dw].[link_careflow_spell_links]') AND name = N'st_link_careflow_spell_links_apcs_ident')
CREATE STATISTICS [st_link_careflow_spell_links_apcs_ident] ON [dw].[link_careflow_spell_links] ([apcs_ident]);
GO

IF NOT EXISTS (SELECT 1 FROM sys.stats WHERE object_id = OBJECT_ID(N'[dw].[link_careflow_spell_links]') AND name = N'st_link_careflow_spell_links_patient_pseudonym')
CREATE STATISTICS [st_link_careflow_spell_links_patient_pseudonym] ON [dw].[link_careflow_spell_links] ([patient_pseudonym]);
GO

IF NOT EXISTS (SELECT 1 FROM sys.stats WHERE object_id = OBJECT_ID(N'[dw].[link_careflow_spell_links]') AND name = N'st_link_careflow_spell_links_period_month')
CREATE STATISTICS [st_link_careflow_spell_links_period_month] ON [dw].[link_careflow_spell_links] ([period_month]);
GO

IF NOT EXISTS (SELECT 1 FROM sys.stats WHERE object_id = OBJECT_ID(N'[dw].[link_careflow_spell_links]') AND name = N'st_link_careflow_spell_links_patient_bucket')
CREATE STATISTICS [st_link_careflow_spell_links_patient_bucket] ON [dw].[link_careflow_spell_links] ([patient_bucket]);
GO

IF NOT EXISTS (SELECT 1 FROM sys.stats WHERE object_id = OBJECT_ID(N'[dw].[link_careflow_patient_year]') AND name = N'st_link_careflow_patient_year_financial_year_patient_pseudonym')
CREATE STATISTICS [st_link_careflow_patient_year_financial_year_patient_pseudonym] ON [dw].[link_careflow_patient_year] ([financial_year], [patient_pseudonym]);
GO

IF NOT EXISTS (SELECT 1 FROM sys.stats WHERE object_id = OBJECT_ID(N'[dw].[link_careflow_patient_year]') AND name = N'st_link_careflow_patient_year_patient_pseudonym')
CREATE STATISTICS [st_link_careflow_patient_year_patient_pseudonym] ON [dw].[link_careflow_patient_year] ([patient_pseudonym]);
GO

IF NOT EXISTS (SELECT 1 FROM sys.stats WHERE object_id = OBJECT_ID(N'[dw].[link_careflow_patient_year]') AND name = N'st_link_careflow_patient_year_period_month')
CREATE STATISTICS [st_link_careflow_patient_year_period_month] ON [dw].[link_careflow_patient_year] ([period_month]);
GO

IF NOT EXISTS (SELECT 1 FROM sys.stats WHERE object_id = OBJECT_ID(N'[dw].[link_careflow_patient_year]') AND name = N'st_link_careflow_patient_year_patient_bucket')
CREATE STATISTICS [st_link_careflow_patient_year_patient_bucket] ON [dw].[link_careflow_patient_year] ([patient_bucket]);
GO

IF OBJECT_ID(N'[dw].[vw_careflow_high_cost_inpatients]', N'V') IS NULL EXEC(N'CREATE VIEW [dw].[vw_careflow_high_cost_inpatients] AS SELECT 1 AS pending_definition');
GO

ALTER VIEW [dw].[vw_careflow_high_cost_inpatients] AS
-- High-cost inpatients by financial year (April to March, by discharge date) with their prescribing burden in the
-- same year (processing months). Among patients with a priced spell, sorted by total spell price descending, the
-- threshold is the total of the patient at position ceil(highCostShare x N); every patient at or above it is high
-- cost, so ties at the threshold are all included. Patient level: commissioners only ever see it aggregated.
WITH priced AS (
  SELECT financial_year,
         total_spell_cost,
         ROW_NUMBER() OVER (PARTITION BY financial_year ORDER BY total_spell_cost DESC) AS cost_position,
         COUNT(*) OVER (PARTITION BY financial_year) AS priced_patients
  FROM dw.link_careflow_patient_year
  WHERE priced_spells > 0
),
thresholds AS (
  SELECT financial_year, MIN(total_spell_cost) AS threshold
  FROM priced
  WHERE cost_position <= CEILING(0.05 * priced_patients)
  GROUP BY financial_year
)
SELECT p.financial_year,
       p.patient_pseudonym,
       p.spells,
       p.bed_days,
       p.total_spell_cost,
       p.rx_items,
       p.rx_actual_cost,
       p.rx_nic,
       CASE WHEN p.priced_spells > 0 AND p.total_spell_cost >= t.threshold THEN 1 ELSE 0 END AS is_high_cost
FROM dw.link_careflow_patient_year p
LEFT JOIN thresholds t ON t.financial_year = p.financial_year
WHERE p.spells > 0
GO

IF OBJECT_ID(N'[dw].[vw_careflow_mh_referrals_after_discharge]', N'V') IS NULL EXEC(N'CREATE VIEW [dw].[vw_careflow_mh_referrals_after_discharge] AS SELECT 1 AS pending_definition');
GO

ALTER VIEW [dw].[vw_careflow_mh_referrals_after_discharge] AS
-- Discharged spells by discharge month and provider, and how many the same patient's MHSDS referral followed
-- within the product's window (link output spell_links). Spells without a pseudonym never link and are not here.
SELECT d.month_start AS discharge_month,
       s.provider_code,
       COUNT(*) AS discharged_spells,
       SUM(CASE WHEN s.followed_by_mh_referral = 1 THEN 1 ELSE 0 END) AS spells_followed_by_mh_referral,
       CAST(SUM(CASE WHEN s.followed_by_mh_referral = 1 THEN 1 ELSE 0 END) AS DECIMAL(18, 4)) / NULLIF(COUNT(*), 0) AS followed_rate
FROM dw.link_careflow_spell_links s
JOIN dw.dim_date d ON d.date_key = s.discharge_date
GROUP BY d.month_start, s.provider_code
GO

IF OBJECT_ID(N'[dw].[vw_careflow_trust_activity]', N'V') IS NULL EXEC(N'CREATE VIEW [dw].[vw_careflow_trust_activity] AS SELECT 1 AS pending_definition');
GO

ALTER VIEW [dw].[vw_careflow_trust_activity] AS
-- Admitted patient care by discharge month and provider. Spell measures come from each spell's last episode;
-- spells without a pseudonym count here (they never link). Day cases (patient classification 2) are counted apart
-- from ordinary elective (the product's elective admission methods) and non-elective spells. Spells discharged
-- before they were admitted are left out (DQ rule APC-ADMIT-LE-DISCH reports them).
SELECT d.month_start AS activity_month,
       f.provider_code,
       SUM(CASE WHEN f.is_last_episode = '1' THEN 1 ELSE 0 END) AS spells,
       COUNT(*) AS episodes,
       SUM(CASE WHEN f.is_last_episode = '1' THEN f.spell_los_days ELSE 0 END) AS bed_days,
       SUM(CASE WHEN f.is_last_episode = '1' AND f.patient_classification <> '2' AND f.admission_method IN ('11', '12', '13') THEN 1 ELSE 0 END) AS elective_spells,
       SUM(CASE WHEN f.is_last_episode = '1' AND f.patient_classification <> '2' AND f.admission_method NOT IN ('11', '12', '13') THEN 1 ELSE 0 END) AS non_elective_spells,
       SUM(CASE WHEN f.is_last_episode = '1' AND f.patient_classification = '2' THEN 1 ELSE 0 END) AS day_case_spells,
       SUM(COALESCE(f.spell_price, 0)) AS total_spell_cost
FROM dw.fact_activity f
JOIN dw.dim_date d ON d.date_key = f.discharge_date
WHERE f.admission_date <= f.discharge_date
GROUP BY d.month_start, f.provider_code
GO

IF OBJECT_ID(N'[dw].[vw_careflow_mhsds_referrals]', N'V') IS NULL EXEC(N'CREATE VIEW [dw].[vw_careflow_mhsds_referrals] AS SELECT 1 AS pending_definition');
GO

ALTER VIEW [dw].[vw_careflow_mhsds_referrals] AS
-- MHSDS referrals with their current care cluster: the cluster with the latest start date on the referral
-- (the latest cluster id breaks a tie). Patient level.
WITH ranked_clusters AS (
  SELECT c.uniq_serv_req_id,
         c.care_cluster_code,
         c.care_cluster_name,
         c.care_cluster_super_class,
         c.start_date_care_clust,
         ROW_NUMBER() OVER (PARTITION BY c.uniq_serv_req_id ORDER BY c.start_date_care_clust DESC, c.uniq_clust_id DESC) AS recency
  FROM dw.fact_mhsds_care_clusters c
)
SELECT r.uniq_serv_req_id,
       r.patient_pseudonym,
       r.org_id_prov,
       r.org_id_comm,
       r.referral_request_received_date,
       r.serv_disch_date,
       r.refer_rejection_date,
       r.source_of_referral_mh,
       r.prim_reason_referral_mh,
       r.serv_team_type_ref_to_mh,
       r.age_band,
       k.care_cluster_code AS current_care_cluster_code,
       k.care_cluster_name AS current_care_cluster_name,
       k.care_cluster_super_class AS current_care_cluster_super_class,
       k.start_date_care_clust AS current_care_cluster_start_date
FROM dw.fact_mhsds r
LEFT JOIN ranked_clusters k ON k.uniq_serv_req_id = r.uniq_serv_req_id AND k.recency = 1
GO
