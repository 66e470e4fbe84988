-- 14-taper-pace.sql — Titrate rules content: the pace of oral reductions
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Two sources give reduction steps, for different patients:
-- - the French label: stop progressively over 1–2 weeks in steps of 10 or
--   15 mg (FR-RCP; encoded as withdrawal.oral.step_down_large and the 7-day
--   withdrawal.oral.short_taper);
-- - ANSM 2017: in alcohol use disorder, patients above 80 mg/day are reduced
--   by 10–15 mg every 2 days (ANSM17 [G]).
-- The second is a pace: no more than max_step_down_daily_mg removed within
-- min_step_interval_days, counting the reductions made from a daily dose
-- above above_daily_mg. It is checked on any reduction, not only on tapers
-- to zero (ANSM's taper ends at 80 mg/day).

ALTER TABLE taper_rule ADD COLUMN min_step_interval_days INTEGER CHECK (min_step_interval_days > 0);
ALTER TABLE taper_rule ADD COLUMN above_daily_mg REAL CHECK (above_daily_mg >= 0);

INSERT INTO rule (code, category, severity, title, reason, action, source, evidence) VALUES
  ('withdrawal.oral.step_down_fast', 'withdrawal', 'moderate',
   'Reductions faster than 10–15 mg every 2 days',
   'ANSM 2017 (revision of the French temporary authorisation for alcohol use disorder): patients above 80 mg/day are reduced by 10–15 mg every 2 days, with at least monthly review. Reductions closer together remove more in 2 days than that scheme. Abrupt reductions have been followed by hallucinations, seizures, fever and rebound spasticity (US-TAB). The French label''s 10–15 mg steps over 1–2 weeks are checked separately.',
   'Space the reductions: at most 10–15 mg/day every 2 days while the dose is above 80 mg/day; restart the previous dose if withdrawal signs appear.',
   'ANSM17; US-TAB', 'G');

INSERT INTO taper_rule (medicine, rule, route, indication, min_taper_days, max_step_down_daily_mg, source,
                        min_step_interval_days, above_daily_mg) VALUES
  ('baclofen', 'withdrawal.oral.step_down_fast', 'oral', 'alcohol_use_disorder', 0, 15, 'ANSM 2017', 2, 80);
