-- Discharged spells by discharge month and provider, and how many the same patient's MHSDS referral followed
-- within the product's window (link output spell_links). Spells without a pseudonym never link and are not here.
SELECT d.month_start AS discharge_month,
       s.provider_code,
       COUNT(*) AS discharged_spells,
       SUM(CASE WHEN s.followed_by_mh_referral = 1 THEN 1 ELSE 0 END) AS spells_followed_by_mh_referral,
       CAST(SUM(CASE WHEN s.followed_by_mh_referral = 1 THEN 1 ELSE 0 END) AS DECIMAL(18, 4)) / NULLIF(COUNT(*), 0) AS followed_rate
FROM {{schema}}.link_careflow_spell_links s
JOIN {{schema}}.dim_date d ON d.date_key = s.discharge_date
GROUP BY d.month_start, s.provider_code
