/* titrate-alert-list.c
 *
 * Copyright 2026 The Titrate authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The always-visible alert panel: a headline set by the most severe alert,
 * counts per severity, and the alerts grouped by severity, most severe
 * first. It shows "no alerts" only for a plan that was really checked;
 * when checking is impossible it says so instead.
 *
 * Alerts below the minimum severity shown inline (a preference) are folded
 * away, never dropped: they stay in the counts, and a last row says how
 * many there are and shows them. Contraindicated and major alerts are
 * always shown.
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "titrate-alert-list.h"
#include "titrate-ui-utils.h"

struct _TitrateAlertList
{
  GtkBox          parent_instance;

  GtkWidget      *summary_box;
  GtkImage       *summary_icon;
  GtkLabel       *summary_label;
  GtkLabel       *summary_detail;
  GtkFlowBox     *counts_box;
  GtkLabel       *final_label;
  GtkLabel       *invalid_label;
  GtkStack       *stack;
  GtkListBox     *list;
  AdwStatusPage  *empty_page;     /* (nullable): made when first shown */
  AdwStatusPage  *error_page;     /* (nullable): made when first shown */
  GtkListBoxRow  *more_row;
  GtkLabel       *more_label;
  GtkImage       *more_icon;

  TitrateSession *session;
  GHashTable     *expanded;       /* alert codes whose rows are open */
  GHashTable     *rows;           /* alert code → (unowned) TitrateAlertRow */
  GPtrArray      *spare;          /* (unowned) hidden rows, reused first */
  char           *order;          /* codes and group counts, as last sorted */
  GtkLabel       *count_labels[TITRATE_N_SEVERITIES];
  GtkWidget      *count_chips[TITRATE_N_SEVERITIES];
  const char     *summary_class;
  guint           n_invalid;
  TitrateSeverity min_severity;
  gboolean        show_folded;
  guint           n_folded;
};

G_DEFINE_FINAL_TYPE (TitrateAlertList, titrate_alert_list, GTK_TYPE_BOX)

enum {
  PROP_0,
  PROP_MIN_INLINE_SEVERITY,
  PROP_SHOW_FOLDED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The "show more" row sorts after every alert, hidden spare rows last. */
#define MORE_ROW_POSITION (G_MAXUINT - 1)

/* Helpers */

static void
on_row_expanded_cb (TitrateAlertList *self,
                    GParamSpec       *pspec,
                    TitrateAlertRow  *row);

/* Rows follow the session's alert model. A row belongs to one alert code
 * and is kept while that code is found, so a keystroke that rewords an
 * alert relays out that row only; rows are ordered by the model. */
static void
sync_rows (TitrateAlertList *self)
{
  GListModel *model = titrate_session_get_alerts (self->session);
  guint n = g_list_model_get_n_items (model);
  g_autoptr(GHashTable) wanted = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GString) order = g_string_new (NULL);
  GHashTableIter iter;
  gpointer key, value;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TitrateAlertItem) item = g_list_model_get_item (model, i);
      const char *code = titrate_alert_item_get_code (item);
      TitrateAlertRow *row = g_hash_table_lookup (self->rows, code);

      g_hash_table_add (wanted, (gpointer) code);
      g_string_append_printf (order, "%s:%u;", code, titrate_session_count_severity (self->session,
                                                                               titrate_alert_item_get_severity (item)));
      if (row == NULL && self->spare->len > 0)
        {
          /* A row hidden earlier takes the new alert: no new widgets. */
          row = g_ptr_array_steal_index_fast (self->spare, self->spare->len - 1);
          g_signal_handlers_block_by_func (row, on_row_expanded_cb, self);
          titrate_alert_row_set_item (row, item);
          titrate_alert_row_set_expanded (row, g_hash_table_contains (self->expanded, code));
          g_signal_handlers_unblock_by_func (row, on_row_expanded_cb, self);
          gtk_widget_set_visible (GTK_WIDGET (row), TRUE);
          g_hash_table_insert (self->rows, g_strdup (code), row);
        }
      else if (row == NULL)
        {
          row = TITRATE_ALERT_ROW (titrate_alert_row_new (item));
          g_signal_connect_object (row, "notify::expanded", G_CALLBACK (on_row_expanded_cb),
                                   self, G_CONNECT_SWAPPED);
          g_hash_table_insert (self->rows, g_strdup (code), row);
          gtk_list_box_append (self->list, GTK_WIDGET (row));
          if (g_hash_table_contains (self->expanded, code))
            titrate_alert_row_set_expanded (row, TRUE);
        }
      else
        titrate_alert_row_set_item (row, item);
      g_object_set_data (G_OBJECT (row), "position", GUINT_TO_POINTER (i));
    }

  g_hash_table_iter_init (&iter, self->rows);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (!g_hash_table_contains (wanted, key))
      {
        /* Kept hidden for the next alert that appears. */
        gtk_widget_set_visible (GTK_WIDGET (value), FALSE);
        g_object_set_data (G_OBJECT (value), "position", GUINT_TO_POINTER (G_MAXUINT));
        g_ptr_array_add (self->spare, value);
        g_hash_table_iter_remove (&iter);
      }

  /* Reordering restyles every row: only when the order (or a group's
   * count) really changed. */
  if (g_strcmp0 (order->str, self->order) != 0)
    {
      g_free (self->order);
      self->order = g_string_free (g_steal_pointer (&order), FALSE);
      gtk_list_box_invalidate_sort (self->list);
      gtk_list_box_invalidate_headers (self->list);
    }
}

static int
compare_rows (GtkListBoxRow *a,
              GtkListBoxRow *b,
              gpointer       user_data)
{
  guint pa = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (a), "position"));
  guint pb = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (b), "position"));

  return pa < pb ? -1 : pa > pb;
}

static void
update_header (GtkListBoxRow *row,
               GtkListBoxRow *before,
               gpointer       user_data)
{
  TitrateAlertList *self = user_data;
  TitrateAlertItem *item;
  TitrateSeverity severity;
  GtkWidget *header, *icon, *label;
  g_autofree char *text = NULL;
  guint count;

  if (!TITRATE_IS_ALERT_ROW (row))
    {
      gtk_list_box_row_set_header (row, NULL);
      return;
    }
  if (before != NULL && !TITRATE_IS_ALERT_ROW (before))
    before = NULL;
  item = titrate_alert_row_get_item (TITRATE_ALERT_ROW (row));
  severity = titrate_alert_item_get_severity (item);

  if (before != NULL &&
      titrate_alert_item_get_severity (titrate_alert_row_get_item (TITRATE_ALERT_ROW (before))) == severity)
    {
      gtk_list_box_row_set_header (row, NULL);
      return;
    }

  /* Reuse the heading when it already says the same. */
  count = titrate_session_count_severity (self->session, severity);
  header = gtk_list_box_row_get_header (row);
  if (header != NULL &&
      GPOINTER_TO_INT (g_object_get_data (G_OBJECT (header), "severity")) == (int) severity + 1 &&
      GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (header), "count")) == count)
    return;

  header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_add_css_class (header, "severity-header");
  gtk_widget_add_css_class (header, titrate_severity_css_class (severity));
  icon = gtk_image_new_from_icon_name (titrate_severity_icon_name (severity));
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  titrate_severity_label (severity), -1);
  /* Translators: group heading, e.g. "Major · 3" */
  text = g_strdup_printf (_("%s · %u"), titrate_severity_label (severity), count);
  g_object_set_data (G_OBJECT (header), "severity", GINT_TO_POINTER ((int) severity + 1));
  g_object_set_data (G_OBJECT (header), "count", GUINT_TO_POINTER (count));
  label = gtk_label_new (text);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_box_append (GTK_BOX (header), icon);
  gtk_box_append (GTK_BOX (header), label);
  gtk_list_box_row_set_header (row, header);
}

/* Folds the alerts below the minimum severity into the last row, which
 * says how many there are, of which severities, and opens them. */
static void
apply_folding (TitrateAlertList *self)
{
  guint counts[TITRATE_N_SEVERITIES] = { 0 };
  GHashTableIter iter;
  gpointer value;
  guint n_folded = 0;
  g_autoptr(GString) which = g_string_new (NULL);
  g_autofree char *text = NULL;

  g_hash_table_iter_init (&iter, self->rows);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      TitrateSeverity severity = titrate_alert_item_get_severity (titrate_alert_row_get_item (value));
      gboolean folded = severity < self->min_severity;

      if (folded)
        {
          counts[severity]++;
          n_folded++;
        }
      gtk_widget_set_visible (GTK_WIDGET (value), !folded || self->show_folded);
    }

  self->n_folded = n_folded;
  gtk_widget_set_visible (GTK_WIDGET (self->more_row), n_folded > 0);
  if (n_folded == 0)
    return;

  for (int s = TITRATE_N_SEVERITIES - 1; s >= 0; s--)
    if (counts[s] > 0)
      {
        if (which->len > 0)
          g_string_append (which, ", ");
        g_string_append_printf (which, "%u %s", counts[s], titrate_severity_to_label ((TitrateSeverity) s));
      }
  if (self->show_folded)
    /* Translators: the last row of the alert list when lower-severity
     * alerts are shown; %s is e.g. "2 minor, 1 info" */
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "Hide %u alert below the chosen severity (%s)",
                                         "Hide %u alerts below the chosen severity (%s)",
                                         n_folded),
                            n_folded, which->str);
  else
    /* Translators: the last row of the alert list; %s is e.g. "2 minor, 1 info" */
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "Show %u more alert (%s)",
                                         "Show %u more alerts (%s)",
                                         n_folded),
                            n_folded, which->str);
  if (g_strcmp0 (gtk_label_get_text (self->more_label), text) != 0)
    {
      gtk_label_set_text (self->more_label, text);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->more_row),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, text,
                                      -1);
    }
  gtk_image_set_from_icon_name (self->more_icon, self->show_folded ? "pan-down-symbolic" : "pan-end-symbolic");
  gtk_accessible_update_state (GTK_ACCESSIBLE (self->more_row),
                               GTK_ACCESSIBLE_STATE_EXPANDED, self->show_folded,
                               -1);
}

/* The "empty" or "error" page of the stack. They are made the first time
 * one is shown: most plans have alerts, and a page not shown would cost
 * as much to build and style as one shown. */
static AdwStatusPage *
ensure_status_page (TitrateAlertList *self,
                    const char       *name)
{
  gboolean empty = g_str_equal (name, "empty");
  AdwStatusPage **page = empty ? &self->empty_page : &self->error_page;

  if (*page != NULL)
    return *page;

  *page = ADW_STATUS_PAGE (adw_status_page_new ());
  gtk_widget_add_css_class (GTK_WIDGET (*page), "compact");
  if (empty)
    {
      adw_status_page_set_icon_name (*page, "emblem-ok-symbolic");
      adw_status_page_set_title (*page, _("No Alerts Found"));
    }
  else
    {
      adw_status_page_set_icon_name (*page, "dialog-error-symbolic");
      adw_status_page_set_title (*page, _("Not Checked"));
      gtk_widget_add_css_class (GTK_WIDGET (*page), "check-error");
    }
  gtk_stack_add_named (self->stack, GTK_WIDGET (*page), name);
  return *page;
}

static void
update_final_status (TitrateAlertList *self)
{
  guint unacknowledged = titrate_session_count_unacknowledged (self->session);
  guint serious = titrate_session_count_severity (self->session, TITRATE_SEVERITY_CONTRAINDICATED) +
                  titrate_session_count_severity (self->session, TITRATE_SEVERITY_MAJOR);
  g_autofree char *text = NULL;
  gboolean ready = FALSE;

  /* One short line: it changes as alerts come and go while typing. */
  if (!titrate_session_get_checked (self->session))
    text = g_strdup (_("Cannot be saved as final: not checked"));
  else if (titrate_session_get_regimen (self->session)->steps->len == 0)
    text = g_strdup (_("Not ready to save as final: no doses planned"));
  else if (unacknowledged > 0)
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "To save as final: acknowledge %u alert",
                                         "To save as final: acknowledge %u alerts",
                                         unacknowledged),
                            unacknowledged);
  else if (self->n_invalid > 0)
    text = g_strdup (_("To save as final: correct the fields in red"));
  else if (serious > 0)
    {
      text = g_strdup (_("Ready to save as final: all acknowledged"));
      ready = TRUE;
    }
  else
    {
      text = g_strdup (_("Ready to save as final"));
      ready = TRUE;
    }

  gtk_label_set_text (self->final_label, text);
  if (ready)
    gtk_widget_add_css_class (GTK_WIDGET (self->final_label), "ready");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->final_label), "ready");
}

/* "3 major", with the language's plural forms (never "(s)"). */
static char *
count_text (TitrateSeverity severity,
            guint           n)
{
  switch (severity)
    {
    case TITRATE_SEVERITY_CONTRAINDICATED:
      /* Translators: count chip in the alert summary */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u contraindication", "%u contraindications", n), n);
    case TITRATE_SEVERITY_MAJOR:
      /* Translators: count chip in the alert summary */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u major", "%u major", n), n);
    case TITRATE_SEVERITY_MODERATE:
      /* Translators: count chip in the alert summary */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u moderate", "%u moderate", n), n);
    case TITRATE_SEVERITY_MINOR:
      /* Translators: count chip in the alert summary */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u minor", "%u minor", n), n);
    case TITRATE_SEVERITY_INFO:
    default:
      /* Translators: count chip in the alert summary */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u for information", "%u for information", n), n);
    }
}

static void
update_summary (TitrateAlertList *self)
{
  const GError *error = titrate_session_get_check_error (self->session);
  guint counts[TITRATE_N_SEVERITIES] = { 0 };
  guint total = 0;
  int worst = -1;
  g_autofree char *text = NULL;
  const char *detail;
  const char *summary_class;
  const char *icon;

  for (int s = 0; s < TITRATE_N_SEVERITIES; s++)
    {
      counts[s] = titrate_session_count_severity (self->session, (TitrateSeverity) s);
      total += counts[s];
      if (counts[s] > 0)
        worst = s;
    }

  for (int s = 0; s < TITRATE_N_SEVERITIES; s++)
    {
      g_autofree char *chip = count_text ((TitrateSeverity) s, counts[s]);

      gtk_label_set_text (self->count_labels[s], chip);
      gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_widget_get_parent (self->count_chips[s])),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, chip,
                                      -1);
      if (counts[s] == 0)
        gtk_widget_add_css_class (self->count_chips[s], "zero");
      else
        gtk_widget_remove_css_class (self->count_chips[s], "zero");
      /* Zero counts stay out of the way, except "0 contraindicated". */
      gtk_widget_set_visible (gtk_widget_get_parent (self->count_chips[s]),
                              counts[s] > 0 || s == TITRATE_SEVERITY_CONTRAINDICATED);
    }

  if (error != NULL || !titrate_session_get_checked (self->session))
    {
      text = g_strdup (_("Not checked"));
      detail = _("No alert can be shown");
      summary_class = "not-checked";
      icon = "dialog-error-symbolic";
      adw_status_page_set_description (ensure_status_page (self, "error"),
                                       error != NULL ? error->message : _("The rules database is unavailable."));
      gtk_stack_set_visible_child_name (self->stack, "error");
    }
  else
    {
      TitrateRules *rules = titrate_session_get_rules (self->session);
      g_autofree char *description = NULL;

      guint unacknowledged = titrate_session_count_unacknowledged (self->session);

      if (worst < 0)
        {
          text = g_strdup (_("No alerts"));
          detail = _("for this plan, as entered");
          summary_class = "none";
          icon = "emblem-ok-symbolic";
        }
      else if (unacknowledged == 0 &&
               counts[TITRATE_SEVERITY_CONTRAINDICATED] + counts[TITRATE_SEVERITY_MAJOR] > 0)
        {
          guint acknowledged = counts[TITRATE_SEVERITY_CONTRAINDICATED] + counts[TITRATE_SEVERITY_MAJOR];

          /* Everything that needed a reason has one: stop shouting. */
          text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u acknowledged", "%u acknowledged",
                                               acknowledged), acknowledged);
          detail = titrate_session_get_regimen (self->session)->steps->len > 0
                   ? _("Ready to save as final") : _("No doses planned yet");
          summary_class = "acknowledged";
          icon = "emblem-ok-symbolic";
        }
      else
        {
          TitrateSeverity s = (TitrateSeverity) worst;

          summary_class = titrate_severity_css_class (s);
          icon = titrate_severity_icon_name (s);
          switch (s)
            {
            case TITRATE_SEVERITY_CONTRAINDICATED:
              text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u contraindication",
                                                   "%u contraindications", counts[s]), counts[s]);
              detail = _("Do not prescribe as planned without review");
              break;
            case TITRATE_SEVERITY_MAJOR:
              text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u major alert",
                                                   "%u major alerts", counts[s]), counts[s]);
              detail = _("Review before prescribing");
              break;
            case TITRATE_SEVERITY_MODERATE:
              text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u moderate alert",
                                                   "%u moderate alerts", counts[s]), counts[s]);
              detail = _("Review the plan");
              break;
            case TITRATE_SEVERITY_MINOR:
            case TITRATE_SEVERITY_INFO:
            default:
              text = g_strdup (_("Minor alerts only"));
              detail = _("Or information to note");
              break;
            }
        }

      /* Translators: "Checked against Titrate baclofen rules 2026.11.1 (2026-11-21)." */
      description = g_strdup_printf (_("Checked against %s %s (%s). Decision support only: "
                                       "the prescriber decides."),
                                     titrate_rules_get_title (rules),
                                     titrate_rules_get_content_version (rules),
                                     titrate_rules_get_content_date (rules));
      if (total == 0)
        adw_status_page_set_description (ensure_status_page (self, "empty"), description);
      gtk_stack_set_visible_child_name (self->stack, total > 0 ? "list" : "empty");
    }

  if (g_strcmp0 (gtk_label_get_text (self->summary_label), text) != 0)
    gtk_label_set_text (self->summary_label, text);
  if (g_strcmp0 (gtk_label_get_text (self->summary_detail), detail) != 0)
    gtk_label_set_text (self->summary_detail, detail);
  gtk_image_set_from_icon_name (self->summary_icon, icon);
  if (summary_class != self->summary_class)
    {
      if (self->summary_class != NULL)
        gtk_widget_remove_css_class (self->summary_box, self->summary_class);
      gtk_widget_add_css_class (self->summary_box, summary_class);
      self->summary_class = summary_class;
    }
  update_final_status (self);
}

static void
build_count_chips (TitrateAlertList *self)
{
  for (int s = TITRATE_N_SEVERITIES - 1; s >= 0; s--)
    {
      GtkWidget *chip = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
      GtkWidget *icon = gtk_image_new_from_icon_name (titrate_severity_icon_name ((TitrateSeverity) s));
      GtkWidget *label = gtk_label_new (NULL);

      gtk_widget_add_css_class (chip, "count-chip");
      gtk_widget_add_css_class (chip, titrate_severity_css_class ((TitrateSeverity) s));
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      titrate_severity_label ((TitrateSeverity) s), -1);
      gtk_box_append (GTK_BOX (chip), icon);
      gtk_box_append (GTK_BOX (chip), label);
      gtk_flow_box_append (self->counts_box, chip);
      gtk_widget_set_focusable (gtk_widget_get_parent (chip), FALSE);
      self->count_labels[s] = GTK_LABEL (label);
      self->count_chips[s] = chip;
    }
}

/* Callbacks */

static void
on_row_expanded_cb (TitrateAlertList *self,
                    GParamSpec       *pspec,
                    TitrateAlertRow  *row)
{
  const char *code = titrate_alert_item_get_code (titrate_alert_row_get_item (row));

  if (titrate_alert_row_get_expanded (row))
    g_hash_table_add (self->expanded, g_strdup (code));
  else
    g_hash_table_remove (self->expanded, code);
}

static void
on_row_activated_cb (TitrateAlertList *self,
                     GtkListBoxRow    *row)
{
  TitrateAlertRow *alert_row;

  if (row == self->more_row)
    {
      titrate_alert_list_set_show_folded (self, !self->show_folded);
      return;
    }
  alert_row = TITRATE_ALERT_ROW (row);
  titrate_alert_row_set_expanded (alert_row, !titrate_alert_row_get_expanded (alert_row));
}

static void
on_session_changed_cb (TitrateAlertList *self,
                       guint             flags)
{
  if (flags & TITRATE_SESSION_CHANGE_DOCUMENT)
    g_hash_table_remove_all (self->expanded);
  if (flags & (TITRATE_SESSION_CHANGE_ALERTS | TITRATE_SESSION_CHANGE_DOCUMENT))
    {
      sync_rows (self);
      apply_folding (self);
      update_summary (self);
    }
}

/* GObject */

static void
titrate_alert_list_dispose (GObject *object)
{
  TitrateAlertList *self = TITRATE_ALERT_LIST (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), TITRATE_TYPE_ALERT_LIST);
  g_clear_object (&self->session);
  g_clear_pointer (&self->expanded, g_hash_table_unref);
  g_clear_pointer (&self->rows, g_hash_table_unref);
  g_clear_pointer (&self->spare, g_ptr_array_unref);
  g_clear_pointer (&self->order, g_free);

  G_OBJECT_CLASS (titrate_alert_list_parent_class)->dispose (object);
}

static void
titrate_alert_list_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  TitrateAlertList *self = TITRATE_ALERT_LIST (object);

  switch (prop_id)
    {
    case PROP_MIN_INLINE_SEVERITY:
      g_value_set_int (value, (int) self->min_severity);
      break;

    case PROP_SHOW_FOLDED:
      g_value_set_boolean (value, self->show_folded);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
titrate_alert_list_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  TitrateAlertList *self = TITRATE_ALERT_LIST (object);

  switch (prop_id)
    {
    case PROP_MIN_INLINE_SEVERITY:
      titrate_alert_list_set_min_severity (self, (TitrateSeverity) g_value_get_int (value));
      break;

    case PROP_SHOW_FOLDED:
      titrate_alert_list_set_show_folded (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
titrate_alert_list_class_init (TitrateAlertListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = titrate_alert_list_dispose;
  object_class->get_property = titrate_alert_list_get_property;
  object_class->set_property = titrate_alert_list_set_property;

  /**
   * TitrateAlertList:min-inline-severity:
   *
   * The least severe alerts listed inline (a #TitrateSeverity); less
   * severe ones are counted and folded under the last row. Never above
   * %TITRATE_SEVERITY_MAJOR: contraindicated and major alerts always show.
   */
  properties[PROP_MIN_INLINE_SEVERITY] =
    g_param_spec_int ("min-inline-severity", NULL, NULL,
                      TITRATE_SEVERITY_INFO, TITRATE_SEVERITY_CONTRAINDICATED, TITRATE_SEVERITY_INFO,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHOW_FOLDED] =
    g_param_spec_boolean ("show-folded", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (TITRATE_TYPE_ALERT_ROW);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/titrate/Titrate/ui/titrate-alert-list.ui");
  gtk_widget_class_bind_template_child (widget_class, TitrateAlertList, summary_box);
  gtk_widget_class_bind_template_child (widget_class, TitrateAlertList, summary_icon);
  gtk_widget_class_bind_template_child (widget_class, TitrateAlertList, summary_label);
  gtk_widget_class_bind_template_child (widget_class, TitrateAlertList, summary_detail);
  gtk_widget_class_bind_template_child (widget_class, TitrateAlertList, counts_box);
  gtk_widget_class_bind_template_child (widget_class, TitrateAlertList, final_label);
  gtk_widget_class_bind_template_child (widget_class, TitrateAlertList, invalid_label);
  gtk_widget_class_bind_template_child (widget_class, TitrateAlertList, stack);
  gtk_widget_class_bind_template_child (widget_class, TitrateAlertList, list);
  gtk_widget_class_bind_template_child (widget_class, TitrateAlertList, more_row);
  gtk_widget_class_bind_template_child (widget_class, TitrateAlertList, more_label);
  gtk_widget_class_bind_template_child (widget_class, TitrateAlertList, more_icon);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated_cb);
}

static void
titrate_alert_list_init (TitrateAlertList *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->expanded = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->spare = g_ptr_array_new ();
  self->min_severity = TITRATE_SEVERITY_INFO;
  g_object_set_data (G_OBJECT (self->more_row), "position", GUINT_TO_POINTER (MORE_ROW_POSITION));
  build_count_chips (self);
}

/* Public API */

void
titrate_alert_list_set_session (TitrateAlertList *self,
                                TitrateSession   *session)
{
  g_return_if_fail (TITRATE_IS_ALERT_LIST (self));
  g_return_if_fail (TITRATE_IS_SESSION (session));
  g_return_if_fail (self->session == NULL);

  self->session = g_object_ref (session);
  gtk_list_box_set_header_func (self->list, update_header, self, NULL);
  gtk_list_box_set_sort_func (self->list, compare_rows, NULL, NULL);
  sync_rows (self);
  apply_folding (self);
  g_signal_connect_object (session, "changed", G_CALLBACK (on_session_changed_cb),
                           self, G_CONNECT_SWAPPED);
  update_summary (self);
}

/* Says which typed values did not reach the model, so the alerts are
 * read as what they are: the check of the last valid values. */
void
titrate_alert_list_set_invalid_fields (TitrateAlertList *self,
                                       GPtrArray        *names)
{
  g_return_if_fail (TITRATE_IS_ALERT_LIST (self));

  self->n_invalid = names != NULL ? names->len : 0;
  if (self->n_invalid > 0)
    {
      g_autofree char *list = NULL;
      g_autofree char *text = NULL;

      g_ptr_array_add (names, NULL);
      list = g_strjoinv (", ", (char **) names->pdata);
      g_ptr_array_remove_index (names, names->len - 1);
      /* Translators: %s lists fields, e.g. "Age, Weight" */
      text = g_strdup_printf (_("⚠ Not valid as typed: %s. The alerts are for the last valid values."), list);
      gtk_label_set_text (self->invalid_label, text);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->invalid_label), self->n_invalid > 0);
  if (self->session != NULL)
    update_final_status (self);
}

/* (nullable) (transfer none) */
TitrateAlertRow *
titrate_alert_list_get_row (TitrateAlertList *self,
                            guint             index)
{
  GtkListBoxRow *row;

  g_return_val_if_fail (TITRATE_IS_ALERT_LIST (self), NULL);

  /* Hidden spare rows sort last and are not alerts; nor is the row that
   * shows folded alerts. Folded alerts, hidden, end the list too. */
  row = gtk_list_box_get_row_at_index (self->list, (int) index);
  if (row == NULL || !gtk_widget_get_visible (GTK_WIDGET (row)) || !TITRATE_IS_ALERT_ROW (row))
    return NULL;
  return TITRATE_ALERT_ROW (row);
}

const char *
titrate_alert_list_get_summary (TitrateAlertList *self)
{
  g_return_val_if_fail (TITRATE_IS_ALERT_LIST (self), NULL);

  return gtk_label_get_text (self->summary_label);
}

/* "list", "empty" or "error" */
const char *
titrate_alert_list_get_visible_page (TitrateAlertList *self)
{
  g_return_val_if_fail (TITRATE_IS_ALERT_LIST (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

TitrateSeverity
titrate_alert_list_get_min_severity (TitrateAlertList *self)
{
  g_return_val_if_fail (TITRATE_IS_ALERT_LIST (self), TITRATE_SEVERITY_INFO);

  return self->min_severity;
}

/* Alerts below @severity are folded; contraindicated and major alerts are
 * always shown, so @severity is capped at major. */
void
titrate_alert_list_set_min_severity (TitrateAlertList *self,
                                     TitrateSeverity   severity)
{
  g_return_if_fail (TITRATE_IS_ALERT_LIST (self));

  severity = MIN (severity, TITRATE_SEVERITY_MAJOR);
  if (severity == self->min_severity)
    return;
  self->min_severity = severity;
  if (self->session != NULL)
    apply_folding (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MIN_INLINE_SEVERITY]);
}

/* How many alerts are below the minimum severity (shown or not). */
guint
titrate_alert_list_get_n_folded (TitrateAlertList *self)
{
  g_return_val_if_fail (TITRATE_IS_ALERT_LIST (self), 0);

  return self->n_folded;
}

gboolean
titrate_alert_list_get_show_folded (TitrateAlertList *self)
{
  g_return_val_if_fail (TITRATE_IS_ALERT_LIST (self), FALSE);

  return self->show_folded;
}

void
titrate_alert_list_set_show_folded (TitrateAlertList *self,
                                    gboolean          show)
{
  g_return_if_fail (TITRATE_IS_ALERT_LIST (self));

  show = !!show;
  if (show == self->show_folded)
    return;
  self->show_folded = show;
  if (self->session != NULL)
    apply_folding (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_FOLDED]);
}
