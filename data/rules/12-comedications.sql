-- 12-comedications.sql — Titrate rules content: comedications, CNS-depressant
-- burden, name normalisation, condition cautions and input checks
-- Copyright 2026 The Titrate authors
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Facts come from shared/clinical/baclofen.md §11–12 and
-- shared/clinical/baclofen-addendum.md §6–7 (source keys as listed there).
-- Items the addendum marks [D] (derived) are adopted only where a rule's own
-- text says "design choice, not a published limit".

-- ===========================================================================
-- tables
-- ===========================================================================

-- Words the drug-name normaliser removes or splits on before matching a
-- typed comedication against drug_name:
--   salt      removed only as a trailing word after a drug name ("oxycodone HCl");
--             never the first word ("sodium oxybate" stays whole);
--   form      dose form, release, route or direction words ("tab", "ER", "oral",
--             "at night");
--   unit      strength units ("mg", "mg/mL"); numbers are removed anyway;
--   separator splits a combination product into ingredients ("/", "+", "and").
--             A name that matches whole ("carbidopa-levodopa") is never split;
--   no_allergy an allergy entry made only of these words ("NKDA", "no known
--             drug allergies") records that there is none: nothing to check;
--   reason    starts the sig's reason ("lorazepam prn panic attacks", "oxycodone
--             for back pain"): when the text before it is recognised and no
--             word after it is a listed name, the words after it are set aside.
CREATE TABLE name_word (
  word   TEXT PRIMARY KEY NOT NULL COLLATE NOCASE,
  kind   TEXT NOT NULL CHECK (kind IN ('salt', 'form', 'unit', 'separator', 'no_allergy', 'reason')),
  source TEXT NOT NULL
) STRICT;

-- Combination products named by brand or by a fixed name: every ingredient is
-- checked. Matched before drug_name, so a brand listed there under one
-- ingredient still gets all of its ingredients here.
CREATE TABLE drug_combination (
  name       TEXT NOT NULL COLLATE NOCASE,
  ingredient TEXT NOT NULL REFERENCES drug (code),
  source     TEXT NOT NULL,
  PRIMARY KEY (name, ingredient)
) STRICT;

-- CNS-active drug classes for the cumulative burden alert.
--   depressant: adds to the medicine's CNS depression (counted by the
--               'additive' and 'opioid_combination' rules);
--   beers:      on the AGS Beers 2023 CNS-active list (Table 5), counted by
--               the 'beers_count' rule;
--   role:       opioid, benzodiazepine and gabapentinoid feed the
--               opioid-combination rule.
-- The medicine's own class has a row when the medicine itself counts.
CREATE TABLE cns_class (
  medicine   TEXT NOT NULL REFERENCES medicine (code),
  class      TEXT NOT NULL REFERENCES drug_class (code),
  depressant INTEGER NOT NULL CHECK (depressant IN (0, 1)),
  beers      INTEGER NOT NULL CHECK (beers IN (0, 1)),
  role       TEXT NOT NULL CHECK (role IN ('opioid', 'benzodiazepine', 'gabapentinoid', 'other')),
  source     TEXT NOT NULL,
  PRIMARY KEY (medicine, class)
) STRICT;

-- Cumulative CNS burden: the first row (by priority) that matches raises its
-- rule, once, naming every CNS-active drug; pairwise interaction rows with
-- mechanism 'cns_depression' are then not raised separately.
--   opioid_combination: an opioid with a benzodiazepine or a gabapentinoid;
--   beers_count:        at least min_drugs Beers CNS-active drugs (medicine included)
--                       at age_min_years or over (age must be known);
--   additive:           at least min_drugs CNS depressants (medicine included);
--                       the row whose rule severity matches the most severe
--                       pairwise rule replaced is chosen.
CREATE TABLE cns_burden_rule (
  medicine      TEXT NOT NULL REFERENCES medicine (code),
  priority      INTEGER NOT NULL,
  rule          TEXT NOT NULL REFERENCES rule (code),
  kind          TEXT NOT NULL CHECK (kind IN ('opioid_combination', 'beers_count', 'additive')),
  age_min_years REAL NOT NULL DEFAULT 0 CHECK (age_min_years >= 0),
  min_drugs     INTEGER NOT NULL CHECK (min_drugs >= 2),
  PRIMARY KEY (medicine, priority)
) STRICT;

-- The prescribed medicine found among comedications (duplication, by regimen
-- route) or among allergies. A comedication or allergy is "the same medicine"
-- when its drug has the medicine's drug class.
CREATE TABLE same_medicine_rule (
  medicine TEXT NOT NULL REFERENCES medicine (code),
  kind     TEXT NOT NULL CHECK (kind IN ('duplication', 'allergy')),
  route    TEXT CHECK (route IN ('oral', 'intrathecal')),   -- regimen route; NULL = both
  rule     TEXT NOT NULL REFERENCES rule (code)
) STRICT;

-- ===========================================================================
-- medicine (same row as in the medicine content file; kept if already there)
-- ===========================================================================
INSERT OR IGNORE INTO medicine (code, label, source) VALUES
  ('baclofen', 'Baclofen', 'US-TAB');

-- ===========================================================================
-- sources (addendum keys)
-- ===========================================================================
INSERT INTO source (key, citation, kind) VALUES
  ('FDA-DSC16', 'US FDA Drug Safety Communication, 31 Aug 2016: boxed warnings on opioids and benzodiazepines used with each other or with other CNS depressants', 'guideline'),
  ('FDA-DSC19', 'US FDA Drug Safety Communication, 19 Dec 2019: serious breathing problems with gabapentin and pregabalin; CNS depressants include opioids, anti-anxiety medicines, antidepressants and antihistamines', 'guideline'),
  ('B23-T5', 'AGS Beers Criteria 2023 (doi 10.1111/jgs.18372), Table 5 (drug–drug interactions) and its CNS-active drug list, as reproduced by the Formweb/Iredell formulary site', 'guideline'),
  ('CDC-VS', 'CDC Opioid Clinical Decision Support implementation guide (cqframework/opioid-cds-r4), value sets non-opioid-cns-depressant-medications (2023-05-25) and cns-depressant-medications (2025-02-24)', 'guideline'),
  ('PERC-NDC', 'openFDA NDC 63481-623 (Percocet: oxycodone hydrochloride 5 mg and acetaminophen 325 mg tablet) and hydrocodone bitartrate/acetaminophen generic NDC records', 'label'),
  ('PMS-CA', 'pms-Baclofen (Pharmascience, Canada) prescribing information via MIMS mirrors: warnings, including use with opioids', 'label');

-- ===========================================================================
-- rules
-- ===========================================================================
INSERT INTO rule (code, category, severity, title, reason, action, source, evidence) VALUES
  ('interaction.cns_burden_opioid_combination', 'interaction', 'major',
   'Opioid with a benzodiazepine or gabapentinoid, on baclofen',
   'Design choice, not a published limit: one alert for an opioid taken with a benzodiazepine or with gabapentin or pregabalin while on baclofen, at any age, built on these sources. Beers 2023 Table 5: avoid opioids with benzodiazepines, and opioids with gabapentinoids (severe sedation, respiratory depression, death), except when switching from an opioid to gabapentin or pregabalin or using the gabapentinoid to lower the opioid dose, with caution. FDA 2016 boxed warnings: opioids or benzodiazepines with other CNS depressants can cause profound sedation, respiratory depression, coma and death. FDA 2019: gabapentinoids with opioids or other CNS depressants cause serious breathing problems. Canadian baclofen label: with opioids, respiratory depression, profound sedation, syncope and death.',
   'Avoid the combination; if every drug is essential, use the lowest doses for the shortest time, raise one drug at a time, and monitor breathing and sedation (especially at night, in older adults, in COPD and in kidney impairment). Warn the patient and carers about slowed breathing and drowsiness.',
   'B23-T5; FDA-DSC16; FDA-DSC19; PMS-CA; GAB', 'L/G'),
  ('interaction.cns_burden_beers', 'interaction', 'major',
   'Three or more CNS-active medicines at 65 or over (Beers)',
   'Beers 2023 Table 5: in adults 65 and over, avoid three or more CNS-active drugs together and keep their number as low as possible, because of falls and fractures (evidence high, recommendation strong). CNS-active classes: antiepileptics including gabapentinoids, antidepressants (TCAs, SSRIs, SNRIs), antipsychotics, benzodiazepines, Z-drug hypnotics, opioids and skeletal muscle relaxants; baclofen counts as a skeletal muscle relaxant. Listing every CNS-active drug in one alert is a design choice, not a published limit.',
   'Review every CNS-active medicine listed; stop or reduce those not clearly needed before raising baclofen. Assess falls risk and monitor sedation and confusion.',
   'B23-T5', 'G'),
  ('interaction.cns_burden_additive_major', 'interaction', 'major',
   'Several CNS depressants with baclofen: sedation, slowed breathing',
   'Each medicine listed adds to baclofen''s CNS depression (US labels §7.1: other CNS depressants or alcohol; Swiss label). FDA 2016 and 2019 communications name opioids, anti-anxiety medicines, antidepressants and antihistamines as CNS depressants whose effects add up. One alert lists them all, graded by the most serious pair; this grouping is a design choice, not a published limit.',
   'Review whether each CNS depressant is needed; use the lowest doses, raise one drug at a time and monitor sedation and breathing. Warn about driving, alcohol and falls.',
   'OZO §7.1; CH; FDA-DSC16; FDA-DSC19; GAB', 'L/G'),
  ('interaction.cns_burden_additive_moderate', 'interaction', 'moderate',
   'Several CNS depressants with baclofen: added sedation',
   'Each medicine listed adds to baclofen''s CNS depression (US labels §7.1: other CNS depressants or alcohol; Swiss label). FDA 2016 and 2019 communications name opioids, anti-anxiety medicines, antidepressants and antihistamines as CNS depressants whose effects add up. One alert lists them all, graded by the most serious pair; this grouping is a design choice, not a published limit.',
   'Review whether each CNS depressant is needed; raise one drug at a time and monitor drowsiness. Warn about driving, alcohol and falls.',
   'OZO §7.1; CH; FDA-DSC16; FDA-DSC19', 'L/G'),
  ('interaction.cns_burden_additive_minor', 'interaction', 'minor',
   'Several sedating medicines with baclofen: possible added drowsiness',
   'Each medicine listed may add to baclofen''s sedation (US labels §7.1: other CNS depressants; FDA 2019 names antidepressants and antihistamines as CNS depressants). One alert lists them all, graded by the most serious pair; this grouping is a design choice, not a published limit.',
   'Warn about drowsiness; raise one drug at a time.',
   'OZO §7.1; FDA-DSC19', 'G'),
  ('interaction.sedating_antidepressant', 'interaction', 'moderate',
   'Sedating antidepressant (mirtazapine, trazodone): added drowsiness',
   'FDA 2019 names antidepressants among CNS depressants whose effects add up; the CDC opioid decision-support set of non-opioid CNS depressants includes mirtazapine and trazodone. US baclofen labels warn that other CNS depressants add to its sedation (§7.1).',
   'Warn about drowsiness and falls; take the antidepressant at night and raise one drug at a time.',
   'FDA-DSC19; CDC-VS; OZO §7.1', 'G'),
  ('interaction.cannabinoid', 'interaction', 'moderate',
   'Nabilone: added drowsiness',
   'The CDC opioid decision-support set of non-opioid CNS depressants includes nabilone. US baclofen labels warn that other CNS depressants add to its sedation (§7.1). No label or regulator source names cannabis or THC with baclofen.',
   'Warn about drowsiness, dizziness and falls; avoid driving until the effect is known.',
   'CDC-VS; OZO §7.1', 'G'),
  ('input.unknown_allergy', 'input', 'minor',
   'Allergy not recognised: not checked',
   'This allergy entry does not name a medicine in the rules lexicon, so it could not be checked. Hypersensitivity to baclofen is the only contraindication in the US labels; an entry that may mean baclofen (a brand, a misspelling) must be checked by hand.',
   'Check the spelling or enter the generic name of the medicine the patient is allergic to.',
   'US-TAB; OZO', 'L'),
  ('input.regimen_no_doses', 'input', 'moderate',
   'Regimen has no doses: nothing was checked',
   'The plan has no dosing step, or every dose is zero, so dose limits, titration speed, renal ceilings and withdrawal could not be checked against the labels.',
   'Enter the doses of the plan (or, if baclofen is being stopped, the current dose and the taper).',
   'US-TAB; LIO-IT', 'L'),
  ('input.sex_pregnancy_mismatch', 'input', 'moderate',
   'Pregnancy or breastfeeding recorded for a male patient',
   'The record says the patient is male and also pregnant or breastfeeding, so one entry is wrong. Pregnancy advice (taper and stop before delivery to prevent neonatal withdrawal) and lactation advice (the infant can withdraw when breastfeeding stops) depend on it.',
   'Correct the sex or the pregnancy and breastfeeding entries; until then the pregnancy and lactation alerts stay shown.',
   'FLQ; US-TAB; LactMed', 'L'),
  ('input.liquid_concentration_missing', 'input', 'moderate',
   'Oral liquid: concentration not given',
   'Oral baclofen liquids exist at 1 mg/mL (Ozobax), 2 mg/mL (Ozobax DS) and 5 mg/mL (Fleqsuvy and generic suspension, labelled "concentrated"), plus compounded liquids. Without the concentration the volume to give cannot be worked out, and an order read in mL risks a five-fold error (ISMP).',
   'State the concentration in mg/mL and prescribe in mg; dispense an oral syringe.',
   'ISMP; OZO; OZO-DS; FLQ', 'G'),
  ('input.strength_not_marketed', 'input', 'moderate',
   'Strength not found in any marketed product',
   'The strength entered matches no marketed product in the rules database (tablets 5, 10, 15, 20 mg and 40 mg Baclocur; oral solution 1 and 2 mg/mL; suspension 5 mg/mL; granules 5, 10 and 20 mg). It is most often a typing or unit error; doses cannot be checked for measurability against it.',
   'Check the strength on the product; choose a marketed strength, or record that the liquid is compounded and its concentration.',
   'US-TAB; OZO; OZO-DS; FLQ; LYV; BCR', 'L');

-- Sources found for the addendum (FDA 2019 names antidepressants and
-- antihistamines as CNS depressants) replace the background-article-only
-- citations of these two pairwise rules.
UPDATE rule SET
  reason = 'FDA 2019 names antihistamines among CNS depressants whose effects add up; the CDC opioid decision-support set of non-opioid CNS depressants includes diphenhydramine. US baclofen labels warn that other CNS depressants add to its sedation (§7.1); background article S1 names antihistamines. No label names antihistamines specifically.',
  source = 'FDA-DSC19; CDC-VS; OZO §7.1; S1',
  evidence = 'G'
WHERE code = 'interaction.sedating_antihistamine';

UPDATE rule SET
  reason = 'FDA 2019 names antidepressants among CNS depressants whose effects add up; Beers 2023 counts SSRIs and SNRIs as CNS-active drugs. No label names SSRIs or SNRIs with baclofen; sedation only.',
  source = 'FDA-DSC19; B23-T5; S0',
  evidence = 'G'
WHERE code = 'interaction.ssri_snri';

-- ===========================================================================
-- CNS-active drugs the lexicon lacked (addendum §6–7)
-- ===========================================================================
INSERT INTO drug_class (code, label) VALUES
  ('sedating_antidepressant', 'Sedating antidepressant (mirtazapine, trazodone)'),
  ('cannabinoid',             'Cannabinoid (nabilone)'),
  ('antiepileptic',           'Antiepileptic'),
  ('non_opioid_analgesic',    'Paracetamol (acetaminophen): no baclofen interaction in the sources');

-- Sedating antidepressants and nabilone: named in the CDC non-opioid CNS
-- depressant set (CDC-VS); FDA 2019 names antidepressants (FDA-DSC19).
-- Extra sedating antihistamines: FDA 2019 names antihistamines (FDA-DSC19).
-- Antiepileptics: Beers 2023 CNS-active class (B23-T5, which names
-- cannabidiol); no source names an antiepileptic interaction with baclofen,
-- so they count only toward the Beers three-or-more rule.
-- Acetaminophen: an ingredient of the combination opioids (B23-T5, PERC-NDC);
-- recognised so that "hydrocodone/acetaminophen" is fully checked.
INSERT INTO drug (code, class) VALUES
  ('mirtazapine', 'sedating_antidepressant'), ('trazodone', 'sedating_antidepressant'),
  ('nabilone', 'cannabinoid'),
  ('brompheniramine', 'sedating_antihistamine'), ('carbinoxamine', 'sedating_antihistamine'),
  ('triprolidine', 'sedating_antihistamine'), ('dexchlorpheniramine', 'sedating_antihistamine'),
  ('pyrilamine', 'sedating_antihistamine'),
  ('cannabidiol', 'antiepileptic'), ('levetiracetam', 'antiepileptic'), ('lamotrigine', 'antiepileptic'),
  ('carbamazepine', 'antiepileptic'), ('oxcarbazepine', 'antiepileptic'), ('valproate', 'antiepileptic'),
  ('topiramate', 'antiepileptic'), ('lacosamide', 'antiepileptic'), ('phenytoin', 'antiepileptic'),
  ('zonisamide', 'antiepileptic'), ('brivaracetam', 'antiepileptic'), ('eslicarbazepine', 'antiepileptic'),
  ('perampanel', 'antiepileptic'),
  ('acetaminophen', 'non_opioid_analgesic');

-- Clonazepam, clobazam, phenobarbital and primidone are also antiepileptics.
INSERT INTO drug_extra_class (drug, class) VALUES
  ('clonazepam',    'antiepileptic'),
  ('clobazam',      'antiepileptic'),
  ('phenobarbital', 'antiepileptic'),
  ('primidone',     'antiepileptic'),
  ('gabapentin',    'antiepileptic'),
  ('pregabalin',    'antiepileptic');

INSERT INTO drug_name (name, drug, kind) VALUES
  ('EtOH', 'alcohol', 'synonym'),
  ('vodka', 'alcohol', 'synonym'), ('whisky', 'alcohol', 'synonym'), ('whiskey', 'alcohol', 'synonym'),
  ('gin', 'alcohol', 'synonym'), ('rum', 'alcohol', 'synonym'),
  ('mirtazapine', 'mirtazapine', 'generic'),
  ('Remeron', 'mirtazapine', 'brand'),
  ('RemeronSolTab', 'mirtazapine', 'brand'),
  ('Zispin', 'mirtazapine', 'brand'),
  ('trazodone', 'trazodone', 'generic'),
  ('Desyrel', 'trazodone', 'brand'),
  ('Oleptro', 'trazodone', 'brand'),
  ('Molipaxin', 'trazodone', 'brand'),
  ('nabilone', 'nabilone', 'generic'),
  ('Cesamet', 'nabilone', 'brand'),
  ('brompheniramine', 'brompheniramine', 'generic'),
  ('carbinoxamine', 'carbinoxamine', 'generic'),
  ('triprolidine', 'triprolidine', 'generic'),
  ('dexchlorpheniramine', 'dexchlorpheniramine', 'generic'),
  ('dexchlorphenamine', 'dexchlorpheniramine', 'synonym'),
  ('pyrilamine', 'pyrilamine', 'generic'),
  ('mepyramine', 'pyrilamine', 'synonym'),
  ('cannabidiol', 'cannabidiol', 'generic'),
  ('CBD', 'cannabidiol', 'synonym'),
  ('Epidiolex', 'cannabidiol', 'brand'),
  ('Epidyolex', 'cannabidiol', 'brand'),
  ('levetiracetam', 'levetiracetam', 'generic'),
  ('Keppra', 'levetiracetam', 'brand'),
  ('lamotrigine', 'lamotrigine', 'generic'),
  ('Lamictal', 'lamotrigine', 'brand'),
  ('carbamazepine', 'carbamazepine', 'generic'),
  ('Tegretol', 'carbamazepine', 'brand'),
  ('oxcarbazepine', 'oxcarbazepine', 'generic'),
  ('Trileptal', 'oxcarbazepine', 'brand'),
  ('valproate', 'valproate', 'generic'),
  ('valproic acid', 'valproate', 'synonym'),
  ('sodium valproate', 'valproate', 'synonym'),
  ('divalproex', 'valproate', 'synonym'),
  ('Depakote', 'valproate', 'brand'),
  ('Depakine', 'valproate', 'brand'),
  ('Epilim', 'valproate', 'brand'),
  ('topiramate', 'topiramate', 'generic'),
  ('Topamax', 'topiramate', 'brand'),
  ('lacosamide', 'lacosamide', 'generic'),
  ('Vimpat', 'lacosamide', 'brand'),
  ('phenytoin', 'phenytoin', 'generic'),
  ('Dilantin', 'phenytoin', 'brand'),
  ('Epanutin', 'phenytoin', 'brand'),
  ('zonisamide', 'zonisamide', 'generic'),
  ('Zonegran', 'zonisamide', 'brand'),
  ('brivaracetam', 'brivaracetam', 'generic'),
  ('Briviact', 'brivaracetam', 'brand'),
  ('eslicarbazepine', 'eslicarbazepine', 'generic'),
  ('Aptiom', 'eslicarbazepine', 'brand'),
  ('Zebinix', 'eslicarbazepine', 'brand'),
  ('perampanel', 'perampanel', 'generic'),
  ('Fycompa', 'perampanel', 'brand'),
  ('acetaminophen', 'acetaminophen', 'generic'),
  ('paracetamol', 'acetaminophen', 'synonym'),
  ('APAP', 'acetaminophen', 'synonym'),
  ('Tylenol', 'acetaminophen', 'brand');

-- ===========================================================================
-- drug_combination — every ingredient is checked
-- ===========================================================================
INSERT INTO drug_combination (name, ingredient, source) VALUES
  ('Percocet',                'oxycodone',     'PERC-NDC'),
  ('Percocet',                'acetaminophen', 'PERC-NDC'),
  ('Norco',                   'hydrocodone',   'B23-T5; PERC-NDC'),
  ('Norco',                   'acetaminophen', 'B23-T5; PERC-NDC'),
  ('Vicodin',                 'hydrocodone',   'B23-T5'),
  ('Vicodin',                 'acetaminophen', 'B23-T5'),
  ('Lortab',                  'hydrocodone',   'B23-T5'),
  ('Lortab',                  'acetaminophen', 'B23-T5'),
  ('Tylenol #3',              'codeine',       'B23-T5'),
  ('Tylenol #3',              'acetaminophen', 'B23-T5'),
  ('Tylenol No. 3',           'codeine',       'B23-T5'),
  ('Tylenol No. 3',           'acetaminophen', 'B23-T5'),
  ('Tylenol with Codeine',    'codeine',       'B23-T5'),
  ('Tylenol with Codeine',    'acetaminophen', 'B23-T5'),
  ('Tylenol with Codeine #3', 'codeine',       'B23-T5'),
  ('Tylenol with Codeine #3', 'acetaminophen', 'B23-T5'),
  -- CDC-VS lists diphenhydramine "including OTC combinations" among non-opioid
  -- CNS depressants; Tylenol PM is acetaminophen with diphenhydramine.
  ('Tylenol PM',              'diphenhydramine', 'CDC-VS'),
  ('Tylenol PM',              'acetaminophen',   'CDC-VS');

-- ===========================================================================
-- name_word — normaliser vocabulary. RxNorm-style strings carry salts, strengths,
-- forms and brands (CDC-VS: "zolpidem tartrate 10 MG Oral Tablet [Ambien]";
-- PERC-NDC: oxycodone hydrochloride, hydrocodone bitartrate). Normalising to
-- the ingredient before matching is a design choice (addendum §6 [D]).
-- ===========================================================================
INSERT INTO name_word (word, kind, source) VALUES
  ('hydrochloride', 'salt', 'CDC-VS; PERC-NDC'), ('dihydrochloride', 'salt', 'CDC-VS'),
  ('hcl', 'salt', 'CDC-VS'), ('hbr', 'salt', 'CDC-VS'), ('hydrobromide', 'salt', 'CDC-VS'),
  ('sulfate', 'salt', 'CDC-VS'), ('sulphate', 'salt', 'CDC-VS'), ('bitartrate', 'salt', 'PERC-NDC'),
  ('tartrate', 'salt', 'CDC-VS'), ('maleate', 'salt', 'CDC-VS'), ('besylate', 'salt', 'CDC-VS'),
  ('besilate', 'salt', 'CDC-VS'), ('succinate', 'salt', 'CDC-VS'), ('sodium', 'salt', 'CDC-VS'),
  ('potassium', 'salt', 'CDC-VS'), ('calcium', 'salt', 'CDC-VS'), ('magnesium', 'salt', 'CDC-VS'),
  ('citrate', 'salt', 'CDC-VS'), ('phosphate', 'salt', 'CDC-VS'), ('mesylate', 'salt', 'CDC-VS'),
  ('mesilate', 'salt', 'CDC-VS'), ('fumarate', 'salt', 'CDC-VS'), ('acetate', 'salt', 'CDC-VS'),
  ('carbonate', 'salt', 'CDC-VS'), ('pamoate', 'salt', 'CDC-VS'), ('embonate', 'salt', 'CDC-VS'),
  ('napsylate', 'salt', 'CDC-VS'), ('chloride', 'salt', 'CDC-VS'), ('bromide', 'salt', 'CDC-VS'),
  ('lactate', 'salt', 'CDC-VS'), ('gluconate', 'salt', 'CDC-VS'), ('decanoate', 'salt', 'CDC-VS'),
  ('palmitate', 'salt', 'CDC-VS'), ('monohydrate', 'salt', 'CDC-VS'), ('dihydrate', 'salt', 'CDC-VS'),
  ('teoclate', 'salt', 'CDC-VS'), ('hyclate', 'salt', 'CDC-VS'), ('oxalate', 'salt', 'CDC-VS'),
  ('tab', 'form', 'CDC-VS'), ('tabs', 'form', 'CDC-VS'), ('tablet', 'form', 'CDC-VS'),
  ('tablets', 'form', 'CDC-VS'), ('cap', 'form', 'CDC-VS'), ('caps', 'form', 'CDC-VS'),
  ('capsule', 'form', 'CDC-VS'), ('capsules', 'form', 'CDC-VS'), ('oral', 'form', 'CDC-VS'),
  ('solution', 'form', 'CDC-VS'), ('suspension', 'form', 'CDC-VS'), ('syrup', 'form', 'CDC-VS'),
  ('elixir', 'form', 'CDC-VS'), ('liquid', 'form', 'CDC-VS'), ('drops', 'form', 'CDC-VS'),
  ('injection', 'form', 'CDC-VS'), ('injectable', 'form', 'CDC-VS'), ('inj', 'form', 'CDC-VS'),
  ('er', 'form', 'CDC-VS'), ('xr', 'form', 'CDC-VS'), ('sr', 'form', 'CDC-VS'), ('cr', 'form', 'CDC-VS'),
  ('ir', 'form', 'CDC-VS'), ('xl', 'form', 'CDC-VS'), ('la', 'form', 'CDC-VS'), ('dr', 'form', 'CDC-VS'),
  ('ec', 'form', 'CDC-VS'), ('odt', 'form', 'CDC-VS'), ('extended', 'form', 'CDC-VS'),
  ('release', 'form', 'CDC-VS'), ('extended-release', 'form', 'CDC-VS'), ('delayed', 'form', 'CDC-VS'),
  ('immediate', 'form', 'CDC-VS'), ('modified', 'form', 'CDC-VS'), ('film', 'form', 'CDC-VS'),
  ('coated', 'form', 'CDC-VS'), ('chewable', 'form', 'CDC-VS'), ('disintegrating', 'form', 'CDC-VS'),
  ('orally', 'form', 'CDC-VS'), ('sublingual', 'form', 'CDC-VS'), ('buccal', 'form', 'CDC-VS'),
  ('transdermal', 'form', 'CDC-VS'), ('patch', 'form', 'CDC-VS'), ('system', 'form', 'CDC-VS'),
  ('nasal', 'form', 'CDC-VS'), ('spray', 'form', 'CDC-VS'), ('prefilled', 'form', 'CDC-VS'),
  ('syringe', 'form', 'CDC-VS'), ('pen', 'form', 'CDC-VS'), ('granules', 'form', 'CDC-VS'),
  ('powder', 'form', 'CDC-VS'), ('packet', 'form', 'CDC-VS'), ('rectal', 'form', 'CDC-VS'),
  ('suppository', 'form', 'CDC-VS'), ('hour', 'form', 'CDC-VS'), ('hr', 'form', 'CDC-VS'),
  ('po', 'form', 'CDC-VS'), ('prn', 'reason', 'CDC-VS'), ('nightly', 'form', 'CDC-VS'),
  ('qhs', 'form', 'CDC-VS'), ('bid', 'form', 'CDC-VS'), ('tid', 'form', 'CDC-VS'), ('qid', 'form', 'CDC-VS'),
  ('daily', 'form', 'CDC-VS'), ('day', 'form', 'CDC-VS'), ('days', 'form', 'CDC-VS'), ('week', 'form', 'CDC-VS'),
  ('weekly', 'form', 'CDC-VS'), ('night', 'form', 'CDC-VS'), ('bedtime', 'form', 'CDC-VS'),
  ('morning', 'form', 'CDC-VS'), ('evening', 'form', 'CDC-VS'), ('at', 'form', 'CDC-VS'),
  ('once', 'form', 'CDC-VS'), ('twice', 'form', 'CDC-VS'), ('times', 'form', 'CDC-VS'),
  ('per', 'form', 'CDC-VS'), ('every', 'form', 'CDC-VS'), ('as', 'form', 'CDC-VS'), ('needed', 'form', 'CDC-VS'),
  ('drink', 'form', 'CDC-VS'), ('drinks', 'form', 'CDC-VS'), ('unit', 'unit', 'CDC-VS'),
  ('hours', 'form', 'CDC-VS'), ('h', 'unit', 'CDC-VS'), ('mg/day', 'unit', 'CDC-VS'),
  ('mg', 'unit', 'CDC-VS'), ('mcg', 'unit', 'CDC-VS'), ('µg', 'unit', 'CDC-VS'), ('ug', 'unit', 'CDC-VS'),
  ('g', 'unit', 'CDC-VS'), ('ml', 'unit', 'CDC-VS'), ('mg/ml', 'unit', 'CDC-VS'), ('mcg/hr', 'unit', 'CDC-VS'),
  ('mcg/h', 'unit', 'CDC-VS'), ('mg/hr', 'unit', 'CDC-VS'), ('unt', 'unit', 'CDC-VS'), ('units', 'unit', 'CDC-VS'),
  ('%', 'unit', 'CDC-VS'), ('meq', 'unit', 'CDC-VS'),
  ('/', 'separator', 'B23-T5'), ('+', 'separator', 'B23-T5'), ('&', 'separator', 'B23-T5'),
  (',', 'separator', 'B23-T5'), ('-', 'separator', 'B23-T5'), ('and', 'separator', 'B23-T5'),
  ('with', 'separator', 'B23-T5'), ('plus', 'separator', 'B23-T5'),
  -- Prescriber shorthand with no document source (the vocabulary of typing,
  -- not a clinical fact): "w/" for with ("Tylenol w/ codeine #3"); brand
  -- strength suffixes ES and HP ("Vicodin ES"); SL for sublingual; what an
  -- entry for drinking or an oil product adds ("wine 2 glasses", "CBD oil").
  ('w/', 'separator', 'B23-T5'),
  ('es', 'form', 'CDC-VS'), ('hp', 'form', 'CDC-VS'), ('sl', 'form', 'CDC-VS'),
  ('oil', 'form', 'CDC-VS'),
  ('glass', 'form', 'CDC-VS'), ('glasses', 'form', 'CDC-VS'), ('pint', 'form', 'CDC-VS'),
  ('pints', 'form', 'CDC-VS'), ('socially', 'form', 'CDC-VS'), ('social', 'form', 'CDC-VS'),
  -- What a sig adds after "prn" or "for" ("clonazepam 0.5 mg tid prn anxiety",
  -- "oxycodone/APAP 5/325 1-2 tabs q4-6h prn pain"): removed like form words.
  -- A listed name is tried whole first, so no brand loses a word to these.
  ('for', 'reason', 'CDC-VS'), ('pain', 'form', 'CDC-VS'), ('breakthrough', 'form', 'CDC-VS'),
  ('anxiety', 'form', 'CDC-VS'), ('insomnia', 'form', 'CDC-VS'), ('sleep', 'form', 'CDC-VS'),
  ('nausea', 'form', 'CDC-VS'), ('spasm', 'form', 'CDC-VS'), ('spasms', 'form', 'CDC-VS'),
  ('itch', 'form', 'CDC-VS'), ('itching', 'form', 'CDC-VS'), ('agitation', 'form', 'CDC-VS'),
  ('cough', 'form', 'CDC-VS'), ('depression', 'form', 'CDC-VS'), ('mood', 'form', 'CDC-VS'),
  ('abuse', 'form', 'CDC-VS'), ('use', 'form', 'CDC-VS'), ('disorder', 'form', 'CDC-VS'),
  ('caplet', 'form', 'CDC-VS'), ('caplets', 'form', 'CDC-VS'), ('gelcap', 'form', 'CDC-VS'),
  ('gelcaps', 'form', 'CDC-VS'), ('softgel', 'form', 'CDC-VS'), ('softgels', 'form', 'CDC-VS'),
  ('iv', 'form', 'CDC-VS'), ('im', 'form', 'CDC-VS'), ('sc', 'form', 'CDC-VS'), ('subcut', 'form', 'CDC-VS'),
  ('sq', 'form', 'CDC-VS'),
  ('nkda', 'no_allergy', 'US-TAB'), ('nka', 'no_allergy', 'US-TAB'), ('nkma', 'no_allergy', 'US-TAB'),
  ('none', 'no_allergy', 'US-TAB'), ('nil', 'no_allergy', 'US-TAB'), ('no', 'no_allergy', 'US-TAB'),
  ('known', 'no_allergy', 'US-TAB'), ('allergy', 'no_allergy', 'US-TAB'), ('allergies', 'no_allergy', 'US-TAB'),
  ('drug', 'no_allergy', 'US-TAB'), ('drugs', 'no_allergy', 'US-TAB'), ('medicine', 'no_allergy', 'US-TAB'),
  ('medication', 'no_allergy', 'US-TAB'), ('medications', 'no_allergy', 'US-TAB');

-- ===========================================================================
-- cns_class — which classes count toward the burden (B23-T5 class list;
-- depressant classes: those with a 'cns_depression' interaction row)
-- ===========================================================================
INSERT INTO cns_class (medicine, class, depressant, beers, role, source) VALUES
  ('baclofen', 'baclofen',                1, 1, 'other',          'B23-T5; OZO §7.1'),
  ('baclofen', 'alcohol',                 1, 0, 'other',          'OZO §7.1'),
  ('baclofen', 'opioid',                  1, 1, 'opioid',         'B23-T5; FDA-DSC16'),
  ('baclofen', 'benzodiazepine',          1, 1, 'benzodiazepine', 'B23-T5; FDA-DSC16'),
  ('baclofen', 'z_drug',                  1, 1, 'other',          'B23-T5; CH'),
  ('baclofen', 'barbiturate',             1, 0, 'other',          'CH'),
  ('baclofen', 'anxiolytic',              1, 0, 'other',          'CH; FDA-DSC19'),
  ('baclofen', 'sodium_oxybate',          1, 0, 'other',          'Xyrem §5.1'),
  ('baclofen', 'gabapentinoid',           1, 1, 'gabapentinoid',  'B23-T5; FDA-DSC19'),
  ('baclofen', 'muscle_relaxant',         1, 1, 'other',          'B23-T5; CH'),
  ('baclofen', 'tca',                     1, 1, 'other',          'B23-T5; CA; CH; UK'),
  ('baclofen', 'maoi',                    1, 0, 'other',          'CA'),
  ('baclofen', 'antipsychotic',           1, 1, 'other',          'B23-T5; CH'),
  ('baclofen', 'sedating_antihistamine',  1, 0, 'other',          'FDA-DSC19'),
  ('baclofen', 'ssri_snri',               1, 1, 'other',          'B23-T5; FDA-DSC19'),
  ('baclofen', 'sedating_antidepressant', 1, 0, 'other',          'FDA-DSC19; CDC-VS'),
  ('baclofen', 'cannabinoid',             1, 0, 'other',          'CDC-VS'),
  ('baclofen', 'antiepileptic',           0, 1, 'other',          'B23-T5');

-- ===========================================================================
-- cns_burden_rule — one graded alert (addendum §7; the grouping is [D])
-- ===========================================================================
INSERT INTO cns_burden_rule (medicine, priority, rule, kind, age_min_years, min_drugs) VALUES
  ('baclofen', 1, 'interaction.cns_burden_opioid_combination', 'opioid_combination',  0, 3),
  ('baclofen', 2, 'interaction.cns_burden_beers',              'beers_count',        65, 3),
  ('baclofen', 3, 'interaction.cns_burden_additive_major',     'additive',            0, 3),
  ('baclofen', 4, 'interaction.cns_burden_additive_moderate',  'additive',            0, 3),
  ('baclofen', 5, 'interaction.cns_burden_additive_minor',     'additive',            0, 3);

-- ===========================================================================
-- same_medicine_rule — the prescribed medicine among comedications or allergies
-- ===========================================================================
INSERT INTO same_medicine_rule (medicine, kind, route, rule) VALUES
  ('baclofen', 'duplication', 'oral',        'duplication.baclofen'),
  ('baclofen', 'duplication', 'intrathecal', 'duplication.oral_with_it'),
  ('baclofen', 'allergy',     NULL,          'allergy.baclofen');

-- ===========================================================================
-- interaction — class → rule (route NULL = both). mechanism 'cns_depression'
-- rows are replaced by the burden alert when it fires; 'distinct' rows
-- (hypotonia, blood pressure, confusion, lithium, kidney clearance,
-- anaesthesia, duplicate antispastic therapy, intrathecal opioid
-- hypotension, glucose, probenecid) always raise their own alert.
-- ===========================================================================
INSERT INTO interaction (medicine, rule, class, route, mechanism) VALUES
  ('baclofen', 'interaction.alcohol',                      'alcohol',                 NULL,          'cns_depression'),
  ('baclofen', 'interaction.opioid',                       'opioid',                  'oral',        'cns_depression'),
  ('baclofen', 'interaction.opioid_it',                    'opioid',                  'intrathecal', 'distinct'),
  ('baclofen', 'interaction.benzodiazepine',               'benzodiazepine',          NULL,          'cns_depression'),
  ('baclofen', 'interaction.z_drug_barbiturate',           'z_drug',                  NULL,          'cns_depression'),
  ('baclofen', 'interaction.z_drug_barbiturate',           'barbiturate',             NULL,          'cns_depression'),
  ('baclofen', 'interaction.z_drug_barbiturate',           'anxiolytic',              NULL,          'cns_depression'),
  ('baclofen', 'interaction.sodium_oxybate',               'sodium_oxybate',          NULL,          'cns_depression'),
  ('baclofen', 'interaction.gabapentinoid',                'gabapentinoid',           NULL,          'cns_depression'),
  ('baclofen', 'duplication.muscle_relaxant',              'muscle_relaxant',         NULL,          'distinct'),
  ('baclofen', 'interaction.tca',                          'tca',                     NULL,          'distinct'),
  ('baclofen', 'interaction.maoi',                         'maoi',                    NULL,          'cns_depression'),
  ('baclofen', 'interaction.antipsychotic',                'antipsychotic',           NULL,          'cns_depression'),
  ('baclofen', 'interaction.sedating_antihistamine',       'sedating_antihistamine',  NULL,          'cns_depression'),
  ('baclofen', 'interaction.antihypertensive',             'antihypertensive',        NULL,          'distinct'),
  ('baclofen', 'interaction.levodopa',                     'levodopa',                NULL,          'distinct'),
  ('baclofen', 'interaction.lithium',                      'lithium',                 NULL,          'distinct'),
  ('baclofen', 'interaction.anaesthetic',                  'anaesthetic',             NULL,          'distinct'),
  ('baclofen', 'interaction.gfr_lowering',                 'gfr_lowering',            NULL,          'distinct'),
  ('baclofen', 'interaction.antidiabetic',                 'antidiabetic',            NULL,          'distinct'),
  ('baclofen', 'interaction.neuromuscular_blocker',        'neuromuscular_blocker',   NULL,          'distinct'),
  ('baclofen', 'interaction.probenecid',                   'probenecid',              NULL,          'distinct'),
  ('baclofen', 'interaction.ssri_snri',                    'ssri_snri',               NULL,          'cns_depression'),
  ('baclofen', 'interaction.sedating_antidepressant',      'sedating_antidepressant', NULL,          'cns_depression'),
  ('baclofen', 'interaction.cannabinoid',                  'cannabinoid',             NULL,          'cns_depression');

-- ===========================================================================
-- condition_caution — route NULL = both; indication NULL = any
-- ===========================================================================
INSERT INTO condition_caution (medicine, rule, condition, route, indication) VALUES
  ('baclofen', 'condition.epilepsy',                        'epilepsy',                      NULL,          NULL),
  ('baclofen', 'condition.psychotic_disorder',              'psychotic_disorder',            NULL,          NULL),
  ('baclofen', 'condition.depression_bipolar',              'depression_bipolar',            NULL,          NULL),
  ('baclofen', 'condition.suicidality',                     'suicidality',                   NULL,          NULL),
  ('baclofen', 'condition.substance_use_disorder',          'substance_use_disorder',        'oral',        NULL),
  ('baclofen', 'condition.alcohol_use_history',             'alcohol_use_history',           'oral',        NULL),
  ('baclofen', 'condition.stroke',                          'stroke',                        'oral',        NULL),
  ('baclofen', 'condition.cerebral_palsy',                  'cerebral_palsy',                'oral',        NULL),
  ('baclofen', 'condition.traumatic_brain_injury',          'traumatic_brain_injury',        'intrathecal', NULL),
  ('baclofen', 'condition.spinal_cord_injury_t6',           'spinal_cord_injury_t6',         'intrathecal', NULL),
  ('baclofen', 'condition.autonomic_dysreflexia',           'autonomic_dysreflexia',         NULL,          NULL),
  ('baclofen', 'condition.autonomic_dysreflexia_it',        'autonomic_dysreflexia',         'intrathecal', NULL),
  ('baclofen', 'condition.parkinson_disease',               'parkinson_disease',             'oral',        NULL),
  ('baclofen', 'condition.respiratory_impairment',          'respiratory_impairment',        NULL,          NULL),
  ('baclofen', 'hepatic.impairment',                        'hepatic_impairment',            'oral',        NULL),
  ('baclofen', 'condition.peptic_ulcer',                    'peptic_ulcer',                  'oral',        NULL),
  ('baclofen', 'condition.gerd',                            'gerd',                          'oral',        NULL),
  ('baclofen', 'condition.diabetes',                        'diabetes',                      'oral',        NULL),
  ('baclofen', 'condition.hypertension',                    'hypertension',                  NULL,          NULL),
  ('baclofen', 'condition.porphyria',                       'porphyria',                     'oral',        NULL),
  ('baclofen', 'condition.bladder_sphincter_hypertonia',    'bladder_sphincter_hypertonia',  NULL,          NULL),
  ('baclofen', 'condition.posture_dependent_spasticity',    'posture_dependent_spasticity',  NULL,          NULL);
