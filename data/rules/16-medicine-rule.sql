-- 16-medicine-rule.sql — Titrate rules content: which rule a medicine raises
-- at the checker's fixed checkpoints
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- A few checks have no typed table of their own (pregnancy, breastfeeding,
-- an intrathecal stop, an oral liquid, a screening bolus outside the
-- sequence, dialysis, the older adult's pace, an oral stop without a taper
-- or with a short one, a large intrathecal decrease, a dose the product
-- cannot measure): the checker reaches a fixed
-- checkpoint (slot) and raises the rule this table names for the regimen's
-- medicine, so each medicine speaks with its own text and sources. Every
-- medicine needs a row for every slot any medicine maps (checked at open).
-- For baclofen each slot raises the rule of the same code.

CREATE TABLE medicine_rule (
  medicine TEXT NOT NULL REFERENCES medicine (code),
  slot     TEXT NOT NULL,
  rule     TEXT NOT NULL REFERENCES rule (code),
  PRIMARY KEY (medicine, slot)
) STRICT;

INSERT INTO medicine_rule (medicine, slot, rule)
  SELECT 'baclofen', code, code FROM rule WHERE code IN (
    'pregnancy.oral', 'pregnancy.it', 'lactation.oral', 'lactation.it',
    'withdrawal.it.stop', 'route.oral_liquid', 'route.it_concentration',
    'dose.it.bolus_above_100', 'dose.it.bolus_not_screening',
    'renal.dialysis', 'elderly.cautious_titration',
    'withdrawal.oral.abrupt_stop', 'withdrawal.oral.short_taper',
    'withdrawal.it.decrease_large', 'dose.unmeasurable');
