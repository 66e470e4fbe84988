-- 11-baclofen-thresholds.sql — population bands, threshold rules and input
-- ranges for baclofen (numbers that used to be written into C).
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Sources: shared/clinical/baclofen.md (keys as in 10-baclofen.sql) and
-- shared/clinical/baclofen-addendum.md (new keys below). Items the addendum
-- marks [D] (derived: a design proposal, not a published limit) cite the
-- source key 'Titrate-D' and say "design choice" in their own text.

INSERT INTO source (key, citation, kind) VALUES
  ('Titrate-D', 'Design choice of this tool, derived from the sources named beside it (baclofen-addendum.md [D] items); not a published limit', 'design'),
  ('UK-RXR', 'UK SmPC, baclofen tablets (Generics [UK] t/a Mylan), paediatric posology, as reproduced by RxReasoner', 'label'),
  ('FR-RCP', 'Lioresal (France) RCP section 4.2 (paediatric titration; stopping in steps of 10–15 mg over 1–2 weeks)', 'label'),
  ('UCSF-LAB', 'UCSF Clinical Laboratories manual: creatinine, serum/plasma (reference intervals; 1 mg/dL = 88.4 µmol/L)', 'guideline'),
  ('ROCHE-CREP2', 'Roche cobas Creatinine Plus assay: reportable range 0.08–26.99 mg/dL', 'tertiary'),
  ('CLINCALC', 'ClinCalc body-weight section (adjusted body weight when actual weight is more than 30% above ideal weight)', 'tertiary'),
  ('CALCORG', 'calculators.org: Devine ideal body weight and adjusted body weight', 'tertiary'),
  ('NKF24', 'St Peter WL et al. (NKF workgroup), Am J Health-Syst Pharm 2024, doi 10.1093/ajhp/zxae317: race-free CKD-EPI eGFR for medication decisions, de-indexed by BSA', 'guideline'),
  ('Mosteller1987', 'Mosteller RD. Simplified calculation of body-surface area. N Engl J Med 1987;317:1098', 'study');

-- --- new rules ---------------------------------------------------------------
INSERT INTO rule (code, category, severity, title, reason, action, source, evidence) VALUES
  ('titration.oral.start_at_max', 'titration', 'major',
   'Starts at the maximum daily dose on day 1',
   'Every label titrates up from a low start (spasticity 5 mg three times a day, +5 mg per dose every 3 days, up to 80 mg/day: US-TAB, OZO, FLQ, LYV; alcohol use disorder 15–20 mg/day, +10 mg every 3–4 days, up to 80 mg/day: BCR). Starting at the maximum skips the titration that lets drowsiness, confusion and hypotonia show at low doses.',
   'Start at the label dose and titrate; if the patient already takes this dose, record the current daily dose so the plan reads as a continuation.',
   'US-TAB; OZO; FLQ; LYV; BCR', 'L'),
  ('input.creatinine_implausible', 'input', 'moderate',
   'Serum creatinine implausible in its unit',
   'Design choice, not a published limit: a value in µmol/L below 20 is below every adult lower reference limit found (lowest 0.52 mg/dL, about 46 µmol/L; UCSF-LAB), so it is probably a mg/dL value typed in the µmol/L field; a value in mg/dL above 30 exceeds the assay reportable range (about 27 mg/dL, ROCHE-CREP2), so it is probably µmol/L typed in the mg/dL field (1 mg/dL = 88.4 µmol/L). The value is not used for CrCl or eGFR.',
   'Check the laboratory report and enter the creatinine in the unit it was reported in.',
   'Titrate-D; UCSF-LAB; ROCHE-CREP2', 'D');

-- --- population bands [min, max) --------------------------------------------
INSERT INTO population_band (medicine, code, metric, min_value, max_value, source, note) VALUES
  ('baclofen', 'adult',       'age_years', 18, 200, 'UK; US-TAB',
   'Adult dosing from 18 years: the UK paediatric posology covers birth to under 18 years.'),
  ('baclofen', 'child',       'age_years',  0,   18, 'UK',
   'UK SmPC paediatric posology: 0 to under 18 years (weight-based dosing).'),
  ('baclofen', 'older_adult', 'age_years', 65, 200, 'Beers23; UK; CA',
   'Beers 2023 applies from 65 years; UK and Canadian labels advise a cautious schedule in the elderly.'),
  ('baclofen', 'renal_reduced', 'crcl_ml_min', 0, 80, 'Vlavonou2014',
   'Vlavonou 2014: dose reductions start below CrCl 80 mL/min (counselling on renal function).'),
  ('baclofen', 'egfr_reduced', 'egfr_ml_min_1_73m2', 0, 60, 'Beers23; Wolf2018',
   'Beers 2023 (avoid at 65+) and Wolf 2018 (reduce) act below eGFR 60 mL/min/1.73 m².');

-- --- threshold rules -----------------------------------------------------------
INSERT INTO threshold (medicine, code, rule, metric, comparison, value, unit, severity, source, note) VALUES
  ('baclofen', 'us_pediatric_unestablished', 'pediatric.us_under12', 'age_years', '<', 12, 'years', NULL, 'US-TAB',
   'US labels: safety and effectiveness not established under 12 years (oral products).'),
  ('baclofen', 'tablet_min_weight', 'pediatric.tablet_under33kg', 'weight_kg', '<', 33, 'kg', NULL, 'UK',
   'UK SmPC: tablets unsuitable for children under 33 kg.'),
  ('baclofen', 'intrathecal_min_age', 'pediatric.it_under4', 'age_years', '<', 4, 'years', NULL, 'GAB',
   'Gablofen: intrathecal use from 4 years.'),
  ('baclofen', 'beers_age', 'elderly.beers_egfr60', 'age_years', '>=', 65, 'years', NULL, 'Beers23',
   'Beers 2023 Table 6 applies from 65 years.'),
  ('baclofen', 'beers_egfr', 'elderly.beers_egfr60', 'egfr_ml_min_1_73m2', '<', 60, 'mL/min/1.73 m²', NULL, 'Beers23',
   'Beers 2023: avoid at eGFR below 60 or on chronic dialysis.'),
  ('baclofen', 'beers_beside_renal', 'elderly.beers_egfr60', 'renal_alert_raised', '>=', 1, 'alert', 'moderate', 'Beers23',
   'One kidney problem, one interruptive alert: when a major or stronger renal alert is shown, the Beers alert refers to it and is shown as moderate.'),
  ('baclofen', 'muanda_age', 'elderly.muanda_start20', 'age_years', '>=', 66, 'years', NULL, 'Muanda2019',
   'Muanda 2019 studied adults 66 and over.'),
  ('baclofen', 'muanda_egfr', 'elderly.muanda_start20', 'egfr_ml_min_1_73m2', '<', 60, 'mL/min/1.73 m²', NULL, 'Muanda2019',
   'Muanda 2019: eGFR below 60.'),
  ('baclofen', 'muanda_start', 'elderly.muanda_start20', 'plan.first_daily_mg', '>=', 20, 'mg/day', NULL, 'Muanda2019',
   'Muanda 2019: starting at 20 mg/day or more.'),
  ('baclofen', 'cautious_titration_age', 'elderly.cautious_titration', 'age_years', '>=', 65, 'years', NULL, 'UK; CA; Beers23',
   'Cautious schedule in the elderly (UK, CA), from 65 as in Beers 2023.'),
  ('baclofen', 'screening_concentration', 'dose.it.bolus_concentration', 'concentration_mcg_per_ml', '!=', 50, 'mcg/mL', NULL, 'LIO-IT; GAB',
   'Screening boluses come from the 50 mcg/mL ampule or vial.'),
  ('baclofen', 'start_at_maximum', 'titration.oral.start_at_max', 'plan.first_daily_over_label_max', '>=', 1, 'ratio', NULL, 'US-TAB; BCR',
   'A first step at or above the applicable label maximum (ratio of first daily dose to the maximum).'),
  ('baclofen', 'creatinine_umol_l_low', 'input.creatinine_implausible', 'serum_creatinine_umol_l', '<', 20, 'µmol/L', NULL, 'Titrate-D; UCSF-LAB',
   'Design choice (addendum §3 [D]): below every adult lower reference limit; probably mg/dL typed as µmol/L.'),
  ('baclofen', 'creatinine_mg_dl_high', 'input.creatinine_implausible', 'serum_creatinine_mg_dl', '>', 30, 'mg/dL', NULL, 'Titrate-D; ROCHE-CREP2',
   'Design choice (addendum §3 [D]): above the assay reportable range; probably µmol/L typed as mg/dL.'),
  ('baclofen', 'adjusted_weight_trigger', NULL, 'weight_over_ibw_ratio', '>', 1.3, 'ratio', NULL, 'CLINCALC; CALCORG',
   'Cockcroft–Gault uses adjusted body weight (IBW + 0.4 × (actual − IBW), Devine IBW) when actual weight is more than 30% above ideal weight.');

-- --- input ranges (inclusive max; min exclusive where min_exclusive = 1) -----
-- These are the document and form plausibility limits that used to be in C
-- and in the .ui files. They bound typing errors, not doses: design choices.
INSERT INTO input_range (field, min_value, max_value, min_exclusive, source, note) VALUES
  ('patient.age_years',               0,  130, 0, 'Titrate-D', 'Design choice: human age span.'),
  ('patient.weight_kg',               0,  400, 1, 'Titrate-D', 'Design choice: human weight span.'),
  ('patient.height_cm',               0,  272, 1, 'Titrate-D', 'Design choice: human height span.'),
  ('patient.serum_creatinine_mg_dl',  0,   30, 1, 'Titrate-D; ROCHE-CREP2', 'Design choice near the assay reportable range (26.99 mg/dL).'),
  ('patient.serum_creatinine_umol_l', 0, 2650, 1, 'Titrate-D; ROCHE-CREP2', 'Design choice: 30 mg/dL in µmol/L.'),
  ('patient.crcl_ml_min',             0,  300, 1, 'Titrate-D', 'Design choice.'),
  ('patient.egfr_ml_min_1_73m2',      0,  200, 1, 'Titrate-D', 'Design choice.'),
  ('patient.current_daily_mg',        0, 1000, 1, 'Titrate-D', 'Design choice: bounds typing errors, far above any sourced dose.');
