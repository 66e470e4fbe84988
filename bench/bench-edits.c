/* bench-edits.c — field edit → re-check → redraw, in the real window
 *
 * Copyright 2026 The Titrate authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Loads a 90-day plan with 10 comedications into the real window, then
 * makes many edits the way a person does — keystrokes in Age (clearing it,
 * typing digits: nothing reaches the plan until Enter), Enter (the
 * committed value is checked), new creatinine values committed, a step
 * changed by hand — and measures, for each one, until the frame that shows
 * it is painted (frame clock after-paint). Keystrokes and commits are
 * reported apart: a keystroke must stay cheap, a commit re-checks.
 *
 *   work    CPU time of the GTK main thread from the edit to that frame's
 *           end: validation, re-check, alert list, calendar, chart and form
 *           updates, layout and paint. What the edit costs, free of waits.
 *   latency wall time from the edit to that frame's end, which also holds
 *           the wait for the frame clock's next slot (up to a frame).
 *
 * Prints p50/p99/max of both. Needs a display: run it as CI does (Xvfb,
 * GSK_RENDERER=cairo GDK_DEBUG=gl-disable GTK_A11Y=none); bench/first-frame.sh
 * does. BENCH_HIDE=name,… hides plan-view children, to see what they cost.
 *
 *   bench-edits [N_EDITS]
 */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <math.h>
#include <valgrind/callgrind.h>

#include "titrate-number-row.h"
#include "titrate-application.h"
#include "titrate-window.h"

static gint64 frame_started;
static gint64 frame_done;
static gint64 frame_done_cpu;

/* Helpers */

static gboolean
wake_cb (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

/* CPU time of this thread, the GTK main thread: work without the waits. */
static gint64
thread_cpu_us (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return (gint64) ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

static void
on_before_paint_cb (GdkFrameClock *clock)
{
  if (frame_started == 0)
    frame_started = g_get_monotonic_time ();
}

static void
on_after_paint_cb (GdkFrameClock *clock)
{
  if (frame_started != 0 && frame_done == 0)
    {
      frame_done = g_get_monotonic_time ();
      frame_done_cpu = thread_cpu_us ();
    }
}

static int
compare_int64 (const void *a,
               const void *b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

static double
percentile (GArray *values,
            double  p)
{
  guint index;

  /* No edit redrawn: nothing to rank (this used to index element -1). */
  if (values->len == 0)
    return NAN;
  g_array_sort (values, compare_int64);
  index = (guint) MIN (values->len - 1, (guint) (p * (values->len - 1) + 0.5));
  return g_array_index (values, gint64, index) / 1000.0;
}

static TitrateDocument *
make_plan (void)
{
  static const char *drugs[] = { "lorazepam", "oxycodone", "gabapentin", "sertraline", "tizanidine",
                                 "zolpidem", "amitriptyline", "diazepam", "pregabalin", "tramadol" };
  static const double per_dose[] = { 5, 5, 10, 10, 10, 15, 15, 15, 20, 20, 20, 20 };
  TitrateDocument *doc = titrate_document_new ();

  doc->patient->age_years = 78;
  doc->patient->weight_kg = 55;
  doc->patient->sex = TITRATE_SEX_FEMALE;
  doc->patient->serum_creatinine = 1.3;
  doc->regimen->indication = g_strdup ("spasticity");
  doc->regimen->formulation = g_strdup ("tablet");
  doc->regimen->strength_mg = 10;
  g_date_set_dmy (&doc->regimen->start_date, 4, G_DATE_JANUARY, 2027);
  /* 12 steps a week apart, 15 → 60 mg/day: a 91-day calendar. */
  for (guint i = 0; i < G_N_ELEMENTS (per_dose); i++)
    {
      double doses[3] = { per_dose[i], per_dose[i], per_dose[i] };
      TitrateStep step;

      titrate_step_init_oral (&step, 1 + 7 * (int) i, doses, 3);
      titrate_regimen_add_step (doc->regimen, &step, NULL);
    }
  for (guint i = 0; i < G_N_ELEMENTS (drugs); i++)
    g_ptr_array_add (doc->comedications, g_strdup (drugs[i]));
  return doc;
}

static void
hide_children (TitrateWindow *win,
               const char    *names)
{
  TitratePlanView *plan = titrate_window_get_plan_view (win);
  GtkWidget *alerts = GTK_WIDGET (titrate_plan_view_get_alert_list (plan));
  g_auto(GStrv) list = g_strsplit (names, ",", -1);

  for (guint i = 0; list[i] != NULL; i++)
    {
      GObject *widget = gtk_widget_get_template_child (GTK_WIDGET (plan), TITRATE_TYPE_PLAN_VIEW, list[i]);

      if (widget == NULL)
        widget = gtk_widget_get_template_child (alerts, G_OBJECT_TYPE (alerts), list[i]);
      if (widget != NULL)
        gtk_widget_set_visible (GTK_WIDGET (widget), FALSE);
    }
}

/* Enter in a number field: what is typed reaches the plan. */
static void
press_enter (GtkEditable *editable)
{
  g_signal_emit_by_name (editable, "activate");
}

/* One edit, as a person makes it. Returns TRUE for a keystroke that
 * commits nothing. */
static gboolean
edit (int             i,
      GtkEditable    *age,
      GtkEditable    *creatinine,
      TitrateSession *session)
{
  static const char *ages[] = { "78", "45", "66", "80" };
  static const char *creatinines[] = { "1.3", "0.9", "2.8", "1.1" };
  int kind = i % 10;

  if (kind == 0)
    {
      gtk_editable_set_text (age, "");                   /* clear Age … */
      return TRUE;
    }
  else if (kind <= 2)
    {
      int position = -1;                                  /* … type two digits … */

      gtk_editable_insert_text (age, ages[(i / 10) % G_N_ELEMENTS (ages)] + kind - 1, 1, &position);
      return TRUE;
    }
  else if (kind == 3)
    press_enter (age);                                    /* … Enter */
  else if (kind == 4)
    {
      gtk_editable_set_text (age, ages[(i / 10 + kind) % G_N_ELEMENTS (ages)]);  /* retype, Enter */
      press_enter (age);
    }
  else if (kind <= 6)
    {
      int position = -1;                                  /* a keystroke in Creatinine */

      gtk_editable_insert_text (creatinine, "1", 1, &position);
      return TRUE;
    }
  else if (kind <= 8)
    {
      gtk_editable_set_text (creatinine, creatinines[(i / 10 + kind) % G_N_ELEMENTS (creatinines)]);
      press_enter (creatinine);
    }
  else
    {
      /* A step edited by hand: calendar, schedule and chart change. */
      double doses[3] = { 10 + (i / 10) % 5, 10, 10 };
      TitrateStep step;

      titrate_step_init_oral (&step, 15, doses, 3);
      titrate_session_replace_step (session, 15, &step, NULL);
    }
  return FALSE;
}

static void
print_stats (const char *what,
             GArray     *work,
             GArray     *latency,
             double      target_p99_ms)
{
  double p99 = percentile (work, 0.99);

  printf ("%s: %u redrawn\n", what, work->len);
  if (work->len == 0)
    {
      printf ("  nothing was redrawn: no figures\n");
      return;
    }
  printf ("  work, main-thread CPU (ms): p50 %.2f  p99 %.2f  max %.2f   p99 / target %.0f ms = %.2f\n",
          percentile (work, 0.5), p99, percentile (work, 1.0), target_p99_ms, p99 / target_p99_ms);
  printf ("  latency to the painted frame, wall clock incl. frame-clock wait (ms): p50 %.2f  p99 %.2f  max %.2f\n",
          percentile (latency, 0.5), percentile (latency, 0.99), percentile (latency, 1.0));
}

/* The baseline, measured in the same run: the same keystrokes in an entry
 * row of a bare libadwaita window (a boxed list with one AdwEntryRow), to
 * its painted frame. */
static void
measure_baseline (GtkApplication *app,
                  int             n_keys,
                  GArray         *work,
                  GArray         *latency)
{
  GtkWidget *window = adw_application_window_new (app);
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *row = adw_entry_row_new ();
  GdkFrameClock *clock;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), "Age (years)");
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_list_box_append (GTK_LIST_BOX (list), row);
  gtk_widget_set_valign (list, GTK_ALIGN_START);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), list);
  gtk_window_set_default_size (GTK_WINDOW (window), 360, 200);
  gtk_window_present (GTK_WINDOW (window));
  for (int i = 0; i < 200; i++)
    g_main_context_iteration (NULL, FALSE);

  clock = gtk_widget_get_frame_clock (window);
  g_signal_connect (clock, "before-paint", G_CALLBACK (on_before_paint_cb), NULL);
  g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint_cb), NULL);
  for (int i = 0; i < n_keys; i++)
    {
      gint64 t0, cpu0, deadline, value;
      guint wake;

      g_usleep (20000);
      while (g_main_context_pending (NULL))
        g_main_context_iteration (NULL, FALSE);
      frame_started = frame_done = 0;
      cpu0 = thread_cpu_us ();
      t0 = g_get_monotonic_time ();
      if (i % 3 == 0)
        gtk_editable_set_text (GTK_EDITABLE (row), "");
      else
        {
          int position = -1;

          gtk_editable_insert_text (GTK_EDITABLE (row), i % 3 == 1 ? "7" : "8", 1, &position);
        }
      deadline = t0 + 200000;
      /* A 10 ms tick wakes the loop, so that an edit with nothing to
       * redraw ends at its deadline instead of blocking (it hung under
       * callgrind, where frames are slow). */
      wake = g_timeout_add (10, wake_cb, NULL);
      while (frame_done == 0 && g_get_monotonic_time () < deadline)
        g_main_context_iteration (NULL, TRUE);
      g_source_remove (wake);
      if (frame_done == 0)
        continue;
      value = frame_done_cpu - cpu0;
      g_array_append_val (work, value);
      value = frame_done - t0;
      g_array_append_val (latency, value);
    }
  g_signal_handlers_disconnect_by_func (clock, on_before_paint_cb, NULL);
  g_signal_handlers_disconnect_by_func (clock, on_after_paint_cb, NULL);
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  int n_edits = argc > 1 ? atoi (argv[1]) : 1000;
  g_autoptr(TitrateApplication) app = NULL;
  g_autoptr(TitrateDocument) doc = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) work = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) latency = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) key_work = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) key_latency = g_array_new (FALSE, FALSE, sizeof (gint64));
  guint n_keys = 0;
  const char *collect_what = g_getenv ("BENCH_COLLECT");
  TitrateWindow *win;
  TitrateSession *session;
  TitratePatientForm *form;
  GtkEditable *age, *creatinine;
  GdkFrameClock *clock;
  char *data;
  g_autofree char *state_dir = NULL;

  /* The edits autosave (as in use): into a throwaway folder, so that the
   * next real start does not offer the benchmark's plan for recovery. */
  state_dir = g_dir_make_tmp ("titrate-bench-XXXXXX", NULL);
  if (state_dir != NULL)
    g_setenv ("TITRATE_STATE_DIR", state_dir, TRUE);

  gtk_init ();
  adw_init ();
  app = titrate_application_new ("io.github.titrate.BenchEdits", G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, NULL);

  win = titrate_application_new_window (app);
  session = titrate_window_get_session (win);
  doc = make_plan ();
  data = titrate_document_to_data (doc, NULL);
  bytes = g_bytes_new_take (data, strlen (data));
  if (!titrate_session_load_bytes (session, bytes, NULL, &error))
    g_error ("%s", error->message);
  gtk_window_present (GTK_WINDOW (win));
  for (int i = 0; i < 200; i++)
    g_main_context_iteration (NULL, FALSE);

  form = titrate_plan_view_get_patient_form (titrate_window_get_plan_view (win));
  age = titrate_number_row_get_entry (TITRATE_NUMBER_ROW (gtk_widget_get_template_child (GTK_WIDGET (form),
                                                                                         TITRATE_TYPE_PATIENT_FORM,
                                                                                         "age_row")));
  creatinine = titrate_number_row_get_entry (TITRATE_NUMBER_ROW (gtk_widget_get_template_child (GTK_WIDGET (form),
                                                                                                TITRATE_TYPE_PATIENT_FORM,
                                                                                                "creatinine_row")));
  if (g_getenv ("BENCH_HIDE") != NULL)
    hide_children (win, g_getenv ("BENCH_HIDE"));

  clock = gtk_widget_get_frame_clock (GTK_WIDGET (win));
  g_signal_connect (clock, "before-paint", G_CALLBACK (on_before_paint_cb), NULL);
  g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint_cb), NULL);

  for (int i = 0; i < n_edits; i++)
    {
      gint64 t0, cpu0, deadline, value;
      gboolean keystroke;
      gboolean collect;

      /* Keystrokes come ~100 ms apart: start each edit with the main loop
       * and the frame clock idle. */
      g_usleep (20000);
      while (g_main_context_pending (NULL))
        g_main_context_iteration (NULL, FALSE);

      frame_started = frame_done = 0;
      cpu0 = thread_cpu_us ();
      t0 = g_get_monotonic_time ();
      /* Under callgrind (--collect-atstart=no), BENCH_COLLECT=keystroke or
       * commit counts the instructions of those edits only, to their frame. */
      collect = collect_what != NULL && (g_str_equal (collect_what, "keystroke") == (i % 10 <= 2 || i % 10 == 5 || i % 10 == 6));
      if (collect)
        CALLGRIND_TOGGLE_COLLECT;
      keystroke = edit (i, age, creatinine, session);
      n_keys += keystroke;

      /* Under callgrind a frame takes far longer than 200 ms: wait for it
       * (5 s), or the edit would be counted only in part. The 10 ms tick
       * ends an edit with nothing to redraw at its deadline. */
      deadline = t0 + (collect_what != NULL ? 5000000 : 200000);
      {
        guint wake = g_timeout_add (10, wake_cb, NULL);

        while (frame_done == 0 && g_get_monotonic_time () < deadline)
          g_main_context_iteration (NULL, TRUE);
        g_source_remove (wake);
      }
      if (collect)
        CALLGRIND_TOGGLE_COLLECT;
      if (frame_done == 0)
        continue;   /* nothing needed redrawing */

      value = frame_done_cpu - cpu0;
      g_array_append_val (keystroke ? key_work : work, value);
      value = frame_done - t0;
      g_array_append_val (keystroke ? key_latency : latency, value);
    }

  printf ("edits: %d (%u keystrokes, %u commits), plan %d days, %u steps, %u comedications\n",
          n_edits, n_keys, n_edits - n_keys, titrate_session_get_horizon (session),
          titrate_session_get_regimen (session)->steps->len,
          titrate_session_get_comedications (session)->len);
  /* 8 ms: half a 60 Hz frame, the target for p99 work. */
  print_stats ("keystroke (nothing reaches the plan)", key_work, key_latency, 8.0);
  print_stats ("commit (Enter: re-check and redraw)", work, latency, 8.0);

  /* The same number of keystrokes in a bare libadwaita entry, now, in this
   * run: the machine's load weighs on both alike. */
  if (collect_what == NULL)
    {
      g_autoptr(GArray) base_work = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_autoptr(GArray) base_latency = g_array_new (FALSE, FALSE, sizeof (gint64));
      double key_p50 = percentile (key_work, 0.5), key_p99 = percentile (key_work, 0.99);
      double base_p50, base_p99;

      g_signal_handlers_disconnect_by_func (clock, on_before_paint_cb, NULL);
      g_signal_handlers_disconnect_by_func (clock, on_after_paint_cb, NULL);
      gtk_widget_set_visible (GTK_WIDGET (win), FALSE);
      measure_baseline (GTK_APPLICATION (app), (int) n_keys, base_work, base_latency);
      print_stats ("baseline: the same keystrokes in a bare libadwaita entry row", base_work, base_latency, 8.0);
      base_p50 = percentile (base_work, 0.5);
      base_p99 = percentile (base_work, 0.99);
      printf ("keystroke work / baseline (same run): p50 %.2f ×  p99 %.2f ×\n",
              key_p50 / base_p50, key_p99 / base_p99);
    }

  gtk_window_destroy (GTK_WINDOW (win));
  return 0;
}
