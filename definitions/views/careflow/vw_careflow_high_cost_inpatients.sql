-- High-cost inpatients by financial year (April to March, by discharge date) with their prescribing burden in the
-- same year (processing months). Among patients with a priced spell, sorted by total spell price descending, the
-- threshold is the total of the patient at position ceil(highCostShare x N); every patient at or above it is high
-- cost, so ties at the threshold are all included. Patient level: commissioners only ever see it aggregated.
WITH priced AS (
  SELECT financial_year,
         total_spell_cost,
         ROW_NUMBER() OVER (PARTITION BY financial_year ORDER BY total_spell_cost DESC) AS cost_position,
         COUNT(*) OVER (PARTITION BY financial_year) AS priced_patients
  FROM {{schema}}.link_careflow_patient_year
  WHERE priced_spells > 0
),
thresholds AS (
  SELECT financial_year, MIN(total_spell_cost) AS threshold
  FROM priced
  WHERE cost_position <= CEILING({{highCostShare}} * priced_patients)
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
FROM {{schema}}.link_careflow_patient_year p
LEFT JOIN thresholds t ON t.financial_year = p.financial_year
WHERE p.spells > 0
