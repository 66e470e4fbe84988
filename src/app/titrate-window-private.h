/* titrate-window-private.h
 *
 * Copyright 2026 The Titrate authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window's instance structure and the helpers its files share
 * (titrate-window.c, titrate-window-actions.c).
 */

#pragma once

#include "titrate-rules-source.h"
#include "titrate-window.h"

G_BEGIN_DECLS

typedef void (*Continuation) (TitrateWindow *self,
                              gpointer       data);

typedef struct {
  Continuation   func;
  gpointer       data;
  GDestroyNotify destroy;
} Pending;

struct _TitrateWindow
{
  AdwApplicationWindow  parent_instance;

  GtkLabel             *title_label;
  GtkLabel             *subtitle_label;
  GtkToggleButton      *form_button;
  GtkMenuButton        *examples_button;
  GtkMenuButton        *menu_button;
  AdwSplitButton       *save_button;
  GtkRevealer          *disclaimer_revealer;
  GtkWidget            *review_banner;
  GtkImage             *review_icon;
  GtkLabel             *review_label;
  GtkWindow            *shortcuts_window;     /* NULL until first shown */
  GtkStack             *main_stack;
  AdwToastOverlay      *toast_overlay;
  AdwStatusPage        *blocked_page;   /* made only when needed */

  TitratePlanView      *plan_view;      /* NULL when blocked */
  TitrateSession       *session;        /* NULL until constructed */
  TitrateAutosave      *autosave;       /* with the session, unless blocked */

  /* Construct-only: what the application gives the window */
  GSettings            *settings;       /* (nullable) */
  TitrateRules         *rules;          /* (nullable): NULL means blocked */
  GError               *rules_error;    /* why @rules is NULL */
  char                 *rules_failure;  /* the blocking page's text */
  TitrateRulesSource    rules_source;   /* where @rules was looked for */

  gboolean              close_confirmed;
};

void     _titrate_window_actions_init            (TitrateWindow  *self);
void     _titrate_window_toast                   (TitrateWindow  *self,
                                                  const char     *text);
void     _titrate_window_show_error              (TitrateWindow  *self,
                                                  const char     *heading,
                                                  const char     *body);
gboolean _titrate_window_is_blocked              (TitrateWindow  *self);
gboolean _titrate_window_can_save_final          (TitrateWindow  *self);
void     _titrate_window_update_actions          (TitrateWindow  *self);
TitrateCreatinineUnit
         _titrate_window_default_creatinine_unit (TitrateWindow  *self);
/* Runs @func now, or after the person chose to save or discard changes. */
void     _titrate_window_maybe_discard           (TitrateWindow  *self,
                                                  Continuation    func,
                                                  gpointer        data,
                                                  GDestroyNotify  destroy);

G_END_DECLS
