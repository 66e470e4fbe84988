-- 00-schema.sql — Titrate rules database schema
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Typed tables, no expression language. Every clinical row names a rule
-- (the alert text) and every rule carries its source keys and evidence mark,
-- so a prescriber can judge each alert independently. Units are in the
-- column names: *_mg for oral, *_mcg for intrathecal.
--
-- Evidence marks (from ../shared/clinical/baclofen.md):
--   L label/SmPC · G guideline · G-t tertiary reference · S study/case · SEED · U uncertain

PRAGMA user_version = 1;   -- schema version, checked by the library on open

CREATE TABLE meta (
  key   TEXT PRIMARY KEY NOT NULL,
  value TEXT NOT NULL
) STRICT;

-- Source key → full citation.
CREATE TABLE source (
  key      TEXT PRIMARY KEY NOT NULL,
  citation TEXT NOT NULL,
  kind     TEXT NOT NULL CHECK (kind IN ('label', 'guideline', 'tertiary', 'study', 'seed', 'design'))
) STRICT;

-- Medicines this database covers. Clinical tables are keyed by medicine, so a
-- second medicine needs rows, not code. label is the name as written inside
-- a sentence ("baclofen"), label_start the same name opening a sentence or a
-- heading ("Baclofen"); handouts, reminders and the CLI print these, never a
-- name written in C.
CREATE TABLE medicine (
  code        TEXT PRIMARY KEY,
  label       TEXT NOT NULL,
  label_start TEXT NOT NULL,
  source      TEXT NOT NULL
);

-- One row per alert the checker can raise. The text lives here only.
CREATE TABLE rule (
  code      TEXT PRIMARY KEY NOT NULL,
  category  TEXT NOT NULL CHECK (category IN ('dose', 'titration', 'withdrawal', 'interaction',
                'duplication', 'renal', 'hepatic', 'elderly', 'pediatric', 'pregnancy',
                'lactation', 'condition', 'allergy', 'route', 'input')),
  severity  TEXT NOT NULL CHECK (severity IN ('contraindicated', 'major', 'moderate', 'minor', 'info')),
  title     TEXT NOT NULL CHECK (length(title) BETWEEN 3 AND 80),
  reason    TEXT NOT NULL CHECK (length(reason) >= 10),
  action    TEXT NOT NULL CHECK (length(action) >= 5),
  source    TEXT NOT NULL CHECK (length(source) >= 2),   -- source keys, '; '-separated
  evidence  TEXT NOT NULL CHECK (evidence IN ('L', 'G', 'G-t', 'S', 'SEED', 'U', 'L/U', 'L/G', 'G/U', 'S/U', 'D', 'G-t/D'))
) STRICT;

CREATE TABLE indication (
  code   TEXT PRIMARY KEY NOT NULL,
  route  TEXT NOT NULL CHECK (route IN ('oral', 'intrathecal')),
  label  TEXT NOT NULL,
  source TEXT NOT NULL
) STRICT;

CREATE TABLE condition (
  code  TEXT PRIMARY KEY NOT NULL,
  label TEXT NOT NULL
) STRICT;

-- Dose forms. unit says what strength means: a tablet/packet in mg, a liquid
-- in mg per mL, an intrathecal solution in mcg per mL.
CREATE TABLE formulation (
  code   TEXT PRIMARY KEY NOT NULL,
  route  TEXT NOT NULL CHECK (route IN ('oral', 'intrathecal')),
  label  TEXT NOT NULL,
  unit   TEXT NOT NULL CHECK (unit IN ('mg_per_unit', 'mg_per_ml', 'mcg_per_ml')),
  divisible TEXT NOT NULL CHECK (divisible IN ('whole', 'scored_half', 'volume')),
  source TEXT NOT NULL
) STRICT;

CREATE TABLE strength (
  formulation TEXT NOT NULL REFERENCES formulation (code),
  strength    REAL NOT NULL CHECK (strength > 0),   -- mg per unit, mg/mL or mcg/mL (see formulation.unit)
  scored      INTEGER NOT NULL CHECK (scored IN (0, 1)),  -- tablets: may be halved
  product     TEXT NOT NULL,
  source      TEXT NOT NULL,
  PRIMARY KEY (formulation, strength)
) STRICT;

-- Maximum daily doses. Oral rows use max_daily_mg / max_mg_per_kg_day;
-- intrathecal rows max_daily_mcg. Ages are [age_min_years, age_max_years).
CREATE TABLE dose_limit (
  medicine   TEXT NOT NULL REFERENCES medicine (code),
  rule       TEXT NOT NULL REFERENCES rule (code),
  route      TEXT NOT NULL CHECK (route IN ('oral', 'intrathecal')),
  indication TEXT,                                  -- NULL = any
  age_min_years REAL NOT NULL DEFAULT 0,
  age_max_years REAL NOT NULL DEFAULT 200,
  max_daily_mg  REAL CHECK (max_daily_mg > 0),
  max_mg_per_kg_day REAL CHECK (max_mg_per_kg_day > 0),
  max_daily_mcg REAL CHECK (max_daily_mcg > 0),
  kind       TEXT NOT NULL CHECK (kind IN ('label_max', 'upper_bound', 'soft', 'regional')),
  CHECK ((route = 'oral' AND max_daily_mcg IS NULL AND (max_daily_mg IS NOT NULL OR max_mg_per_kg_day IS NOT NULL))
      OR (route = 'intrathecal' AND max_daily_mg IS NULL AND max_mg_per_kg_day IS NULL AND max_daily_mcg IS NOT NULL))
) STRICT;

-- Label titration speed for oral regimens, one row per limit:
--   start_daily_mg: a first step above value (mg/day) raises the rule;
--   step_daily_mg:  one step-up larger than value (mg/day) raises the rule;
--   interval_days:  step-ups closer together than value (days) raise the rule;
--   step_dose_mg:   a scheme raising each dose by at most value mg (same number
--                   of doses), or adding one dose no larger than the current ones;
--   start_mg_per_kg_day: a first step above value mg/kg/day (children) raises the rule.
-- Several rows of one kind for one indication are alternative sourced schemes:
-- a step within any of them does not alert; an alert names them all.
CREATE TABLE titration_limit (
  medicine   TEXT NOT NULL REFERENCES medicine (code),
  rule       TEXT NOT NULL REFERENCES rule (code),
  indication TEXT NOT NULL,
  age_min_years REAL NOT NULL DEFAULT 0,
  age_max_years REAL NOT NULL DEFAULT 200,
  kind       TEXT NOT NULL CHECK (kind IN ('start_daily_mg', 'step_daily_mg', 'interval_days',
                  'step_dose_mg', 'start_mg_per_kg_day')),
  value      REAL NOT NULL CHECK (value > 0),
  source     TEXT                 -- the scheme this row comes from, named when it fires
) STRICT;

-- Default (suggested) oral protocols. mg/kg columns are used when set and a
-- weight is known; the planner rounds each dose DOWN to what the chosen
-- strength can measure and says so.
CREATE TABLE protocol (
  medicine   TEXT NOT NULL REFERENCES medicine (code),
  id         INTEGER PRIMARY KEY,
  indication TEXT NOT NULL,
  age_min_years REAL NOT NULL DEFAULT 0,
  age_max_years REAL NOT NULL DEFAULT 200,
  doses_per_day INTEGER NOT NULL CHECK (doses_per_day BETWEEN 1 AND 6),
  start_dose_mg REAL,                     -- per dose
  start_mg_per_kg_day REAL,
  max_start_dose_mg REAL,                 -- per-dose cap on a weight-based start
  step_mg_per_dose REAL,
  step_mg_per_kg_day REAL,
  step_every_days INTEGER NOT NULL CHECK (step_every_days >= 1),
  target_daily_mg REAL,
  target_mg_per_kg_day REAL,
  source     TEXT NOT NULL,
  note       TEXT NOT NULL,
  CHECK (start_dose_mg IS NOT NULL OR start_mg_per_kg_day IS NOT NULL),
  CHECK (step_mg_per_dose IS NOT NULL OR step_mg_per_kg_day IS NOT NULL),
  CHECK (target_daily_mg IS NOT NULL OR target_mg_per_kg_day IS NOT NULL)
) STRICT;

-- Population adjustments to a suggested protocol (renal bands, elderly).
-- max_daily_mg: an absolute ceiling a source gives for this population (e.g.
-- about 5 mg/day on haemodialysis, UK/CA), applied on top of dose_factor.
CREATE TABLE protocol_adjustment (
  medicine   TEXT NOT NULL REFERENCES medicine (code),
  population TEXT NOT NULL CHECK (population IN ('renal_mild', 'renal_moderate', 'renal_severe', 'dialysis', 'elderly')),
  dose_factor REAL NOT NULL CHECK (dose_factor > 0 AND dose_factor <= 1),
  max_daily_mg REAL CHECK (max_daily_mg > 0),
  min_step_every_days INTEGER NOT NULL,
  source TEXT NOT NULL,
  note   TEXT NOT NULL
) STRICT;

-- Renal bands by renal function in mL/min, [crcl_min, crcl_max): Cockcroft–Gault
-- CrCl when it can be had, otherwise eGFR (de-indexed by BSA when possible).
-- dose_factor scales the indication's label maximum and start dose; avoid = always alert.
CREATE TABLE renal_band (
  medicine   TEXT NOT NULL REFERENCES medicine (code),
  rule       TEXT NOT NULL REFERENCES rule (code),
  population TEXT NOT NULL CHECK (population IN ('renal_mild', 'renal_moderate', 'renal_severe', 'renal_esrd')),
  crcl_min   REAL NOT NULL,
  crcl_max   REAL NOT NULL,
  dose_factor REAL NOT NULL CHECK (dose_factor > 0 AND dose_factor <= 1),
  avoid      INTEGER NOT NULL CHECK (avoid IN (0, 1)),
  -- The lowest toxic daily dose a source reports for this band (mg/day), and
  -- that source's key: when the scaled ceiling is above it, the alert says
  -- the sources conflict. NULL when no source reports one.
  conflict_daily_mg REAL CHECK (conflict_daily_mg > 0),
  conflict_source   TEXT,
  CHECK (crcl_min < crcl_max)
) STRICT;

-- Intrathecal screening boluses (mcg), in order.
CREATE TABLE it_screening (
  medicine   TEXT NOT NULL REFERENCES medicine (code),
  seq        INTEGER NOT NULL,
  bolus_mcg  REAL NOT NULL CHECK (bolus_mcg > 0),
  age_max_years REAL NOT NULL DEFAULT 200,   -- 25 mcg: small children only
  source     TEXT NOT NULL,
  PRIMARY KEY (medicine, seq)
) STRICT;

-- Intrathecal dose adjustments per 24 h, by spasticity origin and phase.
CREATE TABLE it_adjustment (
  medicine   TEXT NOT NULL REFERENCES medicine (code),
  rule       TEXT NOT NULL REFERENCES rule (code),
  origin     TEXT NOT NULL CHECK (origin IN ('spinal', 'cerebral')),
  phase      TEXT NOT NULL CHECK (phase IN ('post_implant', 'maintenance')),
  max_increase_pct REAL NOT NULL,
  max_decrease_pct REAL NOT NULL,
  min_interval_days INTEGER NOT NULL,
  PRIMARY KEY (medicine, origin, phase)
) STRICT;

-- Tapers: an oral plan that stops must take at least min_taper_days from its
-- last full dose to zero; daily reductions larger than max_step_down_daily_mg
-- per step_days raise the rule.
CREATE TABLE taper_rule (
  medicine   TEXT NOT NULL REFERENCES medicine (code),
  rule       TEXT NOT NULL REFERENCES rule (code),
  route      TEXT NOT NULL CHECK (route IN ('oral', 'intrathecal')),
  indication TEXT,
  min_taper_days INTEGER NOT NULL,
  -- Largest reduction in one step, and largest final step to zero (mg/day);
  -- NULL = not checked for this row.
  max_step_down_daily_mg REAL CHECK (max_step_down_daily_mg > 0),
  source     TEXT
) STRICT;

-- Comedication lexicon.
CREATE TABLE drug_class (
  code  TEXT PRIMARY KEY NOT NULL,
  label TEXT NOT NULL
) STRICT;

CREATE TABLE drug (
  code     TEXT PRIMARY KEY NOT NULL,          -- generic name, lower case
  class    TEXT NOT NULL REFERENCES drug_class (code)
) STRICT;

-- Names a prescriber may type: the generic, brands and synonyms. Matching is
-- case-insensitive and ignores surrounding spaces.
CREATE TABLE drug_name (
  name  TEXT PRIMARY KEY NOT NULL COLLATE NOCASE,
  drug  TEXT NOT NULL REFERENCES drug (code),
  kind  TEXT NOT NULL CHECK (kind IN ('generic', 'brand', 'synonym'))
) STRICT;

-- A drug may sit in more than one class (e.g. a sedating antihistamine that is
-- also an anticholinergic); extra classes beyond drug.class.
CREATE TABLE drug_extra_class (
  drug  TEXT NOT NULL REFERENCES drug (code),
  class TEXT NOT NULL REFERENCES drug_class (code),
  PRIMARY KEY (drug, class)
) STRICT;

-- mechanism: 'cns_depression' rows are additive CNS depression; when the
-- cumulative burden alert (cns_burden_rule) fires it lists those drugs and
-- replaces their pairwise alerts. 'distinct' rows always raise their own alert.
CREATE TABLE interaction (
  medicine  TEXT NOT NULL REFERENCES medicine (code),
  rule      TEXT NOT NULL REFERENCES rule (code),
  class     TEXT NOT NULL REFERENCES drug_class (code),
  route     TEXT CHECK (route IN ('oral', 'intrathecal')),   -- NULL = both
  mechanism TEXT NOT NULL CHECK (mechanism IN ('cns_depression', 'distinct')),
  PRIMARY KEY (medicine, class, rule)
) STRICT;

CREATE TABLE condition_caution (
  medicine  TEXT NOT NULL REFERENCES medicine (code),
  rule      TEXT NOT NULL REFERENCES rule (code),
  condition TEXT NOT NULL REFERENCES condition (code),
  route     TEXT CHECK (route IN ('oral', 'intrathecal')),  -- NULL = both
  indication TEXT,                                          -- NULL = any
  PRIMARY KEY (medicine, condition, rule)
) STRICT;

CREATE TABLE counselling (
  medicine   TEXT NOT NULL REFERENCES medicine (code),
  id      INTEGER PRIMARY KEY,
  topic   TEXT NOT NULL,
  route   TEXT CHECK (route IN ('oral', 'intrathecal')),
  population TEXT,              -- NULL = everyone; else pregnancy, lactation, renal, elderly, pediatric, aud,
                                -- epilepsy, hepatic_or_diabetes, liquid, intrathecal, clinician (not for patients)
  text    TEXT NOT NULL,
  source  TEXT NOT NULL
) STRICT;

-- Population bands: a named patient group as a half-open range
-- [min_value, max_value) of one patient measure. The checker, the planner and
-- the counselling selection ask for a band by code (required codes are
-- checked at open for every medicine: a missing row refuses the database).
CREATE TABLE population_band (
  medicine  TEXT NOT NULL REFERENCES medicine (code),
  code      TEXT NOT NULL,
  metric    TEXT NOT NULL CHECK (metric IN ('age_years', 'weight_kg', 'height_cm', 'crcl_ml_min',
                 'egfr_ml_min_1_73m2')),
  min_value REAL NOT NULL,
  max_value REAL NOT NULL,
  source    TEXT NOT NULL,
  note      TEXT NOT NULL,
  CHECK (min_value < max_value),
  PRIMARY KEY (medicine, code)
) STRICT;

-- Threshold rules: "metric comparison value" raises rule (at severity, or
-- the rule's own severity when NULL). The checker asks for a threshold by
-- code; the unit is in the metric name or in unit.
CREATE TABLE threshold (
  medicine   TEXT NOT NULL REFERENCES medicine (code),
  code       TEXT NOT NULL,
  rule       TEXT REFERENCES rule (code),   -- NULL: a parameter of a computation, not an alert
  metric     TEXT NOT NULL,
  comparison TEXT NOT NULL CHECK (comparison IN ('<', '<=', '>', '>=', '!=')),
  value      REAL NOT NULL,
  unit       TEXT NOT NULL,
  severity   TEXT CHECK (severity IN ('contraindicated', 'major', 'moderate', 'minor', 'info')),
  source     TEXT NOT NULL,
  note       TEXT NOT NULL,
  PRIMARY KEY (medicine, code)
) STRICT;

-- Plausible input ranges for patient fields (document and forms), inclusive.
-- Not medicine-specific: they describe people and laboratory assays.
CREATE TABLE input_range (
  field     TEXT PRIMARY KEY NOT NULL,   -- document path, e.g. patient.age_years
  min_value REAL NOT NULL,
  max_value REAL NOT NULL,
  min_exclusive INTEGER NOT NULL CHECK (min_exclusive IN (0, 1)),
  source    TEXT NOT NULL,
  note      TEXT NOT NULL,
  CHECK (min_value < max_value)
) STRICT;
