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
   'Titrate-D; UCSF-LAB; ROCHE-CREP2', 'D'),
  ('input.unknown_field', 'input', 'moderate',
   'Field in the file not recognised: not checked',
   'Design choice: the file has fields this version of Titrate does not read, a misspelt name or one written by a newer version. They are kept and saved back, but nothing was checked against them, so a misspelt pregnancy status or serum creatinine leaves the checks that need it undone.',
   'Check the spelling of these field names (see the document format in the README), or open the file in the Titrate version that wrote it.',
   'Titrate-D', 'D');

INSERT INTO rule (code, category, severity, title, reason, action, source, evidence) VALUES
  ('titration.oral.pediatric_start', 'titration', 'moderate',
   'Child''s starting dose above the weight-based start',
   'UK SmPC (0 to <18 years) and the French Lioresal label (6–18 years): start at about 0.3 mg/kg/day in 2–4 doses (preferably 4). UpToDate starts children 2 to <8 years at 0.5 mg/kg/day (at most 2.5 mg per dose). A higher start adds drowsiness and hypotonia; toxicity is common in children with cerebral palsy (Delgado 2010).',
   'Start at about 0.3 mg/kg/day (UK, France) split into 2–4 doses, using a current weight.',
   'UK-RXR; FR-RCP; UpToDate; Delgado2010', 'L'),
  ('titration.oral.pediatric_pace', 'titration', 'moderate',
   'Child''s dose raised faster than about once a week',
   'UK SmPC: raise the dose cautiously at about 1-week intervals; French label: steps of 1–2 weeks. Older labels (Bangladesh) used 3-day steps and PedMed 3–7 days, but the current UK and French texts use about weekly steps.',
   'Space increases about a week apart and review drowsiness, tone and feeding before each step.',
   'UK-RXR; FR-RCP', 'L'),
  ('dose.oral.single_dose_high', 'dose', 'major',
   'Single dose above any labelled single dose',
   'Design choice, not a published limit: no label states a single-dose maximum. US labels reach 20 mg four times a day (80 mg/day); the largest marketed tablet is Baclocur 40 mg (France, alcohol use disorder, up to 80 mg/day in 2–4 doses). A larger single dose suggests a units or decimal error; ingestion of 200 mg or more predicts coma and seizures (Leung 2006).',
   'Check the dose and units; split the daily dose into 3–4 doses as the labels do.',
   'Titrate-D; US-TAB; BCR; Leung2006', 'D'),
  ('dose.oral.doses_per_day_high', 'dose', 'moderate',
   'More doses a day than any label describes',
   'Labels give oral baclofen in 1 to 4 doses a day: spasticity three times a day up to four times a day (US-TAB), children in 2–4 doses (UK-RXR), alcohol use disorder in 2–4 doses (BCR). More doses a day suggests a duplicated line or an interval typed as a count.',
   'Check the schedule; give the daily dose in at most 4 doses.',
   'US-TAB; UK-RXR; BCR', 'L'),
  ('withdrawal.oral.step_down_large', 'withdrawal', 'moderate',
   'Reduction step larger than 10–15 mg',
   'French label: stop progressively over 1–2 weeks in steps of 10 or 15 mg, except in emergencies (FR-RCP); ANSM 2017: patients above 80 mg/day in alcohol use disorder are reduced by 10–15 mg every 2 days. A large final drop to zero, or a token reduction followed by a stop, is an abrupt stop in effect: hallucinations, seizures, fever and rebound spasticity have followed (US-TAB). No source grades this risk by dose or duration of exposure.',
   'Reduce by 10–15 mg/day per step, including the last step to zero; restart the previous dose if withdrawal signs appear.',
   'FR-RCP; ANSM17; US-TAB', 'L'),
  ('titration.it.start_above_screening', 'titration', 'major',
   'Post-implant infusion above the screening-based start',
   'Labels: start the pump at twice the effective screening bolus per 24 h, or at the screening dose itself when its effect lasted more than 8 hours; do not increase in the first 24 h (LIO-IT). Expert panel: the screening dose itself also after adverse reactions to it, or the pump minimum in fragile cases (Saulino 2016, via the addendum).',
   'Start at twice the effective screening bolus per day (once it if the effect lasted more than 8 h), then titrate once per 24 h.',
   'LIO-IT; GAB', 'L');

-- Children: start about 0.3 mg/kg/day (UK-RXR, FR-RCP; UpToDate 0.5 mg/kg/day
-- at 2 to <8 years: alternatives, the more lenient applies) and raise about
-- weekly (UK-RXR; FR-RCP 1–2 weeks).
INSERT INTO titration_limit (medicine, rule, indication, age_min_years, age_max_years, kind, value, source) VALUES
  ('baclofen', 'titration.oral.pediatric_start', 'spasticity', 0, 18, 'start_mg_per_kg_day', 0.3, 'UK-RXR; FR-RCP'),
  ('baclofen', 'titration.oral.pediatric_start', 'spasticity', 2,  8, 'start_mg_per_kg_day', 0.5, 'UpToDate'),
  ('baclofen', 'titration.oral.pediatric_pace',  'spasticity', 0, 18, 'interval_days',        7, 'UK-RXR; FR-RCP');

-- Step size of an oral taper, each step and the last step to zero: 10–15 mg
-- (FR-RCP; ANSM17 for AUD above 80 mg/day).
INSERT INTO taper_rule (medicine, rule, route, indication, min_taper_days, max_step_down_daily_mg, source) VALUES
  ('baclofen', 'withdrawal.oral.step_down_large', 'oral', NULL, 0, 15, 'FR-RCP; ANSM17');

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
  ('baclofen', 'single_dose_max', 'dose.oral.single_dose_high', 'plan.max_single_dose_mg', '>', 40, 'mg', NULL, 'Titrate-D; BCR',
   'Design choice (addendum §8: no single-dose maximum found): above the largest marketed tablet, Baclocur 40 mg.'),
  ('baclofen', 'doses_per_day_max', 'dose.oral.doses_per_day_high', 'plan.doses_per_day', '>', 4, 'doses', NULL, 'US-TAB; UK-RXR; BCR',
   'Labels describe 1 to 4 doses a day.'),
  ('baclofen', 'it_start_ratio', 'titration.it.start_above_screening', 'plan.it_start_over_screening', '>', 2, 'ratio', NULL, 'LIO-IT',
   'Post-implant start: twice the effective screening dose per 24 h.'),
  ('baclofen', 'it_start_ratio_long_effect', 'titration.it.start_above_screening', 'plan.it_start_over_screening', '>', 1, 'ratio', NULL, 'LIO-IT',
   'Post-implant start: the screening dose itself when its effect lasted more than 8 hours.'),
  ('baclofen', 'it_long_effect_hours', NULL, 'screening_effect_hours', '>', 8, 'h', NULL, 'LIO-IT',
   'A screening effect lasting more than 8 hours halves the post-implant start.'),
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
