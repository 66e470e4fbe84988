/* titrate-ui-utils.c
 *
 * Copyright 2026 The Titrate authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Small helpers shared by the views: parsing what a prescriber types and
 * the words, symbols and style classes for severities and phases. Nothing
 * clinical is decided here.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <math.h>
#include <string.h>

#include "titrate-ui-utils.h"

gboolean
titrate_set_str (char       **ptr,
                 const char  *value)
{
  char *copy;

  if (g_strcmp0 (*ptr, value) == 0)
    return FALSE;
  copy = g_strdup (value);
  g_free (*ptr);
  *ptr = copy;
  return TRUE;
}

/* "_Age" → "Age": what a screen reader should say. */
char *
titrate_strip_mnemonic (const char *text)
{
  char *plain = g_strdup (text != NULL ? text : "");
  char *q = plain;

  for (const char *p = plain; *p != '\0'; p++)
    if (*p != '_' || p[1] == '_')
      *q++ = *p;
    else if (p[1] == '\0')
      break;
  *q = '\0';
  return plain;
}

/* Gives @widget exactly @label as its accessible name. An AdwActionRow
 * relates its activatable widget to the row's title and subtitle, and GTK
 * 4.8 reads a label and a labelling relation one after the other ("Age
 * (years) Age"): drop the relations, the label and description say it. */
void
titrate_accessible_name_only (GtkWidget  *widget,
                              const char *label)
{
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_DESCRIBED_BY);
  if (label != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

/* GTK 4.8 names a button with a mnemonic after its raw label and again
 * after the label inside it ("S_uggest Suggest"), and a check button after
 * its raw label ("_Dialysis"): a screen reader spells out the underscore
 * or says the name twice. These name every such button once, after its
 * label without the underscore: when it, or a widget holding it, is first
 * shown (each widget is looked at once), and whenever it is relabelled.
 * A widget named on purpose with titrate_accessible_set_name() keeps its
 * name. */
static GQuark
named_quark (void)
{
  return g_quark_from_static_string ("titrate-accessible-named");
}

static GQuark
watched_quark (void)
{
  return g_quark_from_static_string ("titrate-accessible-mnemonic-watched");
}

static void
name_after_mnemonic_label (GtkWidget *widget)
{
  const char *label = NULL;
  gboolean underline = FALSE;
  g_autofree char *plain = NULL;

  if (g_object_get_qdata (G_OBJECT (widget), named_quark ()) != NULL)
    return;
  if (GTK_IS_BUTTON (widget))
    {
      label = gtk_button_get_label (GTK_BUTTON (widget));
      underline = gtk_button_get_use_underline (GTK_BUTTON (widget));
    }
  else if (GTK_IS_CHECK_BUTTON (widget))
    {
      label = gtk_check_button_get_label (GTK_CHECK_BUTTON (widget));
      underline = gtk_check_button_get_use_underline (GTK_CHECK_BUTTON (widget));
    }
  if (label == NULL || *label == '\0' || !underline)
    return;
  plain = titrate_strip_mnemonic (label);
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, plain, -1);
}

static void
on_mnemonic_label_changed_cb (GtkWidget *widget)
{
  name_after_mnemonic_label (widget);
}

/* A widget, and all of its descendants not seen before, shown or not: a
 * page of a stack that is not shown is still read by AT-SPI. */
static void
name_subtree (GtkWidget *widget)
{
  if (g_object_get_qdata (G_OBJECT (widget), watched_quark ()) != NULL)
    return;
  g_object_set_qdata (G_OBJECT (widget), watched_quark (), GINT_TO_POINTER (TRUE));
  if (GTK_IS_BUTTON (widget) || GTK_IS_CHECK_BUTTON (widget))
    {
      name_after_mnemonic_label (widget);
      g_signal_connect (widget, "notify::label", G_CALLBACK (on_mnemonic_label_changed_cb), NULL);
      g_signal_connect (widget, "notify::use-underline", G_CALLBACK (on_mnemonic_label_changed_cb), NULL);
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    name_subtree (child);
}

static gboolean
on_map_hook_cb (GSignalInvocationHint *hint,
                guint                  n_params,
                const GValue          *params,
                gpointer               user_data)
{
  name_subtree (g_value_get_object (&params[0]));
  return TRUE;
}

/* Once per process, before the first window is shown. */
void
titrate_accessible_install_mnemonic_names (void)
{
  static gsize installed = 0;

  if (g_once_init_enter (&installed))
    {
      guint map_signal;

      /* The signal exists once the class does (kept for the process). */
      g_type_class_ref (GTK_TYPE_WIDGET);
      map_signal = g_signal_lookup ("map", GTK_TYPE_WIDGET);
      g_signal_add_emission_hook (map_signal, 0, on_map_hook_cb, NULL, NULL);
      g_once_init_leave (&installed, 1);
    }
}

/* Gives @widget @name and nothing else (no labelling relation), and keeps
 * it: the mnemonic naming above leaves it alone. */
void
titrate_accessible_set_name (GtkWidget  *widget,
                             const char *name)
{
  g_object_set_qdata (G_OBJECT (widget), named_quark (), GINT_TO_POINTER (TRUE));
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}

/* Names the widgets of @type inside @root (the switch of an expander row,
 * the button of a drop-down or split button), which libadwaita 1.2 and
 * GTK 4.8 leave unnamed. Returns how many were named. */
guint
titrate_accessible_name_inner (GtkWidget  *root,
                               GType       type,
                               const char *label)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        {
          gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
          n++;
        }
      else
        n += titrate_accessible_name_inner (child, type, label);
    }
  return n;
}

/* Names a row (an expander row, or a plain preferences row holding other
 * controls) after its title: libadwaita 1.2 leaves them unnamed. */
void
titrate_accessible_name_from_title (GtkWidget *row)
{
  g_autofree char *title = NULL;
  g_autofree char *name = NULL;

  g_object_get (row, "title", &title, NULL);
  name = titrate_strip_mnemonic (title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}

void
titrate_today (GDate *out)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  g_date_clear (out, 1);
  g_date_set_dmy (out, g_date_time_get_day_of_month (now),
                  g_date_time_get_month (now), g_date_time_get_year (now));
}

char *
titrate_today_iso (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

/* Severities: always icon + word + colour, never colour alone. The words
 * are titrate_severity_label()'s. */

const char *
titrate_severity_icon_name (TitrateSeverity severity)
{
  switch (severity)
    {
    case TITRATE_SEVERITY_CONTRAINDICATED:
      return "action-unavailable-symbolic";
    case TITRATE_SEVERITY_MAJOR:
      return "dialog-error-symbolic";
    case TITRATE_SEVERITY_MODERATE:
      return "dialog-warning-symbolic";
    case TITRATE_SEVERITY_MINOR:
      return "dialog-information-symbolic";
    case TITRATE_SEVERITY_INFO:
    default:
      return "help-about-symbolic";
    }
}

const char *
titrate_severity_css_class (TitrateSeverity severity)
{
  switch (severity)
    {
    case TITRATE_SEVERITY_CONTRAINDICATED:
      return "contraindicated";
    case TITRATE_SEVERITY_MAJOR:
      return "major";
    case TITRATE_SEVERITY_MODERATE:
      return "moderate";
    case TITRATE_SEVERITY_MINOR:
      return "minor";
    case TITRATE_SEVERITY_INFO:
    default:
      return "info";
    }
}

/* Phases: a word (titrate_phase_label()) and a shape as well as a colour. */

const char *
titrate_phase_symbol (TitratePhase phase)
{
  switch (phase)
    {
    case TITRATE_PHASE_START:
      return "◆";
    case TITRATE_PHASE_STEP_UP:
      return "▲";
    case TITRATE_PHASE_MAINTENANCE:
      return "●";
    case TITRATE_PHASE_TAPER:
      return "▼";
    case TITRATE_PHASE_STOPPED:
      return "✕";
    case TITRATE_PHASE_SCREENING:
      return "◇";
    case TITRATE_PHASE_NONE:
    default:
      return "";
    }
}

const char *
titrate_phase_css_class (TitratePhase phase)
{
  switch (phase)
    {
    case TITRATE_PHASE_START:
      return "start";
    case TITRATE_PHASE_STEP_UP:
      return "step-up";
    case TITRATE_PHASE_MAINTENANCE:
      return "maintenance";
    case TITRATE_PHASE_TAPER:
      return "taper";
    case TITRATE_PHASE_STOPPED:
      return "stopped";
    case TITRATE_PHASE_SCREENING:
      return "screening";
    case TITRATE_PHASE_NONE:
    default:
      return "no-plan";
    }
}

/* Text for display in a wrapping label: a line never breaks between a
 * number and its unit ("80 mg" keeps a no-break space, U+00A0) nor inside
 * a compound unit ("mg/day", "mL/min", "mcg/jour": a word joiner, U+2060,
 * after the slash, where Unicode line breaking would allow a break). The
 * text is otherwise unchanged (free with g_free()). Saved and exported
 * text keeps plain spaces; text selected and copied from the screen keeps
 * the no-break space and the (invisible) word joiner. */
/* Whether the word that ends just before @p is a unit. */
static gboolean
after_unit (const char *text,
            const char *p)
{
  static const char * const units[] = { "mg", "mcg", "mL", "kg", "µmol", "mmol", "L", "g", NULL };
  const char *start = p;

  while (start > text && (g_ascii_isalpha (start[-1]) || (guchar) start[-1] >= 0x80))
    start--;
  for (guint i = 0; units[i] != NULL; i++)
    if ((gsize) (p - start) == strlen (units[i]) && strncmp (start, units[i], p - start) == 0)
      return TRUE;
  return FALSE;
}

static char *
keep_units_together (const char *text,
                     gboolean    narrow)
{
  static const char * const units[] = { "mg", "mcg", "mL", "kg", "cm", "µmol", "mmol", "h", "%", NULL };
  GString *out;

  if (text == NULL)
    return NULL;
  out = g_string_sized_new (strlen (text) + 16);
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == ' ' && p > text && g_ascii_isdigit (p[-1]))
        {
          gboolean unit = FALSE;

          for (guint i = 0; units[i] != NULL && !unit; i++)
            {
              size_t n = strlen (units[i]);

              /* the unit as a whole word: "mg" in "mg/day", not "mgx" */
              unit = strncmp (p + 1, units[i], n) == 0 && !g_ascii_isalpha (p[1 + n]);
            }
          g_string_append (out, unit ? "\u00a0" : " ");
          continue;
        }
      /* A slash after a unit (a compound unit: mg/day, mL/min, mg/kg)
       * does not end a line; in a narrow place the line may end before it
       * ("400 mcg" then "/day"), never after it. Other slashes ("and/or",
       * two medicine names) break as usual. */
      if (*p == '/' && g_ascii_isalpha (p[1]) && after_unit (text, p))
        {
          g_string_append (out, narrow ? "\u200b/\u2060" : "/\u2060");
          continue;
        }
      g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

char *
titrate_keep_units_together (const char *text)
{
  return keep_units_together (text, FALSE);
}

/* The same, for a narrow place (a calendar day): a compound unit may wrap
 * before its slash. */
char *
titrate_keep_units_together_narrow (const char *text)
{
  return keep_units_together (text, TRUE);
}
