/* titrate-day-cell.c
 *
 * Copyright 2026 The Titrate authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One day of the titration calendar: the date, the daily total with its
 * unit, each administration's dose and the phase, shown by a shape and a
 * word as well as by colour. Screen readers get the same as one sentence.
 *
 * A month has 42 of these, so each is one widget that lays out and draws
 * its own text (a GtkButton with no child): no labels, boxes or CSS nodes
 * inside. It lays its texts out as the labels it replaces did, in a column:
 *
 *   [day number (today: a pill)      ] [⚠] [phase shape]
 *   daily total with its unit          (wraps)
 *   doses                              (wraps)
 *   phase word, or "above max" badge   (wraps)
 *   pump note (intrathecal pumps)      (wraps)
 *
 * and measures itself height-for-width, so nothing is cut off at any width.
 * Sizes, weights and colours are those the stylesheet gave the labels: the
 * cell's own font (a button's), scaled per line, and the theme's named
 * colours (light, dark and high contrast alike).
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "titrate-day-cell.h"
#include "titrate-ui-utils.h"

typedef enum {
  TEXT_NUMBER,
  TEXT_ALERT,
  TEXT_CUE,
  /* The lines under the top row, each as wide as the cell. */
  TEXT_TOTAL,
  TEXT_DOSES,
  TEXT_PHASE,
  TEXT_NOTE,
  N_TEXTS
} TextId;

#define FIRST_LINE   TEXT_TOTAL
#define ROW_SPACING  4      /* between the day number, the alert mark and the shape */
#define LINE_SPACING 1      /* between the top row and each line */
#define TODAY_PAD    6      /* the today pill's padding, left and right */
#define OVER_PAD     3      /* the "above max" badge's padding, left and right */

typedef struct
{
  char        *text;        /* NULL when not shown */
  PangoLayout *layout;      /* made when first measured or drawn */
  gboolean     attrs_dirty;

  /* Measured, in pixels; -1 when not yet. */
  int          min_width;   /* wrapped as narrow as it goes */
  int          nat_width;   /* on one line */
  int          min_height;  /* on one line */
  int          nat_height;  /* wrapped as narrow as it goes */
  int          for_width;   /* the width height is for */
  int          height;

  /* Allocated: the line's box (padding included). */
  int          x, y, width, h;
} Text;

struct _TitrateDayCell
{
  GtkButton               parent_instance;

  Text                    texts[N_TEXTS];
  guint                   context_serial;
  char                   *font_key;
  gboolean                today;
  gboolean                over;
  gboolean                unmeasurable;
  TitrateDayCellNoteStyle note_style;

  GDate                   date;
  const char             *phase_class;
  char                   *accessible_label;
  char                   *phase_text;
  const char             *phase_word;

  /* What the cell shows, to skip updates that change nothing. */
  gboolean                shown;
  gboolean                shown_other_month;
  gboolean                shown_today;
  gboolean                shown_has_day;
  TitrateDay              shown_day;
  TitrateRoute            shown_route;
  double                  shown_max;
  guint                   shown_alerts;
};

G_DEFINE_FINAL_TYPE (TitrateDayCell, titrate_day_cell, GTK_TYPE_BUTTON)

/* Helpers */

/* Sizes measured for a text, shared by every cell: a month repeats its
 * totals, doses and phase words, and each is measured once. The key holds
 * all that sets them: the cells' font and Pango settings, the text's
 * style and the text. */
typedef struct
{
  int min_width;
  int nat_width;
  int min_height;
  int nat_height;
} Sizes;

static GHashTable *measured;   /* char * → Sizes * */
#define MAX_MEASURED 2048

/* Cells are updated for every keystroke that changes the plan: look each
 * translation up once (the strings are marked for xgettext as usual), and
 * again when the language changes (tests switch it in one process). */
static const char *translations[16];
static char *translated_for;
#define TR(i, msgid) (translations[i] != NULL ? translations[i] : (translations[i] = _(msgid)))

static void
check_translations (void)
{
  const char *language = g_get_language_names ()[0];

  if (g_strcmp0 (language, translated_for) == 0)
    return;
  memset (translations, 0, sizeof translations);
  g_free (translated_for);
  translated_for = g_strdup (language);
}

static gboolean
is_line (TextId id)
{
  return id >= FIRST_LINE;
}

static gboolean
is_shown (TitrateDayCell *self,
          TextId          id)
{
  return self->texts[id].text != NULL;
}

static void
forget_sizes (Text *t)
{
  t->min_width = t->nat_width = t->min_height = t->nat_height = -1;
  t->for_width = -1;
  t->height = -1;
}

/* The padding (each side) the stylesheet gave this text's label. */
static int
text_padding (TitrateDayCell *self,
              TextId          id)
{
  if (id == TEXT_NUMBER && self->today)
    return TODAY_PAD;
  if (id == TEXT_PHASE && self->over)
    return OVER_PAD;
  return 0;
}

/* Sets a text (NULL or "" hides it). TRUE when it changed, and with it
 * the cell's size. */
static gboolean
set_text (TitrateDayCell *self,
          TextId          id,
          const char     *text)
{
  Text *t = &self->texts[id];

  if (text != NULL && *text == '\0')
    text = NULL;
  if (g_strcmp0 (t->text, text) == 0)
    return FALSE;
  g_free (t->text);
  t->text = g_strdup (text);
  if (t->layout != NULL && text != NULL)
    {
      g_autofree char *shown = titrate_keep_units_together_narrow (text);

      pango_layout_set_text (t->layout, shown, -1);
    }
  forget_sizes (t);
  return TRUE;
}

/* The stylesheet's font for each text, relative to the cell's (a button's,
 * whose labels inherited it): the sizes are the former labels' em. */
static PangoAttrList *
text_attributes (TitrateDayCell *self,
                 TextId          id)
{
  PangoAttrList *attrs = pango_attr_list_new ();
  double scale = 1.0;
  gboolean bold = FALSE;

  switch (id)
    {
    case TEXT_NUMBER:
    case TEXT_ALERT:
      bold = TRUE;
      break;
    case TEXT_CUE:
      scale = 0.9;
      break;
    case TEXT_TOTAL:
      scale = 0.95;
      bold = TRUE;
      break;
    case TEXT_DOSES:
      scale = 0.78;
      bold = self->unmeasurable;
      break;
    case TEXT_PHASE:
      scale = 0.78;
      bold = self->over;
      break;
    case TEXT_NOTE:
      {
        /* libadwaita's .caption: 9 pt at the screen's resolution, regular. */
        GtkSettings *settings = gtk_widget_get_settings (GTK_WIDGET (self));
        int xft_dpi = -1;
        double dpi;

        g_object_get (settings, "gtk-xft-dpi", &xft_dpi, NULL);
        dpi = xft_dpi > 0 ? xft_dpi / 1024.0 : 96.0;
        pango_attr_list_insert (attrs, pango_attr_size_new_absolute ((int) round (9.0 * dpi / 72.0 * PANGO_SCALE)));
        pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_NORMAL));
      }
      break;
    case N_TEXTS:
    default:
      g_assert_not_reached ();
    }
  if (scale != 1.0)
    pango_attr_list_insert (attrs, pango_attr_scale_new (scale));
  if (bold)
    pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
  return attrs;
}

/* A font change (theme, text scaling, screen) changes the cell's Pango
 * context: its layouts follow it, and are measured again. */
static void
check_context (TitrateDayCell *self)
{
  PangoContext *context = gtk_widget_get_pango_context (GTK_WIDGET (self));
  guint serial = pango_context_get_serial (context);
  const cairo_font_options_t *options;
  g_autofree char *font = NULL;
  int xft_dpi = -1;

  if (serial == self->context_serial && self->font_key != NULL)
    return;
  self->context_serial = serial;
  for (guint i = 0; i < N_TEXTS; i++)
    {
      forget_sizes (&self->texts[i]);
      self->texts[i].attrs_dirty = TRUE;
    }

  font = pango_font_description_to_string (pango_context_get_font_description (context));
  options = pango_cairo_context_get_font_options (context);
  g_object_get (gtk_widget_get_settings (GTK_WIDGET (self)), "gtk-xft-dpi", &xft_dpi, NULL);
  g_free (self->font_key);
  self->font_key = g_strdup_printf ("%s|%s|%g|%lu|%d|%d", font,
                                    pango_language_to_string (pango_context_get_language (context)),
                                    pango_cairo_context_get_resolution (context),
                                    options != NULL ? cairo_font_options_hash (options) : 0UL,
                                    (int) pango_context_get_base_dir (context), xft_dpi);
}

/* (transfer full): the shared-size key of a text as it is now, at
 * @width (-1: its widths and one-line height). */
static char *
size_key (TitrateDayCell *self,
          TextId          id,
          int             width)
{
  int style = id == TEXT_DOSES ? self->unmeasurable : id == TEXT_PHASE ? self->over : 0;

  return g_strdup_printf ("%d.%d@%d|%s|%s", id, style, width, self->font_key, self->texts[id].text);
}

static const Sizes *
lookup_sizes (const char *key)
{
  return measured != NULL ? g_hash_table_lookup (measured, key) : NULL;
}

static void
store_sizes (char        *key,
             const Sizes *sizes)
{
  if (measured == NULL)
    measured = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  if (g_hash_table_size (measured) >= MAX_MEASURED)
    g_hash_table_remove_all (measured);
  g_hash_table_replace (measured, key, g_memdup2 (sizes, sizeof *sizes));
}

/* (transfer none): the text's layout, its width not set. */
static PangoLayout *
text_layout (TitrateDayCell *self,
             TextId          id)
{
  Text *t = &self->texts[id];

  if (t->layout == NULL)
    {
      /* The cell's own context, which GTK updates in place. */
      t->layout = pango_layout_new (gtk_widget_get_pango_context (GTK_WIDGET (self)));
      if (is_line (id))
        pango_layout_set_wrap (t->layout, PANGO_WRAP_WORD);
      {
        g_autofree char *shown = titrate_keep_units_together_narrow (t->text != NULL ? t->text : "");

        pango_layout_set_text (t->layout, shown, -1);
      }
      t->attrs_dirty = TRUE;
    }
  if (t->attrs_dirty)
    {
      g_autoptr(PangoAttrList) attrs = text_attributes (self, id);

      pango_layout_set_attributes (t->layout, attrs);
      t->attrs_dirty = FALSE;
    }
  return t->layout;
}

/* Logical size in whole pixels, as GtkLabel rounds it. */
static void
layout_size (PangoLayout *layout,
             int          width,
             int         *out_width,
             int         *out_height)
{
  PangoRectangle logical;

  pango_layout_set_width (layout, width < 0 ? -1 : width * PANGO_SCALE);
  pango_layout_get_extents (layout, NULL, &logical);
  if (out_width != NULL)
    *out_width = PANGO_PIXELS_CEIL (logical.width);
  if (out_height != NULL)
    *out_height = PANGO_PIXELS_CEIL (logical.height);
}

/* Widths as a wrapping GtkLabel gives them: the narrowest it wraps to
 * (its longest word) and all on one line. Padding not included. The
 * layout is left on one line, as most texts are drawn. */
static void
measure_text (TitrateDayCell *self,
              TextId          id)
{
  Text *t = &self->texts[id];
  g_autofree char *key = NULL;
  const Sizes *known;
  Sizes sizes;
  PangoLayout *layout;

  check_context (self);
  if (t->min_width >= 0)
    return;
  t->for_width = -1;
  key = size_key (self, id, -1);
  known = lookup_sizes (key);
  if (known != NULL)
    {
      t->min_width = known->min_width;
      t->nat_width = known->nat_width;
      t->min_height = known->min_height;
      t->nat_height = known->nat_height;
      return;
    }

  layout = text_layout (self, id);
  if (is_line (id))
    layout_size (layout, 0, &sizes.min_width, &sizes.nat_height);
  layout_size (layout, -1, &sizes.nat_width, &sizes.min_height);
  if (!is_line (id))
    {
      sizes.min_width = sizes.nat_width;
      sizes.nat_height = sizes.min_height;
    }
  t->min_width = sizes.min_width;
  t->nat_width = sizes.nat_width;
  t->min_height = sizes.min_height;
  t->nat_height = sizes.nat_height;
  /* Day numbers are all different: not worth keeping. */
  if (id != TEXT_NUMBER)
    store_sizes (g_steal_pointer (&key), &sizes);
}

/* The width to lay a text out at in @inner pixels: none (one line) when
 * it fits, which wraps it the same and keeps its one-line layout. */
static int
wrap_width (Text *t,
            int   inner)
{
  return t->nat_width >= 0 && inner >= t->nat_width ? -1 : inner;
}

/* Height of a line in @width pixels, padding included in @width. */
static int
text_height_for_width (TitrateDayCell *self,
                       TextId          id,
                       int             width)
{
  Text *t = &self->texts[id];
  int inner = MAX (0, width - 2 * text_padding (self, id));

  measure_text (self, id);
  if (!is_line (id) || wrap_width (t, inner) < 0)
    return t->min_height;
  if (t->for_width != inner)
    {
      g_autofree char *key = size_key (self, id, inner);
      const Sizes *known = lookup_sizes (key);
      Sizes sizes = { -1, -1, -1, -1 };

      if (known != NULL)
        t->height = known->min_height;
      else
        {
          layout_size (text_layout (self, id), inner, NULL, &t->height);
          sizes.min_height = t->height;
          store_sizes (g_steal_pointer (&key), &sizes);
        }
      t->for_width = inner;
    }
  return t->height;
}

/* The top row's width: the day number, then the alert mark and the phase
 * shape, ROW_SPACING apart. */
static int
row_width (TitrateDayCell *self,
           int            *out_height)
{
  int width = 0, height = 0;

  for (TextId id = TEXT_NUMBER; id < FIRST_LINE; id++)
    {
      Text *t = &self->texts[id];

      if (!is_shown (self, id))
        continue;
      measure_text (self, id);
      width += (width > 0 ? ROW_SPACING : 0) + t->nat_width + 2 * text_padding (self, id);
      height = MAX (height, t->min_height);
    }
  if (out_height != NULL)
    *out_height = height;
  return width;
}

static void
lookup_color (GtkStyleContext *context,
              const char      *name,
              const char      *fallback,
              GdkRGBA         *out)
{
  if (!gtk_style_context_lookup_color (context, name, out))
    gdk_rgba_parse (out, fallback);
}

/* Draws a text at its allocation (padding inside), with a background
 * rounded by @radius when @background is not NULL. */
static void
draw_text (TitrateDayCell *self,
           GtkSnapshot    *snapshot,
           TextId          id,
           const GdkRGBA  *color,
           const GdkRGBA  *background,
           float           radius,
           gboolean        rtl)
{
  Text *t = &self->texts[id];
  PangoLayout *layout = text_layout (self, id);
  int pad = text_padding (self, id);
  int inner = MAX (0, t->width - 2 * pad);
  PangoRectangle logical;
  float x, y;

  if (background != NULL)
    {
      GskRoundedRect box;
      graphene_rect_t bounds = GRAPHENE_RECT_INIT (t->x, t->y, t->width, t->h);

      radius = MIN (radius, MIN (t->width, t->h) / 2.f);
      gsk_rounded_rect_init_from_rect (&box, &bounds, radius);
      gtk_snapshot_push_rounded_clip (snapshot, &box);
      gtk_snapshot_append_color (snapshot, background, &bounds);
      gtk_snapshot_pop (snapshot);
    }

  /* As GtkLabel places its layout: start-aligned, centred vertically. */
  measure_text (self, id);
  pango_layout_set_width (layout, is_line (id) && wrap_width (t, inner) >= 0 ? inner * PANGO_SCALE : -1);
  pango_layout_set_alignment (layout, rtl ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
  pango_layout_get_pixel_extents (layout, NULL, &logical);
  x = t->x + pad + floorf ((rtl ? 1.f : 0.f) * (inner - logical.width)) - logical.x;
  y = t->y + floorf ((t->h - logical.height) * 0.5f) - logical.y;

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
}

/* "3 × 5 mg" when the doses are equal, else "10 + 5 + 5 mg". */
static char *
format_doses (const TitrateDay *day,
              const char       *unit)
{
  gboolean same = TRUE;
  g_autofree char *amount = NULL;

  if (day->n_doses == 0)
    return g_strdup ("");
  for (guint i = 1; i < day->n_doses; i++)
    if (fabs (day->doses_mg[i] - day->doses_mg[0]) > 1e-9)
      same = FALSE;
  if (!same)
    return titrate_format_doses (day->doses_mg, day->n_doses, unit);
  amount = titrate_format_amount_display (day->doses_mg[0]);
  /* Translators: number of doses × amount, e.g. "3 × 5 mg" */
  return g_strdup_printf (TR (15, N_("%u × %s %s")), day->n_doses, amount, unit);
}

static void
set_class (GtkWidget  *widget,
           const char *name,
           gboolean    on)
{
  if (on)
    gtk_widget_add_css_class (widget, name);
  else
    gtk_widget_remove_css_class (widget, name);
}

/* A style that changes a text's font or padding changes its size. */
static gboolean
set_flag (TitrateDayCell *self,
          gboolean       *flag,
          gboolean        value,
          TextId          id)
{
  if (*flag == value)
    return FALSE;
  *flag = value;
  self->texts[id].attrs_dirty = TRUE;
  forget_sizes (&self->texts[id]);
  return TRUE;
}

/* GtkWidget */

static GtkSizeRequestMode
titrate_day_cell_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

/* As the column of labels it replaces measured: as wide as the top row or
 * the widest line, lines wrapped to the width given (a line's minimum is
 * its longest word); as high as the top row and every shown line, one
 * pixel apart. */
static void
titrate_day_cell_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  TitrateDayCell *self = TITRATE_DAY_CELL (widget);
  int row_height, row;

  check_context (self);
  row = row_width (self, &row_height);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      int min = row, nat = row;

      for (TextId id = FIRST_LINE; id < N_TEXTS; id++)
        {
          int pad = 2 * text_padding (self, id);

          if (!is_shown (self, id))
            continue;
          measure_text (self, id);
          min = MAX (min, self->texts[id].min_width + pad);
          nat = MAX (nat, self->texts[id].nat_width + pad);
        }
      *minimum = min;
      *natural = nat;
    }
  else
    {
      int min = row_height, nat = row_height;

      for (TextId id = FIRST_LINE; id < N_TEXTS; id++)
        {
          if (!is_shown (self, id))
            continue;
          if (for_size < 0)
            {
              measure_text (self, id);
              min += LINE_SPACING + MIN (self->texts[id].min_height, self->texts[id].nat_height);
              nat += LINE_SPACING + MAX (self->texts[id].min_height, self->texts[id].nat_height);
            }
          else
            {
              int h = text_height_for_width (self, id, for_size);

              min += LINE_SPACING + h;
              nat += LINE_SPACING + h;
            }
        }
      *minimum = min;
      *natural = nat;
    }
}

/* Texts from the top, each line its own height at this width; the day
 * number takes what the alert mark and shape leave of the top row (so the
 * today pill spans it). Mirrored right to left. */
static void
titrate_day_cell_size_allocate (GtkWidget *widget,
                                int        width,
                                int        height,
                                int        baseline)
{
  TitrateDayCell *self = TITRATE_DAY_CELL (widget);
  gboolean rtl = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL;
  int row_height, x, y;

  check_context (self);
  row_width (self, &row_height);

  /* Top row: the mark and shape at their widths, at the end. */
  x = width;
  for (TextId id = FIRST_LINE - 1; id > TEXT_NUMBER; id--)
    {
      Text *t = &self->texts[id];

      if (!is_shown (self, id))
        continue;
      t->width = t->nat_width + 2 * text_padding (self, id);
      x -= t->width;
      t->x = x;
      x -= ROW_SPACING;
    }
  self->texts[TEXT_NUMBER].x = 0;
  self->texts[TEXT_NUMBER].width = MAX (0, x);
  for (TextId id = TEXT_NUMBER; id < FIRST_LINE; id++)
    {
      self->texts[id].y = 0;
      self->texts[id].h = row_height;
    }

  y = row_height;
  for (TextId id = FIRST_LINE; id < N_TEXTS; id++)
    {
      Text *t = &self->texts[id];

      if (!is_shown (self, id))
        continue;
      y += LINE_SPACING;
      t->x = 0;
      t->y = y;
      t->width = width;
      t->h = text_height_for_width (self, id, width);
      y += t->h;
    }

  if (rtl)
    for (TextId id = TEXT_NUMBER; id < N_TEXTS; id++)
      self->texts[id].x = width - self->texts[id].x - self->texts[id].width;
}

static void
titrate_day_cell_snapshot (GtkWidget   *widget,
                           GtkSnapshot *snapshot)
{
  TitrateDayCell *self = TITRATE_DAY_CELL (widget);
  GtkStyleContext *context = gtk_widget_get_style_context (widget);
  gboolean rtl = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL;
  GdkRGBA fg, error, pill_bg, pill_fg;

  gtk_style_context_get_color (context, &fg);
  if (self->over || self->unmeasurable || is_shown (self, TEXT_ALERT))
    lookup_color (context, "error_color", "#c01c28", &error);

  if (self->today)
    {
      lookup_color (context, "accent_bg_color", "#3584e4", &pill_bg);
      lookup_color (context, "accent_fg_color", "#ffffff", &pill_fg);
      draw_text (self, snapshot, TEXT_NUMBER, &pill_fg, &pill_bg, 999.f, rtl);
    }
  else
    draw_text (self, snapshot, TEXT_NUMBER, &fg, NULL, 0.f, rtl);
  if (is_shown (self, TEXT_ALERT))
    draw_text (self, snapshot, TEXT_ALERT, &error, NULL, 0.f, rtl);
  if (is_shown (self, TEXT_CUE))
    draw_text (self, snapshot, TEXT_CUE, &fg, NULL, 0.f, rtl);
  if (is_shown (self, TEXT_TOTAL))
    draw_text (self, snapshot, TEXT_TOTAL, self->over ? &error : &fg, NULL, 0.f, rtl);
  if (is_shown (self, TEXT_DOSES))
    draw_text (self, snapshot, TEXT_DOSES, self->unmeasurable ? &error : &fg, NULL, 0.f, rtl);
  if (is_shown (self, TEXT_PHASE))
    {
      if (self->over)
        {
          GdkRGBA badge_bg, badge_fg;

          lookup_color (context, "error_bg_color", "#e01b24", &badge_bg);
          lookup_color (context, "error_fg_color", "#ffffff", &badge_fg);
          draw_text (self, snapshot, TEXT_PHASE, &badge_fg, &badge_bg, 4.f, rtl);
        }
      else
        draw_text (self, snapshot, TEXT_PHASE, &fg, NULL, 0.f, rtl);
    }
  if (is_shown (self, TEXT_NOTE))
    {
      GdkRGBA note;

      switch (self->note_style)
        {
        case TITRATE_DAY_CELL_NOTE_ERROR:
          lookup_color (context, "error_color", "#c01c28", &note);
          break;
        case TITRATE_DAY_CELL_NOTE_WARNING:
          lookup_color (context, "warning_color", "#9c6e03", &note);
          break;
        case TITRATE_DAY_CELL_NOTE_ACCENT:
        default:
          lookup_color (context, "accent_color", "#1c71d8", &note);
          break;
        }
      draw_text (self, snapshot, TEXT_NOTE, &note, NULL, 0.f, rtl);
    }
}

/* GObject */

static void
titrate_day_cell_finalize (GObject *object)
{
  TitrateDayCell *self = TITRATE_DAY_CELL (object);

  for (guint i = 0; i < N_TEXTS; i++)
    {
      g_clear_pointer (&self->texts[i].text, g_free);
      g_clear_object (&self->texts[i].layout);
    }
  g_clear_pointer (&self->font_key, g_free);
  g_clear_pointer (&self->accessible_label, g_free);
  g_clear_pointer (&self->phase_text, g_free);

  G_OBJECT_CLASS (titrate_day_cell_parent_class)->finalize (object);
}

static void
titrate_day_cell_class_init (TitrateDayCellClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = titrate_day_cell_finalize;

  widget_class->get_request_mode = titrate_day_cell_get_request_mode;
  widget_class->measure = titrate_day_cell_measure;
  widget_class->size_allocate = titrate_day_cell_size_allocate;
  widget_class->snapshot = titrate_day_cell_snapshot;

  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GRID_CELL);
}

static void
titrate_day_cell_init (TitrateDayCell *self)
{
  GtkWidget *widget = GTK_WIDGET (self);

  /* No child: the cell measures and allocates itself, not a GtkButton's
   * bin layout. */
  gtk_widget_set_layout_manager (widget, NULL);
  gtk_widget_set_hexpand (widget, TRUE);
  gtk_widget_set_vexpand (widget, TRUE);
  gtk_widget_add_css_class (widget, "daycell");
  for (guint i = 0; i < N_TEXTS; i++)
    forget_sizes (&self->texts[i]);
  g_date_clear (&self->date, 1);
}

/* Public API */

GtkWidget *
titrate_day_cell_new (void)
{
  return g_object_new (TITRATE_TYPE_DAY_CELL, NULL);
}

/**
 * titrate_day_cell_update:
 * @day: (nullable): the plan's day, %NULL when there is no plan date
 *
 * Shows @date. Texts and style classes only change where they differ,
 * so an edit that leaves this day alone costs no redraw, and one that
 * changes only colours costs no new layout.
 */
void
titrate_day_cell_update (TitrateDayCell   *self,
                         const GDate      *date,
                         gboolean          other_month,
                         gboolean          today,
                         const TitrateDay *day,
                         TitrateRoute      route,
                         double            max_daily,
                         guint             n_alerts_from_day)
{
  const char *unit = titrate_route_unit (route);
  TitratePhase phase = day != NULL ? day->phase : TITRATE_PHASE_NONE;
  g_autofree char *total = NULL;
  g_autofree char *doses = NULL;
  g_autofree char *phase_text = NULL;
  g_autofree char *long_date = NULL;
  g_autoptr(GString) a11y = g_string_new (NULL);
  char number[16];
  const char *phase_class;
  gboolean over, unmeasurable;
  gboolean resize = FALSE;

  g_return_if_fail (TITRATE_IS_DAY_CELL (self));

  if (self->shown &&
      g_date_valid (&self->date) && g_date_compare (&self->date, date) == 0 &&
      self->shown_other_month == other_month &&
      self->shown_today == today &&
      self->shown_has_day == (day != NULL) &&
      (day == NULL || memcmp (&self->shown_day, day, sizeof *day) == 0) &&
      self->shown_route == route &&
      memcmp (&self->shown_max, &max_daily, sizeof max_daily) == 0 &&
      self->shown_alerts == n_alerts_from_day)
    return;
  self->shown = TRUE;
  self->shown_other_month = other_month;
  self->shown_today = today;
  self->shown_has_day = day != NULL;
  if (day != NULL)
    self->shown_day = *day;
  self->shown_route = route;
  self->shown_max = max_daily;
  self->shown_alerts = n_alerts_from_day;

  self->date = *date;
  g_snprintf (number, sizeof number, "%u", g_date_get_day (date));
  check_translations ();

  if (phase == TITRATE_PHASE_NONE)
    {
      total = g_strdup ("");
      doses = g_strdup ("");
      phase_text = g_strdup ("");
    }
  else if (phase == TITRATE_PHASE_STOPPED)
    {
      /* Translators: daily total on a day without baclofen, e.g. "0 mg/day" */
      total = g_strdup_printf (TR (0, N_("0 %s/day")), unit);
      doses = g_strdup (TR (1, N_("no doses")));
      phase_text = g_strdup (titrate_phase_label (phase));
    }
  else
    {
      g_autofree char *amount = titrate_format_amount_display (day->daily_total);

      if (!isnan (day->bolus_mcg))
        {
          /* Translators: intrathecal screening bolus, e.g. "50 mcg bolus" */
          total = g_strdup_printf (TR (2, N_("%s %s bolus")), amount, unit);
          doses = g_strdup (TR (3, N_("single injection")));
        }
      else if (!isnan (day->daily_mcg))
        {
          /* Translators: daily total, e.g. "150 mcg/day" */
          total = g_strdup_printf (TR (4, N_("%s %s/day")), amount, unit);
          doses = g_strdup (TR (5, N_("continuous infusion")));
        }
      else
        {
          total = g_strdup_printf (TR (4, N_("%s %s/day")), amount, unit);
          doses = format_doses (day, unit);
        }
      phase_text = g_strdup (titrate_phase_label (phase));
    }

  /* Above the maximum that applies to this patient: said in words, in
   * place of the phase word (the phase keeps its shape and colour). */
  over = day != NULL && phase != TITRATE_PHASE_NONE && phase != TITRATE_PHASE_STOPPED &&
         !isnan (max_daily) && isnan (day->bolus_mcg) && day->daily_total > max_daily + 1e-9;
  unmeasurable = day != NULL && phase != TITRATE_PHASE_NONE && !day->measurable;
  self->phase_word = titrate_phase_label (phase);

  resize |= set_text (self, TEXT_NUMBER, number);
  resize |= set_text (self, TEXT_ALERT, n_alerts_from_day > 0 ? "⚠" : NULL);
  resize |= set_text (self, TEXT_CUE, titrate_phase_symbol (phase));
  resize |= set_text (self, TEXT_TOTAL, total);
  resize |= set_text (self, TEXT_DOSES, doses);
  resize |= set_text (self, TEXT_PHASE, over ? TR (6, N_("above max")) : phase_text);
  /* Each changes a text's padding or weight, so its size. */
  resize |= set_flag (self, &self->today, today, TEXT_NUMBER);
  resize |= set_flag (self, &self->over, over, TEXT_PHASE);
  resize |= set_flag (self, &self->unmeasurable, unmeasurable, TEXT_DOSES);

  phase_class = titrate_phase_css_class (phase);
  if (phase_class != self->phase_class)
    {
      if (self->phase_class != NULL)
        gtk_widget_remove_css_class (GTK_WIDGET (self), self->phase_class);
      gtk_widget_add_css_class (GTK_WIDGET (self), phase_class);
      self->phase_class = phase_class;
    }
  set_class (GTK_WIDGET (self), "today", today);
  set_class (GTK_WIDGET (self), "other-month", other_month);
  set_class (GTK_WIDGET (self), "has-alert", n_alerts_from_day > 0);
  set_class (GTK_WIDGET (self), "over-max", over);
  set_class (GTK_WIDGET (self), "change", day != NULL && day->is_change);
  set_class (GTK_WIDGET (self), "unmeasurable", unmeasurable);

  if (resize)
    gtk_widget_queue_resize (GTK_WIDGET (self));

  /* Translators: date read by screen readers, strftime format */
  long_date = titrate_format_date (date, TR (7, N_("%A %-d %B %Y")));
  g_string_append (a11y, g_strstrip (long_date));
  if (today)
    g_string_append_printf (a11y, ", %s", TR (8, N_("today")));
  if (phase != TITRATE_PHASE_NONE)
    {
      g_string_append_printf (a11y, TR (9, N_(", plan day %d")), day->day);
      g_string_append_printf (a11y, ", %s: %s", titrate_phase_label (phase), total);
      if (*doses != '\0')
        g_string_append_printf (a11y, " (%s)", doses);
      if (over)
        {
          g_autofree char *max = titrate_format_amount_display (max_daily);

          /* Translators: "above the maximum for this patient (40 mg/day)" */
          g_string_append_printf (a11y, TR (10, N_(", above the maximum for this patient (%s %s/day)")), max, unit);
        }
      if (day->is_change)
        g_string_append_printf (a11y, ", %s", TR (11, N_("dose changes on this day")));
      if (!day->measurable)
        g_string_append_printf (a11y, ", %s", TR (12, N_("a dose cannot be measured with the chosen strength")));
    }
  else
    g_string_append_printf (a11y, ", %s", TR (13, N_("nothing planned")));
  if (n_alerts_from_day > 0)
    g_string_append_printf (a11y,
                            g_dngettext (GETTEXT_PACKAGE, ", %u alert applies from this day",
                                         ", %u alerts apply from this day", n_alerts_from_day),
                            n_alerts_from_day);

  if (g_strcmp0 (self->accessible_label, a11y->str) != 0)
    {
      g_free (self->accessible_label);
      self->accessible_label = g_strdup (a11y->str);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, self->accessible_label,
                                      -1);
    }
}

/**
 * titrate_day_cell_set_note:
 * @text: (nullable): a short line under the phase (the pump's dates), or
 *   %NULL for none
 * @style: its colour
 *
 * Shows @text as the cell's last line, in the stylesheet's caption font,
 * and gives it to screen readers as the cell's description.
 */
void
titrate_day_cell_set_note (TitrateDayCell          *self,
                           const char              *text,
                           TitrateDayCellNoteStyle  style)
{
  g_return_if_fail (TITRATE_IS_DAY_CELL (self));

  if (text != NULL && *text == '\0')
    text = NULL;
  if (set_text (self, TEXT_NOTE, text))
    {
      gtk_widget_queue_resize (GTK_WIDGET (self));
      if (text != NULL)
        gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text, -1);
      else
        gtk_accessible_reset_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
    }
  if (style != self->note_style)
    {
      self->note_style = style;
      if (text != NULL)
        gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

/* (nullable): the note, %NULL when there is none */
const char *
titrate_day_cell_get_note (TitrateDayCell *self)
{
  g_return_val_if_fail (TITRATE_IS_DAY_CELL (self), NULL);

  return self->texts[TEXT_NOTE].text;
}

void
titrate_day_cell_get_date (TitrateDayCell *self,
                           GDate          *out)
{
  g_return_if_fail (TITRATE_IS_DAY_CELL (self));

  *out = self->date;
}

void
titrate_day_cell_set_selected (TitrateDayCell *self,
                               gboolean        selected)
{
  g_return_if_fail (TITRATE_IS_DAY_CELL (self));

  if (selected)
    gtk_widget_set_state_flags (GTK_WIDGET (self), GTK_STATE_FLAG_SELECTED, FALSE);
  else
    gtk_widget_unset_state_flags (GTK_WIDGET (self), GTK_STATE_FLAG_SELECTED);
  gtk_accessible_update_state (GTK_ACCESSIBLE (self),
                               GTK_ACCESSIBLE_STATE_SELECTED, selected,
                               -1);
}

const char *
titrate_day_cell_get_total (TitrateDayCell *self)
{
  g_return_val_if_fail (TITRATE_IS_DAY_CELL (self), NULL);

  return self->texts[TEXT_TOTAL].text != NULL ? self->texts[TEXT_TOTAL].text : "";
}

const char *
titrate_day_cell_get_doses (TitrateDayCell *self)
{
  g_return_val_if_fail (TITRATE_IS_DAY_CELL (self), NULL);

  return self->texts[TEXT_DOSES].text != NULL ? self->texts[TEXT_DOSES].text : "";
}

/* The phase as shown: its shape and its word, e.g. "▲ step-up". */
const char *
titrate_day_cell_get_phase (TitrateDayCell *self)
{
  g_return_val_if_fail (TITRATE_IS_DAY_CELL (self), NULL);

  g_free (self->phase_text);
  self->phase_text = g_strdup_printf ("%s %s",
                                      self->texts[TEXT_CUE].text != NULL ? self->texts[TEXT_CUE].text : "",
                                      self->phase_word != NULL ? self->phase_word : "");
  return g_strstrip (self->phase_text);
}

gboolean
titrate_day_cell_get_over_max (TitrateDayCell *self)
{
  g_return_val_if_fail (TITRATE_IS_DAY_CELL (self), FALSE);

  return self->over;
}

/**
 * titrate_day_cell_get_text_rects:
 *
 * Where each shown text is drawn, in the cell's coordinates: the logical
 * extents of its layout at the cell's current allocation, one
 * graphene_rect_t per text. For tests: every text must lie inside the
 * cell.
 *
 * Returns: (transfer full) (element-type graphene_rect_t): the rectangles
 */
GArray *
titrate_day_cell_get_text_rects (TitrateDayCell *self)
{
  GArray *rects = g_array_new (FALSE, FALSE, sizeof (graphene_rect_t));
  gboolean rtl;

  g_return_val_if_fail (TITRATE_IS_DAY_CELL (self), rects);

  rtl = gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL;
  for (TextId id = TEXT_NUMBER; id < N_TEXTS; id++)
    {
      Text *t = &self->texts[id];
      PangoLayout *layout;
      PangoRectangle logical;
      int pad = text_padding (self, id);
      int inner = MAX (0, t->width - 2 * pad);
      graphene_rect_t rect;

      if (!is_shown (self, id))
        continue;
      layout = text_layout (self, id);
      measure_text (self, id);
      pango_layout_set_width (layout, is_line (id) && wrap_width (t, inner) >= 0 ? inner * PANGO_SCALE : -1);
      pango_layout_set_alignment (layout, rtl ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
      pango_layout_get_pixel_extents (layout, NULL, &logical);
      graphene_rect_init (&rect,
                          t->x + pad + floorf ((rtl ? 1.f : 0.f) * (inner - logical.width)),
                          t->y + floorf ((t->h - logical.height) * 0.5f),
                          logical.width, logical.height);
      g_array_append_val (rects, rect);
    }
  return rects;
}
