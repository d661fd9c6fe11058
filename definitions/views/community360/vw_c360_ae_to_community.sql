-- A&E attendances by arrival month and provider, and how many the same patient's community (CSDS) referral
-- followed: received from the departure date (arrival date when departure is missing) to 30 days after it,
-- inclusive. Attendances without a pseudonym cannot be linked and are left out of the rate's denominator.
SELECT d.month_start AS arrival_month,
       a.provider_code,
       COUNT(*) AS attendances,
       SUM(CASE WHEN a.referred_to_community = 1 THEN 1 ELSE 0 END) AS attendances_referred_to_community,
       CAST(SUM(CASE WHEN a.referred_to_community = 1 THEN 1 ELSE 0 END) AS DECIMAL(18, 4)) / NULLIF(COUNT(*), 0) AS referred_rate
FROM {{schema}}.link_community360_attendance_links a
JOIN {{schema}}.dim_date d ON d.date_key = a.arrival_date
GROUP BY d.month_start, a.provider_code
