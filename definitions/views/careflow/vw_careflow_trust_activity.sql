-- Admitted patient care by discharge month and provider. Spell measures come from each spell's last episode;
-- spells without a pseudonym count here (they never link). Day cases (patient classification 2) are counted apart
-- from ordinary elective (the product's elective admission methods) and non-elective spells. Spells discharged
-- before they were admitted are left out (DQ rule APC-ADMIT-LE-DISCH reports them).
SELECT d.month_start AS activity_month,
       f.provider_code,
       SUM(CASE WHEN f.is_last_episode = '1' THEN 1 ELSE 0 END) AS spells,
       COUNT(*) AS episodes,
       SUM(CASE WHEN f.is_last_episode = '1' THEN f.spell_los_days ELSE 0 END) AS bed_days,
       SUM(CASE WHEN f.is_last_episode = '1' AND f.patient_classification <> '{{dayCaseClassification}}' AND f.admission_method IN ({{electiveAdmissionMethods}}) THEN 1 ELSE 0 END) AS elective_spells,
       SUM(CASE WHEN f.is_last_episode = '1' AND f.patient_classification <> '{{dayCaseClassification}}' AND f.admission_method NOT IN ({{electiveAdmissionMethods}}) THEN 1 ELSE 0 END) AS non_elective_spells,
       SUM(CASE WHEN f.is_last_episode = '1' AND f.patient_classification = '{{dayCaseClassification}}' THEN 1 ELSE 0 END) AS day_case_spells,
       SUM(COALESCE(f.spell_price, 0)) AS total_spell_cost
FROM {{schema}}.fact_activity f
JOIN {{schema}}.dim_date d ON d.date_key = f.discharge_date
WHERE f.admission_date <= f.discharge_date
GROUP BY d.month_start, f.provider_code
