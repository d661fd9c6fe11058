-- MHSDS referrals with their current care cluster: the cluster with the latest start date on the referral
-- (the latest cluster id breaks a tie). Patient level.
WITH ranked_clusters AS (
  SELECT c.uniq_serv_req_id,
         c.care_cluster_code,
         c.care_cluster_name,
         c.care_cluster_super_class,
         c.start_date_care_clust,
         ROW_NUMBER() OVER (PARTITION BY c.uniq_serv_req_id ORDER BY c.start_date_care_clust DESC, c.uniq_clust_id DESC) AS recency
  FROM {{schema}}.fact_mhsds_care_clusters c
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
FROM {{schema}}.fact_mhsds r
LEFT JOIN ranked_clusters k ON k.uniq_serv_req_id = r.uniq_serv_req_id AND k.recency = 1
