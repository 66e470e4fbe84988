/* test-drug-names.c — comedications as prescribers type them, the
 * cumulative CNS-depressant burden, conditions, allergies and input alerts
 *
 * Copyright 2026 The Titrate authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Written from shared/clinical/baclofen.md §11–12 and the addendum §6–7
 * before looking at the checker's output.
 */

#include "titrate-test-util.h"
#include "titrate-drug-names.h"

#define LABEL_PLAN "1:5,5,5;4:10,10,10;7:15,15,15;10:20,20,20"

/* "oxycodone+acetaminophen": the generic codes recognised, in order;
 * "?part" for a part that must stay unrecognised. */
static void
assert_resolves (const char *typed,
                 const char *expected)
{
  g_autoptr(GArray) matches = titrate_rules_resolve_drug (test_rules (), typed);
  GString *got = g_string_new (NULL);
  g_autofree char *text = NULL;

  for (guint i = 0; i < matches->len; i++)
    {
      const TitrateDrugMatch *m = &g_array_index (matches, TitrateDrugMatch, i);

      g_string_append_printf (got, "%s%s%s", i ? "+" : "", m->name ? "" : "?",
                              m->name ? m->name->drug->code : m->part);
    }
  text = g_string_free (got, FALSE);
  if (g_strcmp0 (text, expected) != 0)
    g_error ("“%s” resolved to “%s”, expected “%s”", typed, text, expected);
}

static void
test_salts_strengths_forms (void)
{
  assert_resolves ("oxycodone HCl 5 mg tab", "oxycodone");
  assert_resolves ("OXYCODONE HYDROCHLORIDE", "oxycodone");
  assert_resolves ("gabapentin 300 mg", "gabapentin");
  assert_resolves ("Gabapentin 300mg capsules", "gabapentin");
  assert_resolves ("zolpidem tartrate 10 MG Oral Tablet [Ambien]", "zolpidem");
  assert_resolves ("morphine sulfate ER 30 mg", "morphine");
  assert_resolves ("morphine sulphate", "morphine");
  assert_resolves ("trazodone hydrochloride", "trazodone");
  assert_resolves ("cyclobenzaprine hydrochloride", "cyclobenzaprine");
  assert_resolves ("diclofenac sodium 75 mg EC", "diclofenac");
  assert_resolves ("  Lorazepam 1 mg PRN  ", "lorazepam");
  assert_resolves ("lorazepam 1 mg at night as needed", "lorazepam");
  assert_resolves ("alcohol 4 units/day", "alcohol");
  assert_resolves ("oxycodone 10mg/5ml oral solution", "oxycodone");
  assert_resolves ("Xanax (alprazolam) 0.5 mg", "alprazolam");
  /* A salt word is stripped only after a drug name, never as the name. */
  assert_resolves ("sodium oxybate", "sodium oxybate");
  assert_resolves ("Xyrem 500 mg/mL oral solution", "sodium oxybate");
  /* The bracketed RxNorm brand is used when the rest is not recognised. */
  assert_resolves ("zolpidm 10 MG Oral Tablet [Ambien]", "zolpidem");
}

static void
test_combinations (void)
{
  assert_resolves ("hydrocodone/acetaminophen", "hydrocodone+acetaminophen");
  assert_resolves ("hydrocodone/acetaminophen 5/325 mg", "hydrocodone+acetaminophen");
  assert_resolves ("Hydrocodone bitartrate and acetaminophen", "hydrocodone+acetaminophen");
  assert_resolves ("oxycodone-acetaminophen", "oxycodone+acetaminophen");
  assert_resolves ("oxycodone + acetaminophen", "oxycodone+acetaminophen");
  assert_resolves ("tramadol/paracetamol", "tramadol+acetaminophen");
  assert_resolves ("Percocet", "oxycodone+acetaminophen");
  assert_resolves ("Percocet 5/325", "oxycodone+acetaminophen");
  assert_resolves ("Norco", "hydrocodone+acetaminophen");
  assert_resolves ("vicodin", "hydrocodone+acetaminophen");
  assert_resolves ("Lortab", "hydrocodone+acetaminophen");
  assert_resolves ("Tylenol #3", "codeine+acetaminophen");
  assert_resolves ("Tylenol #3 tablet", "codeine+acetaminophen");
  assert_resolves ("Tylenol No. 3 tablets", "codeine+acetaminophen");
  assert_resolves ("Tylenol with Codeine", "codeine+acetaminophen");
  /* Plain Tylenol has no codeine. */
  assert_resolves ("Tylenol 500 mg", "acetaminophen");
  /* Listed hyphenated or slashed names are never taken apart. */
  assert_resolves ("carbidopa-levodopa 25-100", "carbidopa-levodopa");
  assert_resolves ("carbidopa/levodopa", "carbidopa-levodopa");
  assert_resolves ("levodopa + carbidopa", "carbidopa-levodopa");
  assert_resolves ("sacubitril-valsartan", "sacubitril-valsartan");
}

static void
test_not_recognised (void)
{
  /* Typos stay "not checked", naming the part. */
  assert_resolves ("oxycodon 5 mg", "?oxycodon");
  assert_resolves ("hydrocodone/acetaminophn", "hydrocodone+?acetaminophn");
  assert_resolves ("xanaxx", "?xanaxx");
  assert_resolves ("10 mg", "?10 mg");
  assert_resolves ("potassium chloride", "?potassium chloride");
  assert_resolves ("sodium", "?sodium");

  {
    g_autoptr(GArray) none = titrate_rules_resolve_drug (test_rules (), "   ");
    g_autoptr(GArray) bad = titrate_rules_resolve_drug (test_rules (), "\xff\xfe");

    g_assert_cmpuint (none->len, ==, 0);
    g_assert_cmpuint (bad->len, ==, 1);
    g_assert_null (g_array_index (bad, TitrateDrugMatch, 0).name);
  }

  /* The lexicon lookup accepts a name as typed only if every part is known. */
  g_assert_nonnull (titrate_rules_lookup_drug (test_rules (), "oxycodone HCl 5 mg tab"));
  g_assert_null (titrate_rules_lookup_drug (test_rules (), "hydrocodone/acetaminophn"));
}

static void
test_search_normalised (void)
{
  g_autoptr(GPtrArray) found = titrate_rules_search_drugs (test_rules (), "oxycodone HCl 5 mg", 10);

  g_assert_cmpuint (found->len, >=, 1);
  g_assert_cmpstr (((TitrateDrugName *) g_ptr_array_index (found, 0))->drug->code, ==, "oxycodone");
}

static void
test_combination_in_checker (void)
{
  g_autoptr(TitratePatient) p = test_adult (45, 80, TITRATE_SEX_MALE, 1.0);
  g_autoptr(TitrateRegimen) r = test_oral ("spasticity", "tablet", 5, LABEL_PLAN);
  const char *comeds[] = { "Percocet 5/325", "hydrocodone/acetaminophn", NULL };
  g_autoptr(GPtrArray) alerts = test_check (p, r, comeds);
  /* Two opioids with baclofen: one cumulative alert, graded as the opioid pair (major). */
  const TitrateAlert *opioid = find_alert (alerts, "interaction.cns_burden_additive_major");
  const TitrateAlert *unknown = find_alert (alerts, "input.unknown_comedication");

  /* Each ingredient checked: both opioids, the paracetamol part silent. */
  g_assert_nonnull (opioid);
  g_assert_nonnull (strstr (opioid->trigger, "Percocet 5/325 (oxycodone)"));
  g_assert_nonnull (strstr (opioid->trigger, "hydrocodone/acetaminophn (hydrocodone)"));
  g_assert_nonnull (unknown);
  g_assert_nonnull (strstr (unknown->trigger, "acetaminophn"));
  g_assert_nonnull (strstr (unknown->trigger, "hydrocodone/acetaminophn"));
  g_assert_null (strstr (unknown->trigger, "Percocet"));
}

/* Beers 2023 Table 5: three or more CNS-active drugs at 65 or over, baclofen counted. */
static void
test_burden_beers_age (void)
{
  g_autoptr(TitrateRegimen) r = test_oral ("spasticity", "tablet", 5, LABEL_PLAN);
  const char *two[] = { "sertraline", NULL };
  const char *three[] = { "sertraline", "quetiapine", NULL };
  const char *antiepileptic[] = { "sertraline", "levetiracetam", NULL };
  g_autoptr(TitratePatient) p64 = test_adult (64, 70, TITRATE_SEX_FEMALE, 0.8);
  g_autoptr(TitratePatient) p65 = test_adult (65, 70, TITRATE_SEX_FEMALE, 0.8);
  g_autoptr(GPtrArray) a64_3 = test_check (p64, r, three);
  g_autoptr(GPtrArray) a65_3 = test_check (p65, r, three);
  g_autoptr(GPtrArray) a65_2 = test_check (p65, r, two);
  g_autoptr(GPtrArray) a65_ae = test_check (p65, r, antiepileptic);
  g_autoptr(GPtrArray) a64_ae = test_check (p64, r, antiepileptic);
  const TitrateAlert *a;

  /* 65, baclofen + sertraline + quetiapine: the Beers alert names all. */
  a = find_alert (a65_3, "interaction.cns_burden_beers");
  g_assert_nonnull (a);
  g_assert_cmpint (a->severity, ==, TITRATE_SEVERITY_MAJOR);
  g_assert_nonnull (strstr (a->trigger, "sertraline"));
  g_assert_nonnull (strstr (a->trigger, "quetiapine"));
  g_assert_nonnull (strstr (a->trigger, "baclofen"));
  g_assert_nonnull (strstr (a->trigger, "3 CNS-active"));
  g_assert_nonnull (strstr (a->source, "B23-T5"));
  assert_no_alert (a65_3, "interaction.ssri_snri");
  assert_no_alert (a65_3, "interaction.antipsychotic");

  /* 64: not Beers; one additive alert graded as the worst pair (antipsychotic, moderate). */
  assert_no_alert (a64_3, "interaction.cns_burden_beers");
  a = find_alert (a64_3, "interaction.cns_burden_additive_moderate");
  g_assert_nonnull (a);
  g_assert_cmpint (a->severity, ==, TITRATE_SEVERITY_MODERATE);
  g_assert_nonnull (strstr (a->trigger, "sertraline"));
  g_assert_nonnull (strstr (a->trigger, "quetiapine"));
  assert_no_alert (a64_3, "interaction.antipsychotic");

  /* Two CNS-active drugs (baclofen + sertraline) at 65: the pair alert only. */
  assert_no_alert (a65_2, "interaction.cns_burden_beers");
  assert_no_alert (a65_2, "interaction.cns_burden_additive_minor");
  assert_alert (a65_2, "interaction.ssri_snri");

  /* An antiepileptic counts on the Beers list (65) but has no sourced
   * additive interaction of its own (64). */
  assert_alert (a65_ae, "interaction.cns_burden_beers");
  g_assert_nonnull (strstr (find_alert (a65_ae, "interaction.cns_burden_beers")->trigger, "levetiracetam"));
  assert_no_alert (a64_ae, "interaction.cns_burden_beers");
  assert_no_alert (a64_ae, "interaction.cns_burden_additive_minor");
  assert_alert (a64_ae, "interaction.ssri_snri");
}

/* Opioid + benzodiazepine or gabapentinoid, with baclofen, at any age → major. */
static void
test_burden_opioid_combination (void)
{
  g_autoptr(TitrateRegimen) r = test_oral ("spasticity", "tablet", 5, LABEL_PLAN);
  g_autoptr(TitratePatient) p30 = test_adult (30, 70, TITRATE_SEX_MALE, 0.9);
  const char *benzo[] = { "oxycodone HCl 5 mg tab", "lorazepam 1 mg", NULL };
  const char *gaba[] = { "Percocet", "gabapentin 300 mg", NULL };
  const char *opioid_only[] = { "oxycodone", NULL };
  g_autoptr(GPtrArray) with_benzo = test_check (p30, r, benzo);
  g_autoptr(GPtrArray) with_gaba = test_check (p30, r, gaba);
  g_autoptr(GPtrArray) alone = test_check (p30, r, opioid_only);
  const TitrateAlert *a;

  a = find_alert (with_benzo, "interaction.cns_burden_opioid_combination");
  g_assert_nonnull (a);
  g_assert_cmpint (a->severity, ==, TITRATE_SEVERITY_MAJOR);
  g_assert_nonnull (strstr (a->trigger, "oxycodone HCl 5 mg tab (oxycodone)"));
  g_assert_nonnull (strstr (a->trigger, "lorazepam 1 mg (lorazepam)"));
  g_assert_nonnull (strstr (a->trigger, "age 30"));
  /* Adopted from the addendum's [D] proposal: the text says so. */
  g_assert_nonnull (strstr (a->reason, "Design choice, not a published limit"));
  assert_no_alert (with_benzo, "interaction.opioid");
  assert_no_alert (with_benzo, "interaction.benzodiazepine");

  a = find_alert (with_gaba, "interaction.cns_burden_opioid_combination");
  g_assert_nonnull (a);
  g_assert_nonnull (strstr (a->trigger, "Percocet (oxycodone)"));
  g_assert_nonnull (strstr (a->trigger, "gabapentin"));
  /* Paracetamol is not CNS-active: not listed. */
  g_assert_null (strstr (a->trigger, "acetaminophen"));
  assert_no_alert (with_gaba, "interaction.gabapentinoid");

  /* Another baclofen product is a duplicate, not a further CNS-active drug. */
  {
    const char *dup[] = { "Ozobax", "oxycodone", NULL };
    g_autoptr(GPtrArray) a_dup = test_check (p30, r, dup);

    assert_alert (a_dup, "duplication.baclofen");
    assert_alert (a_dup, "interaction.opioid");
    assert_no_alert (a_dup, "interaction.cns_burden_additive_major");
  }

  /* One opioid alone: the pairwise alert, no burden. */
  assert_alert (alone, "interaction.opioid");
  assert_no_alert (alone, "interaction.cns_burden_opioid_combination");
  g_assert_cmpint (find_alert (alone, "interaction.opioid")->severity, ==, TITRATE_SEVERITY_MAJOR);
}

/* The burden alert replaces only same-mechanism pairs: distinct ones stay. */
static void
test_burden_keeps_distinct (void)
{
  g_autoptr(TitrateRegimen) r = test_oral ("spasticity", "tablet", 5, LABEL_PLAN);
  g_autoptr(TitrateRegimen) it = test_it (TITRATE_ORIGIN_SPINAL, 500, "1:d200");
  g_autoptr(TitratePatient) p = test_adult (40, 70, TITRATE_SEX_MALE, 0.9);
  const char *comeds[] = { "morphine", "diazepam", "amitriptyline", "lisinopril", "Sinemet", "lithium carbonate",
                           "ibuprofen 400 mg", "tizanidine", NULL };
  g_autoptr(GPtrArray) alerts = test_check (p, r, comeds);
  g_autoptr(GPtrArray) it_alerts = test_check (p, it, comeds);
  const char *kept[] = { "interaction.tca", "interaction.antihypertensive", "interaction.levodopa",
                         "interaction.lithium", "interaction.gfr_lowering", "duplication.muscle_relaxant" };
  const TitrateAlert *burden;

  burden = find_alert (alerts, "interaction.cns_burden_opioid_combination");
  g_assert_nonnull (burden);
  for (guint i = 0; i < G_N_ELEMENTS (kept); i++)
    {
      assert_alert (alerts, kept[i]);
      assert_alert (it_alerts, kept[i]);
    }
  /* Every CNS-active drug appears in the burden trigger. */
  g_assert_nonnull (strstr (burden->trigger, "morphine"));
  g_assert_nonnull (strstr (burden->trigger, "diazepam"));
  g_assert_nonnull (strstr (burden->trigger, "amitriptyline"));
  g_assert_nonnull (strstr (burden->trigger, "tizanidine"));
  g_assert_null (strstr (burden->trigger, "lisinopril"));
  assert_no_alert (alerts, "interaction.opioid");
  assert_no_alert (alerts, "interaction.benzodiazepine");

  /* Intrathecal: the opioid hypotension alert is a distinct mechanism. */
  assert_alert (it_alerts, "interaction.opioid_it");
  assert_alert (it_alerts, "interaction.cns_burden_opioid_combination");
}

/* Age not entered: the Beers age rule cannot apply; the additive one does. */
static void
test_burden_age_unknown (void)
{
  g_autoptr(TitrateRegimen) r = test_oral ("spasticity", "tablet", 5, LABEL_PLAN);
  g_autoptr(TitratePatient) p = test_adult (NAN, 70, TITRATE_SEX_FEMALE, 0.8);
  const char *comeds[] = { "zolpidem", "alcohol", NULL };
  g_autoptr(GPtrArray) alerts = test_check (p, r, comeds);

  assert_no_alert (alerts, "interaction.cns_burden_beers");
  assert_alert (alerts, "interaction.cns_burden_additive_major");
  assert_alert (alerts, "input.age_missing");
}

static void
test_new_cns_drugs (void)
{
  g_autoptr(TitrateRegimen) r = test_oral ("spasticity", "tablet", 5, LABEL_PLAN);
  g_autoptr(TitratePatient) p = test_adult (45, 70, TITRATE_SEX_FEMALE, 0.8);
  const char *mirtazapine[] = { "mirtazapine 15 mg", NULL };
  const char *nabilone[] = { "Cesamet", NULL };
  const char *antihistamine[] = { "brompheniramine maleate", NULL };
  g_autoptr(GPtrArray) a1 = test_check (p, r, mirtazapine);
  g_autoptr(GPtrArray) a2 = test_check (p, r, nabilone);
  g_autoptr(GPtrArray) a3 = test_check (p, r, antihistamine);

  assert_alert (a1, "interaction.sedating_antidepressant");
  g_assert_nonnull (strstr (find_alert (a1, "interaction.sedating_antidepressant")->source, "FDA-DSC19"));
  assert_alert (a2, "interaction.cannabinoid");
  g_assert_nonnull (strstr (find_alert (a2, "interaction.cannabinoid")->source, "CDC-VS"));
  assert_alert (a3, "interaction.sedating_antihistamine");
  assert_no_alert (a1, "input.unknown_comedication");
}

static void
test_conditions_case_and_unknowns (void)
{
  g_autoptr(TitrateRegimen) r = test_oral ("spasticity", "tablet", 5, LABEL_PLAN);
  g_autoptr(TitratePatient) p = test_adult (45, 70, TITRATE_SEX_FEMALE, 0.8);
  g_autoptr(GPtrArray) alerts = NULL;
  const TitrateAlert *a;

  g_ptr_array_add (p->conditions, g_strdup ("EPILEPSY"));
  g_ptr_array_add (p->conditions, g_strdup (" Peptic_Ulcer "));
  g_ptr_array_add (p->conditions, g_strdup ("migraine"));
  g_ptr_array_add (p->conditions, g_strdup ("gout"));
  alerts = test_check (p, r, NULL);
  /* Counselling and the form ask the same question the same way. */
  g_assert_true (titrate_patient_has_condition (p, "epilepsy"));
  g_assert_true (titrate_patient_has_condition (p, "peptic_ulcer"));
  assert_alert (alerts, "condition.epilepsy");
  assert_alert (alerts, "condition.peptic_ulcer");
  a = find_alert (alerts, "input.unknown_condition");
  g_assert_nonnull (a);
  g_assert_nonnull (strstr (a->trigger, "migraine"));
  g_assert_nonnull (strstr (a->trigger, "gout"));
  g_assert_null (strstr (a->trigger, "EPILEPSY"));
}

static void
test_allergies (void)
{
  g_autoptr(TitrateRegimen) r = test_oral ("spasticity", "tablet", 5, LABEL_PLAN);
  g_autoptr(TitratePatient) p = test_adult (45, 70, TITRATE_SEX_FEMALE, 0.8);
  g_autoptr(TitratePatient) q = test_adult (45, 70, TITRATE_SEX_FEMALE, 0.8);
  g_autoptr(TitratePatient) s = test_adult (45, 70, TITRATE_SEX_FEMALE, 0.8);
  g_autoptr(GPtrArray) a_unknown = NULL;
  g_autoptr(GPtrArray) a_brand = NULL;
  g_autoptr(GPtrArray) a_known = NULL;
  const TitrateAlert *a;

  g_ptr_array_add (p->allergies, g_strdup ("penicilin"));
  g_ptr_array_add (p->allergies, g_strdup ("sulfa drugs"));
  a_unknown = test_check (p, r, NULL);
  a = find_alert (a_unknown, "input.unknown_allergy");
  g_assert_nonnull (a);
  g_assert_nonnull (strstr (a->trigger, "penicilin"));
  g_assert_nonnull (strstr (a->trigger, "sulfa drugs"));
  assert_no_alert (a_unknown, "allergy.baclofen");

  g_ptr_array_add (q->allergies, g_strdup ("Ozobax - hives"));
  a_brand = test_check (q, r, NULL);
  assert_alert (a_brand, "allergy.baclofen");
  assert_no_alert (a_brand, "input.unknown_allergy");

  /* "No known drug allergies" is not an unrecognised allergy. */
  {
    g_autoptr(TitratePatient) none = test_adult (45, 70, TITRATE_SEX_FEMALE, 0.8);
    g_autoptr(GPtrArray) a_none = NULL;

    g_ptr_array_add (none->allergies, g_strdup ("NKDA"));
    g_ptr_array_add (none->allergies, g_strdup ("No known drug allergies"));
    a_none = test_check (none, r, NULL);
    assert_no_alert (a_none, "input.unknown_allergy");
    g_assert_false (titrate_rules_allergy_says_none (test_rules (), "no penicillin"));
  }

  /* A recognised medicine that is not baclofen: checked, nothing found. */
  g_ptr_array_add (s->allergies, g_strdup ("morphine sulfate"));
  a_known = test_check (s, r, NULL);
  assert_no_alert (a_known, "allergy.baclofen");
  assert_no_alert (a_known, "input.unknown_allergy");
}

static void
test_input_no_doses (void)
{
  g_autoptr(TitratePatient) p = test_adult (45, 70, TITRATE_SEX_FEMALE, 0.8);
  g_autoptr(TitrateRegimen) zeros = test_oral ("spasticity", "tablet", 5, "1:0,0,0");
  g_autoptr(TitrateRegimen) empty = titrate_regimen_new (TITRATE_ROUTE_ORAL);
  g_autoptr(TitrateRegimen) label = test_oral ("spasticity", "tablet", 5, LABEL_PLAN);
  g_autoptr(GPtrArray) a_zero = NULL;
  g_autoptr(GPtrArray) a_empty = NULL;
  g_autoptr(GPtrArray) a_label = NULL;
  const TitrateAlert *a;

  empty->indication = g_strdup ("spasticity");
  empty->formulation = g_strdup ("tablet");
  empty->strength_mg = 10;
  a_zero = test_check (p, zeros, NULL);
  a_empty = test_check (p, empty, NULL);
  a_label = test_check (p, label, NULL);

  a = find_alert (a_zero, "input.regimen_no_doses");
  g_assert_nonnull (a);
  g_assert_cmpint (a->severity, >=, TITRATE_SEVERITY_MODERATE);
  g_assert_nonnull (strstr (a->trigger, "zero"));
  assert_alert (a_empty, "input.regimen_no_doses");
  assert_no_alert (a_label, "input.regimen_no_doses");
}

static void
test_input_sex_pregnancy (void)
{
  g_autoptr(TitrateRegimen) r = test_oral ("spasticity", "tablet", 5, LABEL_PLAN);
  g_autoptr(TitratePatient) male = test_adult (30, 80, TITRATE_SEX_MALE, 0.9);
  g_autoptr(TitratePatient) female = test_adult (30, 60, TITRATE_SEX_FEMALE, 0.7);
  g_autoptr(GPtrArray) a_male = NULL;
  g_autoptr(GPtrArray) a_male_bf = NULL;
  g_autoptr(GPtrArray) a_female = NULL;

  male->pregnant = TRUE;
  a_male = test_check (male, r, NULL);
  assert_alert (a_male, "input.sex_pregnancy_mismatch");
  /* Fail safe: the pregnancy alert stays until the record is corrected. */
  assert_alert (a_male, "pregnancy.oral");

  male->pregnant = FALSE;
  male->breastfeeding = TRUE;
  a_male_bf = test_check (male, r, NULL);
  assert_alert (a_male_bf, "input.sex_pregnancy_mismatch");
  g_assert_nonnull (strstr (find_alert (a_male_bf, "input.sex_pregnancy_mismatch")->trigger, "breastfeeding"));

  female->pregnant = TRUE;
  a_female = test_check (female, r, NULL);
  assert_no_alert (a_female, "input.sex_pregnancy_mismatch");
}

static void
test_input_liquid_concentration (void)
{
  g_autoptr(TitratePatient) p = test_adult (45, 70, TITRATE_SEX_FEMALE, 0.8);
  g_autoptr(TitrateRegimen) none = test_oral ("spasticity", "oral_solution", NAN, LABEL_PLAN);
  g_autoptr(TitrateRegimen) ozobax = test_oral ("spasticity", "oral_solution", NAN, LABEL_PLAN);
  g_autoptr(GPtrArray) a_none = NULL;
  g_autoptr(GPtrArray) a_ozobax = NULL;
  const TitrateAlert *a;

  ozobax->concentration_mg_per_ml = 1;
  a_none = test_check (p, none, NULL);
  a_ozobax = test_check (p, ozobax, NULL);

  a = find_alert (a_none, "input.liquid_concentration_missing");
  g_assert_nonnull (a);
  g_assert_cmpint (a->severity, >=, TITRATE_SEVERITY_MODERATE);
  g_assert_nonnull (strstr (a->source, "ISMP"));
  g_assert_nonnull (strstr (a->trigger, "concentration not given"));
  /* The route alert says so too, without a stray unit. */
  a = find_alert (a_none, "route.oral_liquid");
  g_assert_nonnull (a);
  g_assert_nonnull (strstr (a->trigger, "concentration not given"));
  g_assert_null (strstr (a->trigger, "mg/mL"));
  assert_no_alert (a_ozobax, "input.liquid_concentration_missing");
  assert_no_alert (a_ozobax, "input.strength_not_marketed");
}

static void
test_input_strength (void)
{
  g_autoptr(TitratePatient) p = test_adult (45, 70, TITRATE_SEX_FEMALE, 0.8);
  g_autoptr(TitrateRegimen) t25 = test_oral ("spasticity", "tablet", 25, "1:25,25,25");
  g_autoptr(TitrateRegimen) tiny = test_oral ("spasticity", "tablet", 1e-300, LABEL_PLAN);
  g_autoptr(TitrateRegimen) t10 = test_oral ("spasticity", "tablet", 10, "1:10,10,10");
  g_autoptr(TitrateRegimen) granules = test_oral ("spasticity", "granules", 15, "1:15,15,15");
  g_autoptr(TitrateRegimen) liquid = test_oral ("spasticity", "oral_suspension", NAN, LABEL_PLAN);
  g_autoptr(GPtrArray) a25 = test_check (p, t25, NULL);
  g_autoptr(GPtrArray) atiny = NULL;
  g_autoptr(GPtrArray) a10 = test_check (p, t10, NULL);
  g_autoptr(GPtrArray) agran = test_check (p, granules, NULL);
  g_autoptr(GPtrArray) aliquid = NULL;
  const TitrateAlert *a;

  liquid->concentration_mg_per_ml = 3;
  atiny = test_check (p, tiny, NULL);
  aliquid = test_check (p, liquid, NULL);

  a = find_alert (a25, "input.strength_not_marketed");
  g_assert_nonnull (a);
  g_assert_nonnull (strstr (a->trigger, "25 mg"));
  a = find_alert (atiny, "input.strength_not_marketed");
  g_assert_nonnull (a);
  /* Never rounded to zero. */
  g_assert_nonnull (strstr (a->trigger, "1e-300"));
  assert_no_alert (a10, "input.strength_not_marketed");
  assert_alert (agran, "input.strength_not_marketed");
  a = find_alert (aliquid, "input.strength_not_marketed");
  g_assert_nonnull (a);
  g_assert_nonnull (strstr (a->trigger, "mg/mL"));
}

/* Red-team pass: shorthand as prescribers type it (baclofen.md §11,
 * addendum §6). Misspellings still stay "not checked", naming the part. */
static void
test_typed_shorthand (void)
{
  assert_resolves ("Tylenol w/ codeine #3", "acetaminophen+codeine");
  assert_resolves ("Vicodin ES", "hydrocodone+acetaminophen");
  assert_resolves ("Vicodin HP 10/300", "hydrocodone+acetaminophen");
  assert_resolves ("Suboxone 8/2 mg SL", "buprenorphine");
  assert_resolves ("EtOH 2 drinks/day", "alcohol");
  assert_resolves ("wine 2 glasses nightly", "alcohol");
  assert_resolves ("alcohol (social)", "alcohol");
  assert_resolves ("CBD oil", "cannabidiol");
  assert_resolves ("Tylenol PM", "diphenhydramine+acetaminophen");
  assert_resolves ("Norco 5/325", "hydrocodone+acetaminophen");
  assert_resolves ("APAP/hydrocodone", "acetaminophen+hydrocodone");
  assert_resolves ("oxycodone-acetaminophen 5-325 mg", "oxycodone+acetaminophen");
  assert_resolves ("tramadol/APAP", "tramadol+acetaminophen");
  assert_resolves ("gabapentin 300mg TID", "gabapentin");
  assert_resolves ("Xanax XR 0.5", "alprazolam");
  assert_resolves ("zolpidem ER", "zolpidem");
  assert_resolves ("quetiapine 25 mg qhs", "quetiapine");
  assert_resolves ("pregabalin (Lyrica) 75 mg BID", "pregabalin");
  /* The sig's reason ("prn anxiety", "for pain") and route words. */
  assert_resolves ("clonazepam 0.5 mg tid prn anxiety", "clonazepam");
  assert_resolves ("temazepam 15 mg qhs prn insomnia", "temazepam");
  assert_resolves ("trazodone 50 mg qhs prn sleep", "trazodone");
  assert_resolves ("oxycodone/APAP 5/325 1-2 tabs q4-6h prn pain", "oxycodone+acetaminophen");
  assert_resolves ("promethazine w/ codeine for cough", "promethazine+codeine");
  assert_resolves ("morphine 2 mg IV q2h prn pain", "morphine");
  assert_resolves ("lorazepam 1 mg IM", "lorazepam");
  assert_resolves ("Tylenol PM 2 caplets", "diphenhydramine+acetaminophen");
  assert_resolves ("Tylenol 500 mg caplets", "acetaminophen");
  assert_resolves ("ETOH abuse", "alcohol");
  assert_resolves ("vodka", "alcohol");
  assert_resolves ("gabapenton 300 mg", "?gabapenton");
  assert_resolves ("gabapenton for pain", "?gabapenton");
  /* Any reason after "prn" or "for" is set aside, unless it names a drug. */
  assert_resolves ("lorazepam 1 mg prn panic attacks", "lorazepam");
  assert_resolves ("oxycodone 5 mg for low back pain", "oxycodone");
  assert_resolves ("Benadryl 25mg qhs prn", "diphenhydramine");
  assert_resolves ("lorazepm prn panic attacks", "?lorazepm");
  assert_resolves ("zolpidem prn lorazepam", "?zolpidem prn lorazepam");
  /* Accents as French prescribers type brands. */
  assert_resolves ("Liorésal 10 mg", "baclofen");
  assert_resolves ("LIORÉSAL", "baclofen");
  assert_resolves ("zolpidam", "?zolpidam");
  assert_resolves ("hydrocodon/APAP", "?hydrocodon+acetaminophen");
}

/* True when @alert's action mentions @text. */
static gboolean
action_has (const TitrateAlert *alert,
            const char         *text)
{
  return alert != NULL && strstr (alert->action, text) != NULL;
}

/* The burden alert replaces pairwise alerts: the advice they carried stays
 * in view (baclofen.md §11: AUD counselling, benzodiazepines for withdrawal
 * seizures, psychosis may worsen; addendum §7: Beers falls at 65 or over
 * also when an opioid combination leads), and the texts name no codes. */
static void
test_burden_carries_advice (void)
{
  g_autoptr(TitrateRegimen) r = test_oral ("spasticity", "tablet", 5, LABEL_PLAN);
  g_autoptr(TitrateRegimen) aud = test_oral ("alcohol_use_disorder", "tablet", 5, "1:5,5,5;4:10,10,10");
  g_autoptr(TitratePatient) p30 = test_adult (30, 70, TITRATE_SEX_MALE, 0.9);
  g_autoptr(TitratePatient) p52 = test_adult (52, 80, TITRATE_SEX_MALE, 0.9);
  g_autoptr(TitratePatient) p70 = test_adult (70, 70, TITRATE_SEX_FEMALE, 0.7);
  g_autoptr(TitratePatient) p80 = test_adult (80, 70, TITRATE_SEX_FEMALE, 0.7);
  const char *antipsychotics[] = { "quetiapine 25 mg qhs", "olanzapine 5 mg", NULL };
  const char *drinking[] = { "alcohol (social)", "diazepam 5 mg", NULL };
  const char *opioid_benzo[] = { "Norco 5/325", "lorazepam 1mg PO q6h PRN", NULL };
  g_autoptr(GPtrArray) a_psy = test_check (p70, r, antipsychotics);
  g_autoptr(GPtrArray) a_aud = test_check (p52, aud, drinking);
  g_autoptr(GPtrArray) a_ob30 = test_check (p30, r, opioid_benzo);
  g_autoptr(GPtrArray) a_ob80 = test_check (p80, r, opioid_benzo);
  const TitrateAlert *a;

  /* Two antipsychotics at 70: Beers burden; psychosis advice kept. */
  a = find_alert (a_psy, "interaction.cns_burden_beers");
  g_assert_nonnull (a);
  g_assert_nonnull (strstr (a->trigger, "quetiapine"));
  g_assert_nonnull (strstr (a->trigger, "olanzapine"));
  g_assert_true (action_has (a, "psychosis may worsen (quetiapine, olanzapine)"));
  g_assert_true (action_has (a, "mental state"));
  g_assert_nonnull (strstr (a->source, "OZO §5.5"));
  assert_no_alert (a_psy, "interaction.antipsychotic");

  /* Drinking with diazepam in alcohol use disorder: counselling and
   * withdrawal-seizure advice kept. */
  a = find_alert (a_aud, "interaction.cns_burden_additive_major");
  g_assert_nonnull (a);
  g_assert_nonnull (strstr (a->trigger, "alcohol"));
  g_assert_nonnull (strstr (a->trigger, "diazepam"));
  /* Alcohol is counted as a CNS depressant, not called a drug. */
  g_assert_nonnull (strstr (a->trigger, "(3 CNS depressants in all, baclofen included; age 52 years)"));
  g_assert_true (action_has (a, "In alcohol use disorder"));
  g_assert_true (action_has (a, "withdrawal seizures"));
  assert_no_alert (a_aud, "interaction.alcohol");
  assert_no_alert (a_aud, "interaction.benzodiazepine");

  /* Opioid + benzodiazepine at 30: breathing; no Beers text. */
  a = find_alert (a_ob30, "interaction.cns_burden_opioid_combination");
  g_assert_nonnull (a);
  g_assert_nonnull (strstr (a->trigger, "hydrocodone"));
  g_assert_nonnull (strstr (a->trigger, "lorazepam"));
  g_assert_true (action_has (a, "monitor breathing"));
  g_assert_null (strstr (a->action, "Three or more"));
  g_assert_null (strstr (a->source, "B23-T5; B23-T5"));

  /* The same at 80: one alert, which also carries Beers' falls advice. */
  a = find_alert (a_ob80, "interaction.cns_burden_opioid_combination");
  g_assert_nonnull (a);
  g_assert_cmpint (a->severity, ==, TITRATE_SEVERITY_MAJOR);
  g_assert_true (action_has (a, "Three or more CNS-active medicines at 65 or over"));
  g_assert_true (action_has (a, "falls"));
  assert_no_alert (a_ob80, "interaction.cns_burden_beers");
  assert_no_alert (a_ob80, "interaction.opioid");

  /* No rule codes in any text shown to the prescriber. */
  {
    GPtrArray *all[] = { a_psy, a_aud, a_ob30, a_ob80 };

    for (guint i = 0; i < G_N_ELEMENTS (all); i++)
      for (guint k = 0; k < all[i]->len; k++)
        {
          const TitrateAlert *x = g_ptr_array_index (all[i], k);

          g_assert_null (strstr (x->action, "interaction."));
          g_assert_null (strstr (x->trigger, "interaction."));
          g_assert_null (strstr (x->action, "(s)"));
        }
  }
}

/* A misspelt opioid is never counted: "not checked", not a burden alert. */
static void
test_misspelt_not_counted (void)
{
  g_autoptr(TitrateRegimen) r = test_oral ("spasticity", "tablet", 5, LABEL_PLAN);
  g_autoptr(TitratePatient) p = test_adult (45, 70, TITRATE_SEX_MALE, 0.9);
  const char *typed[] = { "hydrocodon/APAP", "gabapentin 300mg TID", NULL };
  g_autoptr(GPtrArray) a = test_check (p, r, typed);
  const TitrateAlert *nc = find_alert (a, "input.unknown_comedication");

  g_assert_nonnull (nc);
  g_assert_nonnull (strstr (nc->trigger, "hydrocodon"));
  assert_no_alert (a, "interaction.cns_burden_opioid_combination");
  assert_alert (a, "interaction.gabapentinoid");
}

/* Intrathecal morphine keeps its own alert (hypotension: distinct mechanism,
 * GAB/CH) beside the burden alert; an opioid inside a Beers alert keeps its
 * breathing advice. */
static void
test_burden_route_and_opioid_advice (void)
{
  g_autoptr(TitrateRegimen) it = test_it (TITRATE_ORIGIN_SPINAL, 500, "1:d200");
  g_autoptr(TitrateRegimen) oral = test_oral ("spasticity", "tablet", 5, LABEL_PLAN);
  g_autoptr(TitratePatient) p40 = test_adult (40, 70, TITRATE_SEX_MALE, 0.9);
  g_autoptr(TitratePatient) p70 = test_adult (70, 70, TITRATE_SEX_FEMALE, 0.7);
  const char *it_combo[] = { "morphine sulfate (intrathecal)", "lorazepam 1 mg", NULL };
  const char *older[] = { "tramadol 50 mg", "sertraline 50 mg", NULL };
  g_autoptr(GPtrArray) a_it = test_check (p40, it, it_combo);
  g_autoptr(GPtrArray) a_old = test_check (p70, oral, older);
  const TitrateAlert *a;

  a = find_alert (a_it, "interaction.cns_burden_opioid_combination");
  g_assert_nonnull (a);
  g_assert_nonnull (strstr (a->trigger, "morphine"));
  g_assert_nonnull (strstr (a->trigger, "lorazepam"));
  a = find_alert (a_it, "interaction.opioid_it");
  g_assert_nonnull (a);
  g_assert_nonnull (strstr (a->trigger, "morphine"));
  assert_no_alert (a_it, "interaction.benzodiazepine");

  a = find_alert (a_old, "interaction.cns_burden_beers");
  g_assert_nonnull (a);
  g_assert_nonnull (strstr (a->trigger, "tramadol"));
  g_assert_nonnull (strstr (a->trigger, "sertraline"));
  g_assert_true (action_has (a, "respiratory depression (tramadol)"));
  g_assert_true (action_has (a, "monitor breathing"));
  assert_no_alert (a_old, "interaction.opioid");
}

/* Alerts about comedications (interaction, duplication, not recognised). */
static guint
n_comedication_alerts (GPtrArray *alerts)
{
  guint n = 0;

  for (guint i = 0; i < alerts->len; i++)
    {
      const TitrateAlert *a = g_ptr_array_index (alerts, i);

      if (a->category == TITRATE_CATEGORY_INTERACTION || a->category == TITRATE_CATEGORY_DUPLICATION ||
          g_strcmp0 (a->code, "input.unknown_comedication") == 0)
        n++;
    }
  return n;
}

/* What must not alert (baclofen.md §11): paracetamol however typed, an empty
 * list; metformin is a minor glucose note and nothing more; the same drug
 * typed twice, or as brand and generic, is one drug for the Beers count. */
static void
test_quiet_cases (void)
{
  g_autoptr(TitrateRegimen) r = test_oral ("spasticity", "tablet", 5, LABEL_PLAN);
  g_autoptr(TitratePatient) p40 = test_adult (40, 70, TITRATE_SEX_FEMALE, 0.8);
  g_autoptr(TitratePatient) p70 = test_adult (70, 70, TITRATE_SEX_FEMALE, 0.7);
  const char *paracetamol[] = { "paracetamol 1 g QID", "Tylenol 500 mg caplets", "APAP 650 mg q6h prn pain", NULL };
  const char *metformin[] = { "metformin 500 mg BID", NULL };
  const char *twice[] = { "Xanax", "alprazolam 0.25 mg", "Xanax XR 1 mg", NULL };
  const char *empty[] = { NULL };
  g_autoptr(GPtrArray) a_para = test_check (p40, r, paracetamol);
  g_autoptr(GPtrArray) a_met = test_check (p40, r, metformin);
  g_autoptr(GPtrArray) a_twice = test_check (p70, r, twice);
  g_autoptr(GPtrArray) a_empty = test_check (p40, r, empty);
  const TitrateAlert *a;

  g_assert_cmpuint (n_comedication_alerts (a_para), ==, 0);
  g_assert_cmpuint (n_comedication_alerts (a_empty), ==, 0);
  g_assert_cmpuint (n_comedication_alerts (a_met), ==, 1);
  a = find_alert (a_met, "interaction.antidiabetic");
  g_assert_nonnull (a);
  g_assert_cmpint (a->severity, ==, TITRATE_SEVERITY_MINOR);
  g_assert_nonnull (strstr (a->trigger, "metformin"));

  /* Baclofen + alprazolam: two CNS-active drugs, not four. */
  assert_no_alert (a_twice, "interaction.cns_burden_beers");
  a = find_alert (a_twice, "interaction.benzodiazepine");
  g_assert_nonnull (a);
  g_assert_nonnull (strstr (a->trigger, "alprazolam"));
  /* Counted once, but every entry stays in view. */
  g_assert_nonnull (strstr (a->trigger, "Xanax (alprazolam), listed again as “alprazolam 0.25 mg”, "
                                        "listed again as “Xanax XR 1 mg”"));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/titrate/drug-names/salts-strengths-forms", test_salts_strengths_forms);
  g_test_add_func ("/titrate/drug-names/combinations", test_combinations);
  g_test_add_func ("/titrate/drug-names/not-recognised", test_not_recognised);
  g_test_add_func ("/titrate/drug-names/search-normalised", test_search_normalised);
  g_test_add_func ("/titrate/drug-names/combination-in-checker", test_combination_in_checker);
  g_test_add_func ("/titrate/drug-names/burden-beers-age", test_burden_beers_age);
  g_test_add_func ("/titrate/drug-names/burden-opioid-combination", test_burden_opioid_combination);
  g_test_add_func ("/titrate/drug-names/burden-keeps-distinct", test_burden_keeps_distinct);
  g_test_add_func ("/titrate/drug-names/burden-age-unknown", test_burden_age_unknown);
  g_test_add_func ("/titrate/drug-names/new-cns-drugs", test_new_cns_drugs);
  g_test_add_func ("/titrate/drug-names/conditions", test_conditions_case_and_unknowns);
  g_test_add_func ("/titrate/drug-names/allergies", test_allergies);
  g_test_add_func ("/titrate/drug-names/input-no-doses", test_input_no_doses);
  g_test_add_func ("/titrate/drug-names/input-sex-pregnancy", test_input_sex_pregnancy);
  g_test_add_func ("/titrate/drug-names/input-liquid-concentration", test_input_liquid_concentration);
  g_test_add_func ("/titrate/drug-names/input-strength", test_input_strength);
  g_test_add_func ("/titrate/drug-names/typed-shorthand", test_typed_shorthand);
  g_test_add_func ("/titrate/drug-names/burden-carries-advice", test_burden_carries_advice);
  g_test_add_func ("/titrate/drug-names/misspelt-not-counted", test_misspelt_not_counted);
  g_test_add_func ("/titrate/drug-names/burden-route-opioid-advice", test_burden_route_and_opioid_advice);
  g_test_add_func ("/titrate/drug-names/quiet-cases", test_quiet_cases);
  return g_test_run ();
}
