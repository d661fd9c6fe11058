-- The urgent-to-community pathway by arrival month: attendances, those with imaging within 7 days of arrival,
-- those referred into community services within 30 days of departure, and those with both.
SELECT d.month_start AS arrival_month,
       COUNT(*) AS attendances,
       SUM(CASE WHEN a.imaged_within_window = 1 THEN 1 ELSE 0 END) AS with_imaging_7d,
       SUM(CASE WHEN a.referred_to_community = 1 THEN 1 ELSE 0 END) AS with_community_referral_30d,
       SUM(CASE WHEN a.imaged_within_window = 1 AND a.referred_to_community = 1 THEN 1 ELSE 0 END) AS with_both
FROM {{schema}}.link_community360_attendance_links a
JOIN {{schema}}.dim_date d ON d.date_key = a.arrival_date
GROUP BY d.month_start
