-- Imaging demand after A&E attendances that ended in admission (discharge destination group 'admitted'): the
-- patient's DIDS tests dated from the arrival date to 7 days after it, by modality and arrival month.
-- admitted_attendances is the month's total, repeated on each modality row; a test within the window of two
-- admitted attendances counts for each of them.
WITH admitted AS (
  SELECT d.month_start AS arrival_month, a.patient_pseudonym, a.ct_tests, a.mri_tests, a.nuclear_medicine_tests,
         a.plain_film_tests, a.ultrasound_tests, a.other_tests
  FROM {{schema}}.link_community360_attendance_links a
  JOIN {{schema}}.dim_date d ON d.date_key = a.arrival_date
  WHERE a.discharge_destination_group = '{{admittedGroup}}'
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
