-- dscro-flows, Azure Synapse dedicated SQL pool: Community 360: facts, linked outputs and views.
-- Generated from the definitions through the warehouse model the embedded DuckDB warehouse also uses
-- (shared/warehouse/buildWarehouseModel.ts) by `npm run build && node scripts/generate-synapse-ddl.js`.
-- Do not edit: change the definitions and regenerate; test/warehouse/synapse/ddlDrift.test.ts fails when they disagree.
-- Every batch is idempotent. Run the files in name order, e.g. sqlcmd -G -S <server> -d <database> -i <file>.

-- Community services care contacts, one row per contact, with the care setting of its location and whether the patient was seen (attended on time, or late but seen).
IF OBJECT_ID(N'[dw].[fact_csds_contacts]', N'U') IS NULL
CREATE TABLE [dw].[fact_csds_contacts] (
  [unique_care_contact_identifier] NVARCHAR(60) COLLATE Latin1_General_100_BIN2 NULL, -- Care contact id
  [unique_service_request_identifier] NVARCHAR(60) COLLATE Latin1_General_100_BIN2 NULL, -- Referral id
  [provider_code] NVARCHAR(6) COLLATE Latin1_General_100_BIN2 NULL, -- Provider
  [care_contact_date] DATE NULL, -- Contact date
  [care_contact_time] NVARCHAR(8) COLLATE Latin1_General_100_BIN2 NULL, -- Contact time
  [activity_location_type_code] NVARCHAR(3) COLLATE Latin1_General_100_BIN2 NULL, -- Activity location type
  [activity_location_group] NVARCHAR(20) COLLATE Latin1_General_100_BIN2 NULL, -- Care setting
  [consultation_medium_used] NVARCHAR(2) COLLATE Latin1_General_100_BIN2 NULL, -- Consultation medium
  [attended_or_did_not_attend_code] NVARCHAR(2) COLLATE Latin1_General_100_BIN2 NULL, -- Attended or did not attend
  [attended] BIT NULL, -- Attended (seen)
  [clinical_contact_duration] BIGINT NULL, -- Clinical contact duration (minutes)
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

-- Staging shape for dw.fact_csds_contacts: text as COPY INTO reads it; each load clones it into a table of its own.
IF OBJECT_ID(N'[stg].[fact_csds_contacts]', N'U') IS NULL
CREATE TABLE [stg].[fact_csds_contacts] (
  [unique_care_contact_identifier] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL, -- Care contact id
  [unique_service_request_identifier] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL, -- Referral id
  [provider_code] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL, -- Provider
  [care_contact_date] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL, -- Contact date
  [care_contact_time] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL, -- Contact time
  [activity_location_type_code] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL, -- Activity location type
  [activity_location_group] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL, -- Care setting
  [consultation_medium_used] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL, -- Consultation medium
  [attended_or_did_not_attend_code] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL, -- Attended or did not attend
  [attended] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL, -- Attended (seen)
  [clinical_contact_duration] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL, -- Clinical contact duration (minutes)
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

-- Community services referrals, one row per service request.
IF OBJECT_ID(N'[dw].[fact_csds_referrals]', N'U') IS NULL
CREATE TABLE [dw].[fact_csds_referrals] (
  [unique_service_request_identifier] NVARCHAR(60) COLLATE Latin1_General_100_BIN2 NULL, -- Referral id
  [service_request_identifier] NVARCHAR(40) COLLATE Latin1_General_100_BIN2 NULL, -- Provider referral id
  [provider_code] NVARCHAR(6) COLLATE Latin1_General_100_BIN2 NULL, -- Provider
  [referral_request_received_date] DATE NULL, -- Referral received
  [source_of_referral] NVARCHAR(2) COLLATE Latin1_General_100_BIN2 NULL, -- Source of referral
  [primary_reason_for_referral] NVARCHAR(2) COLLATE Latin1_General_100_BIN2 NULL, -- Primary reason for referral
  [priority_type_code] NVARCHAR(1) COLLATE Latin1_General_100_BIN2 NULL, -- Priority type
  [service_discharge_date] DATE NULL, -- Discharged from service
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

-- Staging shape for dw.fact_csds_referrals: text as COPY INTO reads it; each load clones it into a table of its own.
IF OBJECT_ID(N'[stg].[fact_csds_referrals]', N'U') IS NULL
CREATE TABLE [stg].[fact_csds_referrals] (
  [unique_service_request_identifier] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL, -- Referral id
  [service_request_identifier] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL, -- Provider referral id
  [provider_code] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL, -- Provider
  [referral_request_received_date] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL, -- Referral received
  [source_of_referral] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL, -- Source of referral
  [primary_reason_for_referral] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL, -- Primary reason for referral
  [priority_type_code] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL, -- Priority type
  [service_discharge_date] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL, -- Discharged from service
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

-- Diagnostic imaging tests, one row per test (imaging site, accession number, NICIP code), with the modality group from the NICIP code, else from the SNOMED CT code.
IF OBJECT_ID(N'[dw].[fact_dids]', N'U') IS NULL
CREATE TABLE [dw].[fact_dids] (
  [site_code_imaging] NVARCHAR(9) COLLATE Latin1_General_100_BIN2 NULL, -- Imaging site
  [radiological_accession_num] NVARCHAR(40) COLLATE Latin1_General_100_BIN2 NULL, -- Accession number
  [imaging_code_nicip] NVARCHAR(10) COLLATE Latin1_General_100_BIN2 NULL, -- Imaging code (NICIP)
  [imaging_code_snomed] NVARCHAR(18) COLLATE Latin1_General_100_BIN2 NULL, -- Imaging code (SNOMED CT)
  [person_gender_code] NVARCHAR(1) COLLATE Latin1_General_100_BIN2 NULL, -- Gender
  [practice_code] NVARCHAR(8) COLLATE Latin1_General_100_BIN2 NULL, -- GP practice
  [patient_source_setting] NVARCHAR(2) COLLATE Latin1_General_100_BIN2 NULL, -- Patient source setting
  [patient_source_setting_name] NVARCHAR(80) COLLATE Latin1_General_100_BIN2 NULL, -- Patient source setting name
  [referrer] NVARCHAR(20) COLLATE Latin1_General_100_BIN2 NULL, -- Referrer
  [referring_org_code] NVARCHAR(10) COLLATE Latin1_General_100_BIN2 NULL, -- Referring organisation
  [diagnostic_test_request_date] DATE NULL, -- Test requested
  [diag_test_request_rec_date] DATE NULL, -- Request received
  [diagnostic_test_date] DATE NULL, -- Test date
  [service_report_date] DATE NULL, -- Report issued
  [provider_code] NVARCHAR(5) COLLATE Latin1_General_100_BIN2 NULL, -- Provider
  [imaging_modality] NVARCHAR(30) COLLATE Latin1_General_100_BIN2 NULL, -- Imaging modality
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

-- Staging shape for dw.fact_dids: text as COPY INTO reads it; each load clones it into a table of its own.
IF OBJECT_ID(N'[stg].[fact_dids]', N'U') IS NULL
CREATE TABLE [stg].[fact_dids] (
  [site_code_imaging] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL, -- Imaging site
  [radiological_accession_num] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL, -- Accession number
  [imaging_code_nicip] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL, -- Imaging code (NICIP)
  [imaging_code_snomed] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL, -- Imaging code (SNOMED CT)
  [person_gender_code] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL, -- Gender
  [practice_code] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL, -- GP practice
  [patient_source_setting] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL, -- Patient source setting
  [patient_source_setting_name] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL, -- Patient source setting name
  [referrer] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL, -- Referrer
  [referring_org_code] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL, -- Referring organisation
  [diagnostic_test_request_date] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL, -- Test requested
  [diag_test_request_rec_date] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL, -- Request received
  [diagnostic_test_date] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL, -- Test date
  [service_report_date] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL, -- Report issued
  [provider_code] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL, -- Provider
  [imaging_modality] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL, -- Imaging modality
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

-- Emergency care (A&E) attendances, one row per attendance, with arrival mode, discharge destination and department type groups; the attendance ends at departure, or at arrival when departure is missing.
IF OBJECT_ID(N'[dw].[fact_ecds]', N'U') IS NULL
CREATE TABLE [dw].[fact_ecds] (
  [ec_ident] NVARCHAR(40) COLLATE Latin1_General_100_BIN2 NULL, -- Attendance id
  [provider_code] NVARCHAR(5) COLLATE Latin1_General_100_BIN2 NULL, -- Provider
  [provider_site_code] NVARCHAR(9) COLLATE Latin1_General_100_BIN2 NULL, -- Provider site
  [arrival_date] DATE NULL, -- Arrival date
  [arrival_time] NVARCHAR(8) COLLATE Latin1_General_100_BIN2 NULL, -- Arrival time
  [arrival_mode_snomed] NVARCHAR(18) COLLATE Latin1_General_100_BIN2 NULL, -- Arrival mode (SNOMED CT)
  [attendance_category] NVARCHAR(2) COLLATE Latin1_General_100_BIN2 NULL, -- Attendance category
  [department_type] NVARCHAR(2) COLLATE Latin1_General_100_BIN2 NULL, -- Department type
  [chief_complaint_snomed] NVARCHAR(18) COLLATE Latin1_General_100_BIN2 NULL, -- Chief complaint (SNOMED CT)
  [acuity_snomed] NVARCHAR(18) COLLATE Latin1_General_100_BIN2 NULL, -- Acuity (SNOMED CT)
  [decision_to_admit_date] DATE NULL, -- Decision to admit date
  [departure_date] DATE NULL, -- Departure date
  [departure_time] NVARCHAR(8) COLLATE Latin1_General_100_BIN2 NULL, -- Departure time
  [discharge_status_snomed] NVARCHAR(18) COLLATE Latin1_General_100_BIN2 NULL, -- Discharge status (SNOMED CT)
  [discharge_destination_snomed] NVARCHAR(18) COLLATE Latin1_General_100_BIN2 NULL, -- Discharge destination (SNOMED CT)
  [discharge_follow_up_snomed] NVARCHAR(18) COLLATE Latin1_General_100_BIN2 NULL, -- Discharge follow-up (SNOMED CT)
  [sus_hrg_code] NVARCHAR(5) COLLATE Latin1_General_100_BIN2 NULL, -- HRG (SUS)
  [attendance_end_date] DATE NULL, -- Attendance end (departure, else arrival)
  [arrival_mode_group] NVARCHAR(20) COLLATE Latin1_General_100_BIN2 NULL, -- Arrival mode
  [arrival_mode_known] BIT NULL, -- Arrival mode known
  [discharge_destination_group] NVARCHAR(25) COLLATE Latin1_General_100_BIN2 NULL, -- Discharge destination group
  [discharge_destination_known] BIT NULL, -- Discharge destination known
  [department_type_name] NVARCHAR(60) COLLATE Latin1_General_100_BIN2 NULL, -- Department type name
  [department_type_known] BIT NULL, -- Department type known
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

-- Staging shape for dw.fact_ecds: text as COPY INTO reads it; each load clones it into a table of its own.
IF OBJECT_ID(N'[stg].[fact_ecds]', N'U') IS NULL
CREATE TABLE [stg].[fact_ecds] (
  [ec_ident] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL, -- Attendance id
  [provider_code] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL, -- Provider
  [provider_site_code] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL, -- Provider site
  [arrival_date] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL, -- Arrival date
  [arrival_time] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL, -- Arrival time
  [arrival_mode_snomed] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL, -- Arrival mode (SNOMED CT)
  [attendance_category] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL, -- Attendance category
  [department_type] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL, -- Department type
  [chief_complaint_snomed] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL, -- Chief complaint (SNOMED CT)
  [acuity_snomed] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL, -- Acuity (SNOMED CT)
  [decision_to_admit_date] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL, -- Decision to admit date
  [departure_date] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL, -- Departure date
  [departure_time] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL, -- Departure time
  [discharge_status_snomed] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL, -- Discharge status (SNOMED CT)
  [discharge_destination_snomed] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL, -- Discharge destination (SNOMED CT)
  [discharge_follow_up_snomed] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL, -- Discharge follow-up (SNOMED CT)
  [sus_hrg_code] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL, -- HRG (SUS)
  [attendance_end_date] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL, -- Attendance end (departure, else arrival)
  [arrival_mode_group] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL, -- Arrival mode
  [arrival_mode_known] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL, -- Arrival mode known
  [discharge_destination_group] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL, -- Discharge destination group
  [discharge_destination_known] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL, -- Discharge destination known
  [department_type_name] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL, -- Department type name
  [department_type_known] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL, -- Department type known
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

-- Each A&E attendance with what followed for the same patient: a community referral received from the departure date (arrival date when departure is missing) to 30 days after it, and imaging tests from the arrival date to 7 days after it, by modality.
IF OBJECT_ID(N'[dw].[link_community360_attendance_links]', N'U') IS NULL
CREATE TABLE [dw].[link_community360_attendance_links] (
  [ec_ident] NVARCHAR(40) COLLATE Latin1_General_100_BIN2 NULL, -- Attendance id
  [provider_code] NVARCHAR(5) COLLATE Latin1_General_100_BIN2 NULL, -- Provider
  [arrival_date] DATE NULL, -- Arrival date
  [attendance_end_date] DATE NULL, -- Departure date (arrival date when missing)
  [discharge_destination_group] NVARCHAR(30) COLLATE Latin1_General_100_BIN2 NULL, -- Discharge destination group
  [patient_pseudonym] NVARCHAR(64) COLLATE Latin1_General_100_BIN2 NULL, -- Patient pseudonym
  [referred_to_community] BIT NULL, -- Referred into community services within 30 days
  [community_referrals] BIGINT NULL, -- Community referrals within 30 days
  [imaged_within_window] BIT NULL, -- Imaged within 7 days of arrival
  [imaging_tests] BIGINT NULL, -- Imaging tests within 7 days
  [ct_tests] BIGINT NULL, -- CT tests
  [mri_tests] BIGINT NULL, -- MRI tests
  [nuclear_medicine_tests] BIGINT NULL, -- Nuclear medicine tests
  [plain_film_tests] BIGINT NULL, -- Plain film tests
  [ultrasound_tests] BIGINT NULL, -- Ultrasound tests
  [other_tests] BIGINT NULL, -- Other imaging tests
  [period_month] DATE NULL, -- Reporting month
  [patient_bucket] BIGINT NULL -- Patient partition
)
WITH (DISTRIBUTION = HASH([patient_pseudonym]), CLUSTERED COLUMNSTORE INDEX);
GO

-- Staging shape for dw.link_community360_attendance_links: text as COPY INTO reads it; each load clones it into a table of its own.
IF OBJECT_ID(N'[stg].[link_community360_attendance_links]', N'U') IS NULL
CREATE TABLE [stg].[link_community360_attendance_links] (
  [ec_ident] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL, -- Attendance id
  [provider_code] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL, -- Provider
  [arrival_date] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL, -- Arrival date
  [attendance_end_date] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL, -- Departure date (arrival date when missing)
  [discharge_destination_group] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL, -- Discharge destination group
  [patient_pseudonym] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL, -- Patient pseudonym
  [referred_to_community] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL, -- Referred into community services within 30 days
  [community_referrals] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL, -- Community referrals within 30 days
  [imaged_within_window] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL, -- Imaged within 7 days of arrival
  [imaging_tests] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL, -- Imaging tests within 7 days
  [ct_tests] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL, -- CT tests
  [mri_tests] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL, -- MRI tests
  [nuclear_medicine_tests] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL, -- Nuclear medicine tests
  [plain_film_tests] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL, -- Plain film tests
  [ultrasound_tests] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL, -- Ultrasound tests
  [other_tests] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL, -- Other imaging tests
  [period_month] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL, -- Reporting month
  [patient_bucket] NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL -- Patient partition
)
WITH (DISTRIBUTION = ROUND_ROBIN, HEAP);
GO

IF NOT EXISTS (SELECT 1 FROM sys.stats WHERE object_id = OBJECT_ID(N'[dw].[fact_csds_contacts]') AND name = N'st_fact_csds_contacts_unique_care_contact_identifier')
CREATE STATISTICS [st_fact_csds_contacts_unique_care_contact_identifier] ON [dw].[fact_csds_contacts] ([unique_care_contact_identifier]);
GO

IF NOT EXISTS (SELECT 1 FROM sys.stats WHERE object_id = OBJECT_ID(N'[dw].[fact_csds_contacts]') AND name = N'st_fact_csds_contacts_patient_pseudonym')
CREATE STATISTICS [st_fact_csds_contacts_patient_pseudonym] ON [dw].[fact_csds_contacts] ([patient_pseudonym]);
GO

IF NOT EXISTS (SELECT 1 FROM sys.stats WHERE object_id = OBJECT_ID(N'[dw].[fact_csds_contacts]') AND name = N'st_fact_csds_contacts_period_month')
CREATE STATISTICS [st_fact_csds_contacts_period_month] ON [dw].[fact_csds_contacts] ([period_month]);
GO

IF NOT EXISTS (SELECT 1 FROM sys.stats WHERE object_id = OBJECT_ID(N'[dw].[fact_csds_contacts]') AND name = N'st_fact_csds_contacts_patient_bucket')
CREATE STATISTICS [st_fact_csds_contacts_patient_bucket] ON [dw].[fact_csds_contacts] ([patient_bucket]);
GO

IF NOT EXISTS (SELECT 1 FROM sys.stats WHERE object_id = OBJECT_ID(N'[dw].[fact_csds_referrals]') AND name = N'st_fact_csds_referrals_unique_service_request_identifier')
CREATE STATISTICS [st_fact_csds_referrals_unique_service_request_identifier] ON [dw].[fact_csds_referrals] ([unique_service_request_identifier]);
GO

IF NOT EXISTS (SELECT 1 FROM sys.stats WHERE object_id = OBJECT_ID(N'[dw].[fact_csds_referrals]') AND name = N'st_fact_csds_referrals_patient_pseudonym')
CREATE STATISTICS [st_fact_csds_referrals_patient_pseudonym] ON [dw].[fact_csds_referrals] ([patient_pseudonym]);
GO

IF NOT EXISTS (SELECT 1 FROM sys.stats WHERE object_id = OBJECT_ID(N'[dw].[fact_csds_referrals]') AND name = N'st_fact_csds_referrals_period_month')
CREATE STATISTICS [st_fact_csds_referrals_period_month] ON [dw].[fact_csds_referrals] ([period_month]);
GO

IF NOT EXISTS (SELECT 1 FROM sys.stats WHERE object_id = OBJECT_ID(N'[dw].[fact_csds_referrals]') AND name = N'st_fact_csds_referrals_patient_bucket')
CREATE STATISTICS [st_fact_csds_referrals_patient_bucket] ON [dw].[fact_csds_referrals] ([patient_bucket]);
GO

IF NOT EXISTS (SELECT 1 FROM sys.stats WHERE object_id = OBJECT_ID(N'[dw].[fact_dids]') AND name = N'st_fact_dids_site_code_imaging_radiological_accession_num_imaging_code_nicip')
CREATE STATISTICS [st_fact_dids_site_code_imaging_radiological_accession_num_imaging_code_nicip] ON [dw].[fact_dids] ([site_code_imaging], [radiological_accession_num], [imaging_code_nicip]);
GO

IF NOT EXISTS (SELECT 1 FROM sys.stats WHERE object_id = OBJECT_ID(N'[dw].[fact_dids]') AND name = N'st_fact_dids_patient_pseudonym')
CREATE STATISTICS [st_fact_dids_patient_pseudonym] ON [dw].[fact_dids] ([patient_pseudonym]);
GO

IF NOT EXISTS (SELECT 1 FROM sys.stats WHERE object_id = OBJECT_ID(N'[dw].[fact_dids]') AND name = N'st_fact_dids_period_month')
CREATE STATISTICS [st_fact_dids_period_month] ON [dw].[fact_dids] ([period_month]);
GO

IF NOT EXISTS (SELECT 1 FROM sys.stats WHERE object_id = OBJECT_ID(N'[dw].[fact_dids]') AND name = N'st_fact_dids_patient_bucket')
CREATE STATISTICS [st_fact_dids_patient_bucket] ON [dw].[fact_dids] ([patient_bucket]);
GO

IF NOT EXISTS (SELECT 1 FROM sys.stats WHERE object_id = OBJECT_ID(N'[dw].[fact_ecds]') AND name = N'st_fact_ecds_ec_ident')
CREATE STATISTICS [st_fact_ecds_ec_ident] ON [dw].[fact_ecds] ([ec_ident]);
GO

IF NOT EXISTS (SELECT 1 FROM sys.stats WHERE object_id = OBJECT_ID(N'[dw].[fact_ecds]') AND name = N'st_fact_ecds_patient_pseudonym')
CREATE STATISTICS [st_fact_ecds_patient_pseudonym] ON [dw].[fact_ecds] ([patient_pseudonym]);
GO

IF NOT EXISTS (SELECT 1 FROM sys.stats WHERE object_id = OBJECT_ID(N'[dw].[fact_ecds]') AND name = N'st_fact_ecds_period_month')
CREATE STATISTICS [st_fact_ecds_period_month] ON [dw].[fact_ecds] ([period_month]);
GO

IF NOT EXISTS (SELECT 1 FROM sys.stats WHERE object_id = OBJECT_ID(N'[dw].[fact_ecds]') AND name = N'st_fact_ecds_patient_bucket')
CREATE STATISTICS [st_fact_ecds_patient_bucket] ON [dw].[fact_ecds] ([patient_bucket]);
GO

IF NOT EXISTS (SELECT 1 FROM sys.stats WHERE object_id = OBJECT_ID(N'[dw].[link_community360_attendance_links]') AND name = N'st_link_community360_attendance_links_ec_ident')
CREATE STATISTICS [st_link_community360_attendance_links_ec_ident] ON [dw].[link_community360_attendance_links] ([ec_ident]);
GO

IF NOT EXISTS (SELECT 1 FROM sys.stats WHERE object_id = OBJECT_ID(N'[dw].[link_community360_attendance_links]') AND name = N'st_link_community360_attendance_links_patient_pseudonym')
CREATE STATISTICS [st_link_community360_attendance_links_patient_pseudonym] ON [dw].[link_community360_attendance_links] ([patient_pseudonym]);
GO

IF NOT EXISTS (SELECT 1 FROM sys.stats WHERE object_id = OBJECT_ID(N'[dw].[link_community360_attendance_links]') AND name = N'st_link_community360_attendance_links_period_month')
CREATE STATISTICS [st_link_community360_attendance_links_period_month] ON [dw].[link_community360_attendance_links] ([period_month]);
GO

IF NOT EXISTS (SELECT 1 FROM sys.stats WHERE object_id = OBJECT_ID(N'[dw].[link_community360_attendance_links]') AND name = N'st_link_community360_attendance_links_patient_bucket')
CREATE STATISTICS [st_link_community360_attendance_links_patient_bucket] ON [dw].[link_community360_attendance_links] ([patient_bucket]);
GO

IF OBJECT_ID(N'[dw].[vw_c360_ae_to_community]', N'V') IS NULL EXEC(N'CREATE VIEW [dw].[vw_c360_ae_to_community] AS SELECT 1 AS pending_definition');
GO

ALTER VIEW [dw].[vw_c360_ae_to_community] AS
-- A&E attendances by arrival month and provider, and how many the same patient's community (CSDS) referral
-- followed: received from the departure date (arrival date when departure is missing) to 30 days after it,
-- inclusive. Attendances without a pseudonym cannot be linked and are left out of the rate's denominator.
SELECT d.month_start AS arrival_month,
       a.provider_code,
       COUNT(*) AS attendances,
       SUM(CASE WHEN a.referred_to_community = 1 THEN 1 ELSE 0 END) AS attendances_referred_to_community,
       CAST(SUM(CASE WHEN a.referred_to_community = 1 THEN 1 ELSE 0 END) AS DECIMAL(18, 4)) / NULLIF(COUNT(*), 0) AS referred_rate
FROM dw.link_community360_attendance_links a
JOIN dw.dim_date d ON d.date_key = a.arrival_date
GROUP BY d.month_start, a.provider_code
GO

IF OBJECT_ID(N'[dw].[vw_c360_imaging_after_ae_admission]', N'V') IS NULL EXEC(N'CREATE VIEW [dw].[vw_c360_imaging_after_ae_admission] AS SELECT 1 AS pending_definition');
GO

ALTER VIEW [dw].[vw_c360_imaging_after_ae_admission] AS
-- Imaging demand after A&E attendances that ended in admission (discharge destination group 'admitted'): the
-- patient's DIDS tests dated from the arrival date to 7 days after it, by modality and arrival month.
-- admitted_attendances is the month's total, repeated on each modality row; a test within the window of two
-- admitted attendances counts for each of them.
WITH admitted AS (
  SELECT d.month_start AS arrival_month, a.patient_pseudonym, a.ct_tests, a.mri_tests, a.nuclear_medicine_tests,
         a.plain_film_tests, a.ultrasound_tests, a.other_tests
  FROM dw.link_community360_attendance_links a
  JOIN dw.dim_date d ON d.date_key = a.arrival_date
  WHERE a.discharge_destination_group = 'admitted'
),
month_totals AS (
  SELECT arrival_month, COUNT(*) AS admitted_attendances FROM admitted GROUP BY arrival_month
),
by_modality AS (
  SELECT arrival_month, 'CT' AS modality, SUM(ct_tests) AS imaging_tests, COUNT(DISTINCT CASE WHEN ct_tests > 0 THEN patient_pseudonym END) AS patients_imaged FROM admitted GROUP BY arrival_month
  UNION ALL
  SELECT arrival_month, 'MRI', SUM(mri_tests), COUNT(DISTINCT CASE WHEN mri_tests > 0 THEN patient_pseudonym END) FROM admitted GROUP BY arrival_month
  UNION ALL
  SELECT arrival_month, 'Nuclear medicine', SUM(nuclear_medicine_tests), COUNT(DISTINCT CASE WHEN nuclear_medicine_tests > 0 THEN patient_pseudonym END) FROM admitted GROUP BY arrival_month
  UNION ALL
  SELECT arrival_month, 'Plain film (x-ray)', SUM(plain_film_tests), COUNT(DISTINCT CASE WHEN plain_film_tests > 0 THEN patient_pseudonym END) FROM admitted GROUP BY arrival_month
  UNION ALL
  SELECT arrival_month, 'Ultrasound (non-obstetrics)', SUM(ultrasound_tests), COUNT(DISTINCT CASE WHEN ultrasound_tests > 0 THEN patient_pseudonym END) FROM admitted GROUP BY arrival_month
  UNION ALL
  SELECT arrival_month, 'Other', SUM(other_tests), COUNT(DISTINCT CASE WHEN other_tests > 0 THEN patient_pseudonym END) FROM admitted GROUP BY arrival_month
)
SELECT b.arrival_month,
       b.modality,
       t.admitted_attendances,
       b.imaging_tests,
       b.patients_imaged
FROM by_modality b
JOIN month_totals t ON t.arrival_month = b.arrival_month
GO

IF OBJECT_ID(N'[dw].[vw_c360_community_caseload]', N'V') IS NULL EXEC(N'CREATE VIEW [dw].[vw_c360_community_caseload] AS SELECT 1 AS pending_definition');
GO

ALTER VIEW [dw].[vw_c360_community_caseload] AS
-- Community caseload by month and provider. Open at month end: received on or before the month's last day and
-- not discharged on or before it. New and discharged referrals by the month of their dates; attended contacts
-- (attended on time or late but seen) by contact month. Months run over the referrals loaded so far.
WITH months AS (
  SELECT DISTINCT month_start, month_end
  FROM dw.dim_date
  WHERE month_start >= (SELECT MIN(period_month) FROM dw.fact_csds_referrals)
    AND month_start <= (SELECT MAX(period_month) FROM dw.fact_csds_referrals)
),
referral_months AS (
  SELECT m.month_start AS month,
         r.provider_code,
         SUM(CASE WHEN r.service_discharge_date IS NULL OR r.service_discharge_date > m.month_end THEN 1 ELSE 0 END) AS open_referrals_at_month_end,
         SUM(CASE WHEN r.referral_request_received_date >= m.month_start THEN 1 ELSE 0 END) AS new_referrals,
         SUM(CASE WHEN r.service_discharge_date >= m.month_start AND r.service_discharge_date <= m.month_end THEN 1 ELSE 0 END) AS discharged_referrals
  FROM months m
  JOIN dw.fact_csds_referrals r ON r.referral_request_received_date <= m.month_end
  GROUP BY m.month_start, r.provider_code
),
contact_months AS (
  SELECT d.month_start AS month,
         c.provider_code,
         SUM(CASE WHEN c.attended = 1 THEN 1 ELSE 0 END) AS attended_contacts
  FROM dw.fact_csds_contacts c
  JOIN dw.dim_date d ON d.date_key = c.care_contact_date
  GROUP BY d.month_start, c.provider_code
)
SELECT COALESCE(r.month, c.month) AS month,
       COALESCE(r.provider_code, c.provider_code) AS provider_code,
       COALESCE(r.open_referrals_at_month_end, 0) AS open_referrals_at_month_end,
       COALESCE(r.new_referrals, 0) AS new_referrals,
       COALESCE(r.discharged_referrals, 0) AS discharged_referrals,
       COALESCE(c.attended_contacts, 0) AS attended_contacts
FROM referral_months r
FULL OUTER JOIN contact_months c ON c.month = r.month AND c.provider_code = r.provider_code
GO

IF OBJECT_ID(N'[dw].[vw_c360_pathway_funnel]', N'V') IS NULL EXEC(N'CREATE VIEW [dw].[vw_c360_pathway_funnel] AS SELECT 1 AS pending_definition');
GO

ALTER VIEW [dw].[vw_c360_pathway_funnel] AS
-- The urgent-to-community pathway by arrival month: attendances, those with imaging within 7 days of arrival,
-- those referred into community services within 30 days of departure, and those with both.
SELECT d.month_start AS arrival_month,
       COUNT(*) AS attendances,
       SUM(CASE WHEN a.imaged_within_window = 1 THEN 1 ELSE 0 END) AS with_imaging_7d,
       SUM(CASE WHEN a.referred_to_community = 1 THEN 1 ELSE 0 END) AS with_community_referral_30d,
       SUM(CASE WHEN a.imaged_within_window = 1 AND a.referred_to_community = 1 THEN 1 ELSE 0 END) AS with_both
FROM dw.link_community360_attendance_links a
JOIN dw.dim_date d ON d.date_key = a.arrival_date
GROUP BY d.month_start
GO
