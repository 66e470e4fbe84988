-- 15-weight-for-age.sql — Titrate rules content: plausible weight for age
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- AN INPUT PLAUSIBILITY CHECK, NOT A CLINICAL LIMIT. The patient form
-- questions (never refuses) a child's weight outside the band for the age,
-- so that a typing slip (a weight in pounds, a misplaced decimal) is caught.
-- The clinical reference has no weight-for-age figures: these come from the
-- CDC 2000 growth charts' data files (weight-for-age, wtageinf.csv birth to
-- 36 months and wtage.csv 2 to 20 years, both sexes; the charts' outermost
-- curves are the 3rd and 97th percentiles). For each band of one year
-- [age_min_years, age_max_years): min_kg is the lowest 3rd percentile and
-- max_kg the highest 97th percentile of either sex over the band, its ends
-- included (wtageinf below 24 months, wtage from 24 months), rounded
-- outwards to 0.1 kg. About 6% of healthy children fall outside these
-- percentiles, and children with cerebral palsy are often below the 3rd:
-- a weight outside is a question to the prescriber, never an error.
-- From 20 years the charts end and no source gives adult weight-for-age
-- percentiles. The adult row is a DESIGN CHOICE (Titrate-D), not a clinical
-- limit: an adult is questioned only below the lowest weight the same charts
-- hold plausible for a 1-year-old (7.9 kg), which catches a slip such as
-- "1 kg" without ever questioning a frail or small adult; its upper end is
-- input_range's patient.weight_kg maximum (400 kg, itself a design choice),
-- so no heavy adult is questioned.

CREATE TABLE weight_for_age (
  age_min_years REAL NOT NULL PRIMARY KEY,
  age_max_years REAL NOT NULL,
  min_kg        REAL NOT NULL CHECK (min_kg > 0),
  max_kg        REAL NOT NULL,
  source        TEXT NOT NULL,
  kind          TEXT NOT NULL CHECK (kind IN ('input')),   -- an input plausibility check only
  CHECK (age_min_years < age_max_years),
  CHECK (min_kg < max_kg)
) STRICT;

INSERT OR IGNORE INTO source (key, citation, kind) VALUES
  ('CDC2000-WFA', 'Kuczmarski RJ, Ogden CL, Guo SS, et al. 2000 CDC growth charts for the United States: methods and development. National Center for Health Statistics, Vital Health Stat 11(246), 2002; weight-for-age data files wtageinf.csv and wtage.csv (3rd and 97th percentiles), https://www.cdc.gov/growthcharts/data/zscore/', 'guideline');

INSERT INTO weight_for_age (age_min_years, age_max_years, min_kg, max_kg, source, kind) VALUES
  ( 0,  1,   2.3,  12.6, 'CDC2000-WFA', 'input'),
  ( 1,  2,   7.9,  15.6, 'CDC2000-WFA', 'input'),
  ( 2,  3,   9.9,  17.9, 'CDC2000-WFA', 'input'),
  ( 3,  4,  11.3,  21.0, 'CDC2000-WFA', 'input'),
  ( 4,  5,  12.7,  24.7, 'CDC2000-WFA', 'input'),
  ( 5,  6,  14.3,  28.6, 'CDC2000-WFA', 'input'),
  ( 6,  7,  16.0,  33.0, 'CDC2000-WFA', 'input'),
  ( 7,  8,  17.7,  38.1, 'CDC2000-WFA', 'input'),
  ( 8,  9,  19.5,  44.1, 'CDC2000-WFA', 'input'),
  ( 9, 10,  21.5,  50.9, 'CDC2000-WFA', 'input'),
  (10, 11,  23.9,  58.2, 'CDC2000-WFA', 'input'),
  (11, 12,  26.5,  65.4, 'CDC2000-WFA', 'input'),
  (12, 13,  29.4,  71.9, 'CDC2000-WFA', 'input'),
  (13, 14,  32.9,  77.3, 'CDC2000-WFA', 'input'),
  (14, 15,  36.7,  82.8, 'CDC2000-WFA', 'input'),
  (15, 16,  39.5,  88.6, 'CDC2000-WFA', 'input'),
  (16, 17,  41.8,  93.5, 'CDC2000-WFA', 'input'),
  (17, 18,  43.3,  97.1, 'CDC2000-WFA', 'input'),
  (18, 19,  44.2,  99.1, 'CDC2000-WFA', 'input'),
  (19, 20,  44.7, 100.8, 'CDC2000-WFA', 'input'),
  (20, 131,  7.9, 400.0, 'Titrate-D; CDC2000-WFA', 'input');

-- The checker questions a weight above the band too (a document from a
-- file, or the command line, has no form to ask in): it raises every mg/kg
-- limit. A weight below it only lowers them, and is left to the form.
INSERT INTO rule (code, category, severity, title, reason, action, source, evidence) VALUES
  ('input.weight_implausible', 'input', 'moderate',
   'Weight unusual for the age: check it',
   'Design choice, an input check and not a clinical limit: the weight is above the band held plausible for this age (the 97th percentile of the CDC 2000 weight-for-age charts). That is more often a typing slip, a weight in pounds or a misplaced decimal, than the patient''s weight, and every mg/kg limit and the Cockcroft–Gault CrCl rise with it. About 3% of healthy children are above this percentile, so this is a question, not an error.',
   'Check the weight in kg against a current measurement; if it is right, keep it and note why.',
   'Titrate-D; CDC2000-WFA', 'D');
