-- Community caseload by month and provider. Open at month end: received on or before the month's last day and
-- not discharged on or before it. New and discharged referrals by the month of their dates; attended contacts
-- (attended on time or late but seen) by contact month. Months run over the referrals loaded so far.
WITH months AS (
  SELECT DISTINCT month_start, month_end
  FROM {{schema}}.dim_date
  WHERE month_start >= (SELECT MIN(period_month) FROM {{schema}}.fact_csds_referrals)
    AND month_start <= (SELECT MAX(period_month) FROM {{schema}}.fact_csds_referrals)
),
referral_months AS (
  SELECT m.month_start AS month,
         r.provider_code,
         SUM(CASE WHEN r.service_discharge_date IS NULL OR r.service_discharge_date > m.month_end THEN 1 ELSE 0 END) AS open_referrals_at_month_end,
         SUM(CASE WHEN r.referral_request_received_date >= m.month_start THEN 1 ELSE 0 END) AS new_referrals,
         SUM(CASE WHEN r.service_discharge_date >= m.month_start AND r.service_discharge_date <= m.month_end THEN 1 ELSE 0 END) AS discharged_referrals
  FROM months m
  JOIN {{schema}}.fact_csds_referrals r ON r.referral_request_received_date <= m.month_end
  GROUP BY m.month_start, r.provider_code
),
contact_months AS (
  SELECT d.month_start AS month,
         c.provider_code,
         SUM(CASE WHEN c.attended = 1 THEN 1 ELSE 0 END) AS attended_contacts
  FROM {{schema}}.fact_csds_contacts c
  JOIN {{schema}}.dim_date d ON d.date_key = c.care_contact_date
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
