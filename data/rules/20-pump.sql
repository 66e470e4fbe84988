-- 20-pump.sql — Titrate rules content: intrathecal pump management
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Pump models and reservoir sizes, the planner's settings and the pump
-- alerts. Every fact comes from shared/clinical/baclofen-addendum.md §1 (and
-- baclofen.md §3/§4), with its source key. Items that source marks [D]
-- ("derived here") are adopted only as settings or rules that say so in
-- their own text: design choices, not published limits.
-- Units: mL for volumes, mcg/mL for concentrations, mcg/day for doses, days.

-- ===========================================================================
-- Tables (read by src/lib/titrate-pump.c at open; missing or empty → the
-- database cannot be used)
-- ===========================================================================

-- Implantable pumps a document may name (regimen.pump.model). reservoir_ml
-- NULL: the document must give it (model "other"). The device_* columns are
-- the device's own indication for baclofen, NULL where none was found.
CREATE TABLE pump_model (
  code          TEXT PRIMARY KEY NOT NULL,
  label         TEXT NOT NULL,
  reservoir_ml  REAL CHECK (reservoir_ml > 0),
  device_min_concentration_mcg_per_ml REAL CHECK (device_min_concentration_mcg_per_ml > 0),
  device_max_concentration_mcg_per_ml REAL CHECK (device_max_concentration_mcg_per_ml > 0),
  device_min_age_years REAL CHECK (device_min_age_years >= 0),
  source        TEXT NOT NULL,
  evidence      TEXT NOT NULL CHECK (evidence IN ('L', 'G', 'G-t', 'S', 'U', 'L/U'))
) STRICT;

-- Planner settings. evidence 'D' = a design choice derived from the sources
-- (no source states the number); the note says so and is shown with it.
CREATE TABLE pump_setting (
  key        TEXT PRIMARY KEY NOT NULL,
  value      REAL NOT NULL,
  min_value  REAL NOT NULL,
  max_value  REAL NOT NULL,
  unit       TEXT NOT NULL CHECK (unit IN ('days')),
  source     TEXT NOT NULL,
  evidence   TEXT NOT NULL CHECK (evidence IN ('D', 'G', 'L', 'S')),
  note       TEXT NOT NULL,
  CHECK (min_value <= value AND value <= max_value)
) STRICT;

-- Patient texts (handout pump card), each with its source keys, keyed by
-- medicine like every clinical text (every medicine needs its own card:
-- checked at open).
CREATE TABLE pump_text (
  medicine TEXT NOT NULL REFERENCES medicine (code),
  key      TEXT NOT NULL,
  text     TEXT NOT NULL,
  source   TEXT NOT NULL,
  PRIMARY KEY (medicine, key)
) STRICT;

-- ===========================================================================
-- sources (keys of baclofen-addendum.md; OR IGNORE: another file may cite
-- the same key first)
-- ===========================================================================
INSERT OR IGNORE INTO source (key, citation, kind) VALUES
  ('ROCQUE10', 'Rocque BG, Albright AL. Infraclavicular fossa pump placement, technical note. Neurosurgery 2010;66(2):E402-3 (SynchroMed II 20 mL and 40 mL reservoirs)', 'study'),
  ('FLX-MRI', 'Flowonix, Prometra 20 mL (REF 11827), Prometra II 20 mL (REF 13827) and Prometra II 40 mL (REF 16827) Programmable Pumps: MRI Safety Information, PL-21604-02, Jan 2020', 'label'),
  ('FLX-BS', 'Flowonix, Brief Statement for US Health Care Providers, PL-19589-04, Aug 2024 (and PL-19589-02, Nov 2019)', 'label'),
  ('NL-PII', 'NeurologyLive/HCPLive, Prometra II pump approved for use with intrathecal baclofen', 'tertiary'),
  ('NSG04', 'Correlation between withdrawal symptoms and medication pump residual volume in patients with implantable SynchroMed pumps. Neurosurgery 2004;55(2):390-3, PMID 15271246', 'study'),
  ('GIL-R', 'Gillette Children''s, Intrathecal baclofen pump refills (patient education)', 'guideline'),
  ('GIL-F', 'Gillette Children''s, Follow-up care for ITB pump implantation', 'guideline'),
  ('MDT-PT', 'Medtronic patient pages: Pump management, ITB therapy for severe spasticity (US)', 'label'),
  ('SAUL16-D', 'Saulino M et al. Best Practices for Intrathecal Baclofen Therapy: Dosing and Long-Term Management. Neuromodulation 2016;19(6):623-31, doi 10.1111/ner.12388', 'guideline'),
  ('LIO-IT-desc', 'Lioresal Intrathecal US prescribing information, Description section (stable in solution at 37 °C)', 'label'),
  ('ADMIX', 'Stability of intrathecal baclofen-clonidine admixture in implantable systems at 37 °C (abstract)', 'study'),
  ('BACINFO', 'baclofen.info, Cerebral palsy 10: the follow-up procedure including refill', 'tertiary');

-- ===========================================================================
-- pump_model
-- ===========================================================================
INSERT INTO pump_model (code, label, reservoir_ml, device_min_concentration_mcg_per_ml,
                        device_max_concentration_mcg_per_ml, device_min_age_years, source, evidence) VALUES
  ('synchromed_ii_20', 'SynchroMed II 20 mL', 20, NULL, NULL, NULL, 'ROCQUE10', 'S'),
  ('synchromed_ii_40', 'SynchroMed II 40 mL', 40, NULL, NULL, NULL, 'ROCQUE10', 'S'),
  ('prometra_20',      'Prometra 20 mL',      20, 500, 2000, 12, 'FLX-MRI; FLX-BS', 'L'),
  ('prometra_ii_20',   'Prometra II 20 mL',   20, 500, 2000, 12, 'FLX-MRI; FLX-BS', 'L'),
  ('prometra_ii_40',   'Prometra II 40 mL',   40, 500, 2000, 12, 'FLX-MRI; FLX-BS; NL-PII', 'L'),
  ('other',            'Other pump',        NULL, NULL, NULL, NULL, 'LIO-IT; GAB', 'L');

-- ===========================================================================
-- pump_setting
-- ===========================================================================
INSERT INTO pump_setting (key, value, min_value, max_value, unit, source, evidence, note) VALUES
  ('refill_margin_days', 7, 3, 10, 'days', 'GIL-R; GIL-F; MDT-PT; NSG04', 'D',
   'Refill-by date = alarm date minus this margin. Sources give 3 to 10 days (Gillette: 3–5 and 7–10 days before the alarm date; Medtronic: about a week earlier when travel or weather may interfere); withdrawal began 1–7 days before a 2 mL alarm in 24% of patients (NSG04). The 7-day default is a design choice, not a published limit.'),
  ('long_interval_days', 180, 180, 180, 'days', 'LIO-IT-desc; ADMIX; GIL-R; GIL-F', 'D',
   'A computed refill interval above this raises an information alert. No label states a stability limit in days; clinical sources give refill intervals from monthly to every 6 months. The 180-day threshold is a design choice, not a published limit.');

-- ===========================================================================
-- rules
-- ===========================================================================
INSERT INTO rule (code, category, severity, title, reason, action, source, evidence) VALUES
  ('pump.refill.after_refill_by', 'withdrawal', 'moderate',
   'Pump refill scheduled later than the refill-by date',
   'The refill-by date is the low-reservoir alarm date minus a safety margin. Clinics refill 3–5 days (Gillette refills page) or 7–10 days (Gillette follow-up page) before the alarm date, and a week earlier when travel or weather may interfere (Medtronic). Withdrawal began 1–7 days before a 2 mL alarm in 24% of patients (NSG04). The margin is a setting (default 7 days): a design choice, not a published limit.',
   'Bring the refill appointment forward to the refill-by date or earlier. Do not lower the dose to stretch a refill.',
   'GIL-R; GIL-F; MDT-PT; NSG04', 'G'),
  ('pump.refill.after_alarm', 'withdrawal', 'major',
   'Pump refill scheduled on or after the low-reservoir alarm date',
   'By the scheduled refill the reservoir will have reached its low-reservoir alarm volume: only a few days of drug remain (Medtronic; Gillette), and some patients have withdrawal symptoms 1–7 days before a 2 mL alarm (NSG04). Abrupt loss of intrathecal baclofen has caused high fever, altered mental status, rebound spasticity, rhabdomyolysis and death (boxed warning, LIO-IT, GAB).',
   'Reschedule the refill before the refill-by date. Tell the patient the alarm date, the alarm sounds and the early withdrawal signs.',
   'GIL-R; MDT-PT; NSG04; LIO-IT; GAB §5.5', 'G'),
  ('pump.refill.after_empty', 'withdrawal', 'contraindicated',
   'Pump runs empty before the scheduled refill',
   'At the planned infusion rate the reservoir is empty on or before the scheduled refill. Labels: time refills so the reservoir never runs dry; abrupt loss of intrathecal baclofen has caused high fever, altered mental status, rebound spasticity, rigidity, rhabdomyolysis, multi-organ failure and death (boxed warning).',
   'Do not keep this date: schedule the refill before the refill-by date. If the pump may already be empty, treat as possible withdrawal: restore intrathecal dosing in a monitored setting.',
   'LIO-IT; GAB §5.5; GIL-R', 'L'),
  ('pump.next_refill_missing', 'input', 'moderate',
   'Pump in use but no next refill scheduled',
   'Saulino 2016 asks that the low-reservoir alarm date and the refill schedule be written down with emergency contacts. Without a next refill date the plan cannot be checked against the alarm and empty dates.',
   'Enter the next refill date (the pump section), no later than the refill-by date.',
   'SAUL16-D; LIO-IT; GAB', 'G'),
  ('pump.not_planned', 'input', 'moderate',
   'Pump refill dates could not be computed',
   'The alarm, empty and refill-by dates need the last refill (date, volume and concentration), the regimen''s start date and its daily dose in mcg/day. Without them the refill checks were not run.',
   'Complete the pump section: the last refill and the regimen start date.',
   'LIO-IT; GAB', 'L'),
  ('pump.alarm_volume_missing', 'input', 'moderate',
   'Pump low-reservoir alarm volume not entered',
   'The alarm date is when the reservoir reaches the programmed low-reservoir alarm volume. NSG04 reports a manufacturer-recommended 2 mL (2004) and withdrawal before that volume in some patients; the current default is not known here, so none is assumed. Without it only the empty date is checked.',
   'Enter the alarm volume programmed in the pump (mL), from the programmer printout.',
   'NSG04; MDT-PT', 'S'),
  ('pump.inconsistent', 'input', 'major',
   'Pump details do not fit together: refill checks not run',
   'The pump section contradicts itself or the regimen: a reservoir volume that differs from the named model''s reservoir (SynchroMed II 20 or 40 mL, ROCQUE10; Prometra 20 mL, Prometra II 20 or 40 mL, FLX-MRI), a refill larger than the reservoir, or a last refill whose concentration is not the regimen''s. Every computed date would be wrong, so the refill checks were not run.',
   'Correct the pump section (choose "other" for a pump not listed) or the regimen''s concentration.',
   'ROCQUE10; FLX-MRI', 'L'),
  ('pump.bridge_bolus', 'dose', 'moderate',
   'Concentration changed at the last refill: program a bridge bolus',
   'When the concentration changes at a refill, drug of the old concentration remains in the pump tubing and catheter; a bridge bolus must be programmed (Saulino 2016). Bridge and priming volumes were not found in any source, so none is computed here.',
   'Program the bridge bolus with the pump programmer as the manufacturer describes, and observe the patient after the change.',
   'SAUL16-D', 'G'),
  ('pump.device_age', 'pediatric', 'moderate',
   'Pump used below the device''s labelled age',
   'The Prometra pump''s US brief statement labels intrathecal baclofen for patients 12 years and older (Aug 2024; the Nov 2019 statement limited it to adults 22 years and older) (FLX-BS). Use in a younger child is outside the device''s indication.',
   'Confirm the choice of pump with the implanting team and record the off-label device use.',
   'FLX-BS', 'L'),
  ('pump.device_concentration', 'route', 'moderate',
   'Concentration outside the pump''s labelled range',
   'The Prometra pump''s US brief statement labels intrathecal baclofen at 500–2000 mcg/mL (FLX-BS). Another concentration in this pump is outside the device''s indication.',
   'Use a 500, 1000 or 2000 mcg/mL solution in this pump, or confirm the off-label use with the implanting team.',
   'FLX-BS', 'L'),
  ('pump.interval_long', 'route', 'info',
   'Long computed refill interval',
   'No label states a stability limit in days: Lioresal Intrathecal is stable in solution at 37 °C (LIO-IT-desc), and no maximum number of days in the pump was found in the Lioresal or Gablofen label text. Clinical sources refill from monthly to every 6 months (Gillette). A baclofen–clonidine admixture fell below 90% at week 16 (ADMIX; not plain baclofen). The 180-day threshold for this note is a design choice, not a published limit.',
   'Check the pump manufacturer''s drug-stability and refill-interval guidance before extending the interval.',
   'LIO-IT-desc; GIL-R; GIL-F; ADMIX', 'U');

-- Texts of the patient handout's pump card.
INSERT INTO pump_text (medicine, key, text, source) VALUES
  ('baclofen', 'card_keep', 'Keep every refill appointment: the pump must never run empty. If the pump alarm sounds, call your pump clinic the same day.', 'LIO-IT; GAB §5.5; MDT-PT'),
  ('baclofen', 'card_early_signs', 'Early signs that baclofen is running low: your stiffness or spasms come back, itching, low blood pressure (dizziness, feeling faint), pins and needles.', 'GAB §5.5; LIO-IT'),
  ('baclofen', 'card_act_now', 'Fever, confusion or very stiff muscles: get medical help at once and say you have a baclofen pump.', 'LIO-IT; GAB §5.5');
