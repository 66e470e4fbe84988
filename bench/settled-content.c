/* settled-content.c — time to settled content of X11 desktop programs, as a
 * ratio to the first (baseline) program, measured in the same run.
 *
 * Copyright 2026 The Titrate authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   settled-content [-q QUIET_MS] [-t TIMEOUT_MS] [-i MIN_GRAB_MS] [-S] [-v]
 *                   N NAME=COMMAND NAME=COMMAND...
 *
 * -S grabs with XGetImage instead of MIT-SHM (to see what a heavier
 * watcher costs the measured program); -v prints each run's pixel changes
 * and lets the programs' output through.
 *
 * Each COMMAND is run by /bin/sh as "exec COMMAND" in its own process group.
 * After one warm-up run of each program, N runs of each are made,
 * interleaved (so drift in machine load hits all programs alike). Per run:
 *
 *   t0        CLOCK_MONOTONIC just before the program is spawned;
 *   map       its first top-level window is mapped (MapNotify on the root
 *             window, not override-redirect, at least 50×50, and, when the
 *             window has _NET_WM_PID, owned by the spawned process group);
 *   content   the first grab of the window's pixels with at least two
 *             colours ("first content");
 *   settled   the time of the last change of the window's pixels, once they
 *             have stayed the same for QUIET_MS (default 1500 ms). A repaint
 *             that leaves the pixels as they were is not a change.
 *
 * The window is grabbed (whole window, through MIT-SHM when built with
 * libXext and the server allows it, else XGetImage) and hashed when the
 * server reports damage to it (XDamage), at most once per MIN_GRAB_MS
 * (default 10 ms); one more grab at the end of the quiet period checks that
 * no change went unreported. A change is timed at the last damage event
 * received before the grab that saw it. Without XDamage (not built with it,
 * or the server lacks it) the window is polled every 50 ms instead, and the
 * times are correspondingly coarser. Then VmRSS and VmHWM are read from
 * /proc/PID/status, the process group gets SIGTERM (SIGKILL after 5 s) and
 * is waited for.
 *
 * Prints per program the medians and min–max of first content and settled
 * (ms after spawn), the median RSS and HWM (MiB), and each median's ratio
 * to the baseline's. Exits 1 if a run never showed a window or never
 * settled, 2 on bad usage or no display.
 */

#define _POSIX_C_SOURCE 200809L
#define _DEFAULT_SOURCE

#include <X11/Xlib.h>
#include <X11/Xatom.h>
#include <X11/Xutil.h>
#ifdef HAVE_XDAMAGE
#include <X11/extensions/Xdamage.h>
#include <X11/extensions/Xfixes.h>
#endif
#ifdef HAVE_XSHM
#include <X11/extensions/XShm.h>
#include <sys/ipc.h>
#include <sys/shm.h>
#endif

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <math.h>
#include <poll.h>
#include <signal.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define POLL_INTERVAL_MS 50

typedef struct
{
  double content_ms;   /* NAN when never */
  double settled_ms;   /* NAN when never settled */
  double map_ms;
  double rss_mib;
  double hwm_mib;
  int    grabs;
  int    changes;
} RunResult;

typedef struct
{
  const char *name;
  const char *command;
  RunResult  *runs;
  int         n_runs;
  int         failed;
} Program;

static Display *dpy;
static Window root;
static int have_damage;
#ifdef HAVE_XDAMAGE
static int damage_event_base;
#endif
static Atom net_wm_pid;
static int quiet_ms = 1500;
static int timeout_ms = 30000;
static int min_grab_ms = 10;
static int verbose;
static int no_shm;

static int64_t
now_us (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_MONOTONIC, &ts);
  return (int64_t) ts.tv_sec * 1000000 + ts.tv_nsec / 1000;
}

static int x_errors;

static int
count_x_error (Display     *display,
               XErrorEvent *event)
{
  (void) display;
  (void) event;
  x_errors++;
  return 0;
}

#ifdef HAVE_XSHM
/* A shared-memory image of the window's size: the server writes the
 * pixels straight into it (about 1 ms for 1400×880 on Xvfb, against
 * 25–50 ms through the socket, during which the server serves no one else). */
static int have_shm;
static XImage *shm_image;
static XShmSegmentInfo shm_info;

static void
shm_image_free (void)
{
  if (shm_image == NULL)
    return;
  XShmDetach (dpy, &shm_info);
  XSync (dpy, False);
  XDestroyImage (shm_image);
  shmdt (shm_info.shmaddr);
  shm_image = NULL;
}

static XImage *
shm_image_for (int width,
               int height)
{
  int screen = DefaultScreen (dpy);
  int errors = x_errors;

  if (shm_image != NULL && shm_image->width == width && shm_image->height == height)
    return shm_image;
  shm_image_free ();
  shm_image = XShmCreateImage (dpy, DefaultVisual (dpy, screen), (unsigned) DefaultDepth (dpy, screen),
                               ZPixmap, NULL, &shm_info, (unsigned) width, (unsigned) height);
  if (shm_image == NULL)
    return NULL;
  shm_info.shmid = shmget (IPC_PRIVATE, (size_t) shm_image->bytes_per_line * (size_t) height,
                           IPC_CREAT | 0600);
  if (shm_info.shmid < 0)
    {
      XDestroyImage (shm_image);
      shm_image = NULL;
      return NULL;
    }
  shm_info.shmaddr = shm_image->data = shmat (shm_info.shmid, NULL, 0);
  shm_info.readOnly = False;
  XShmAttach (dpy, &shm_info);
  XSync (dpy, False);
  shmctl (shm_info.shmid, IPC_RMID, NULL);  /* freed once both have detached */
  if (shm_info.shmaddr == (void *) -1 || x_errors != errors)
    {
      if (shm_info.shmaddr != (void *) -1)
        shmdt (shm_info.shmaddr);
      shm_image->data = NULL;
      XDestroyImage (shm_image);
      shm_image = NULL;
      have_shm = 0;  /* e.g. a remote display: use XGetImage */
      return NULL;
    }
  return shm_image;
}
#endif

/* Grabs the whole window and hashes its pixels (the bits of the visual's
 * colour masks only). Returns 0 if the window could not be grabbed. */
static int
grab_window (Window    window,
             int       width,
             int       height,
             uint64_t *hash_out,
             int      *two_colours_out)
{
  XImage *image = NULL;
  int shared = 0;
  uint64_t hash = 14695981039346656037ULL;
  unsigned long mask;
  unsigned long first;
  int two_colours = 0;

#ifdef HAVE_XSHM
  if (have_shm && (image = shm_image_for (width, height)) != NULL)
    {
      if (!XShmGetImage (dpy, window, image, 0, 0, AllPlanes))
        return 0;
      shared = 1;
    }
#endif
  if (image == NULL)
    image = XGetImage (dpy, window, 0, 0, (unsigned) width, (unsigned) height, AllPlanes, ZPixmap);
  if (image == NULL)
    return 0;
  mask = image->red_mask | image->green_mask | image->blue_mask;
  if (mask == 0)
    mask = ~0UL;
  first = XGetPixel (image, 0, 0) & mask;
  for (int y = 0; y < image->height; y++)
    {
      if (image->bits_per_pixel == 32)
        {
          const uint32_t *row = (const uint32_t *) (image->data + (size_t) y * image->bytes_per_line);
          uint64_t m2 = (uint64_t) (uint32_t) mask << 32 | (uint32_t) mask;
          uint64_t first2 = (uint64_t) first << 32 | first;
          int x = 0;

          /* Two pixels at a time. */
          for (; x + 1 < image->width; x += 2)
            {
              uint64_t p;

              memcpy (&p, row + x, sizeof p);
              p &= m2;
              hash = (hash ^ p) * 1099511628211ULL;
              two_colours |= p != first2;
            }
          for (; x < image->width; x++)
            {
              uint32_t p = row[x] & (uint32_t) mask;

              hash = (hash ^ p) * 1099511628211ULL;
              two_colours |= p != first;
            }
        }
      else
        {
          for (int x = 0; x < image->width; x++)
            {
              unsigned long p = XGetPixel (image, x, y) & mask;

              hash = (hash ^ p) * 1099511628211ULL;
              two_colours |= p != first;
            }
        }
    }
  /* The size is part of what is shown. */
  hash = (hash ^ (uint64_t) width << 32 ^ (uint64_t) height) * 1099511628211ULL;
  if (!shared)
    XDestroyImage (image);
  *hash_out = hash;
  *two_colours_out = two_colours;
  return 1;
}

/* Whether a newly mapped window is the spawned program's top level. */
static int
is_target (Window window,
           pid_t  pgid,
           int   *width,
           int   *height)
{
  XWindowAttributes attrs;
  Atom type;
  int format;
  unsigned long n_items, after;
  unsigned char *data = NULL;
  int ours = 1;

  if (!XGetWindowAttributes (dpy, window, &attrs) || attrs.override_redirect
      || attrs.width < 50 || attrs.height < 50)
    return 0;
  if (XGetWindowProperty (dpy, window, net_wm_pid, 0, 1, False, XA_CARDINAL, &type,
                          &format, &n_items, &after, &data) == Success
      && data != NULL && n_items == 1 && format == 32)
    {
      pid_t pid = (pid_t) *(unsigned long *) data;

      ours = getpgid (pid) == pgid;
    }
  if (data != NULL)
    XFree (data);
  *width = attrs.width;
  *height = attrs.height;
  return ours;
}

static double
read_status_mib (pid_t       pid,
                 const char *key)
{
  char path[64];
  char line[256];
  size_t key_len = strlen (key);
  double value = NAN;
  FILE *file;

  snprintf (path, sizeof path, "/proc/%d/status", (int) pid);
  file = fopen (path, "r");
  if (file == NULL)
    return NAN;
  while (fgets (line, sizeof line, file) != NULL)
    if (strncmp (line, key, key_len) == 0 && line[key_len] == ':')
      {
        value = strtod (line + key_len + 1, NULL) / 1024.0;
        break;
      }
  fclose (file);
  return value;
}

static pid_t
spawn (const char *command)
{
  pid_t pid = fork ();

  if (pid == 0)
    {
      size_t size = strlen (command) + sizeof "exec ";
      char *script = malloc (size);
      int fd;

      setpgid (0, 0);
      fd = open ("/dev/null", 0);
      if (fd >= 0 && !verbose)
        {
          dup2 (fd, STDIN_FILENO);
          dup2 (fd, STDOUT_FILENO);
          dup2 (fd, STDERR_FILENO);
        }
      if (script == NULL)
        _exit (127);
      snprintf (script, size, "exec %s", command);
      execl ("/bin/sh", "sh", "-c", script, (char *) NULL);
      _exit (127);
    }
  if (pid > 0)
    setpgid (pid, pid);  /* also here, so that it holds before we look */
  return pid;
}

static void
stop (pid_t pid)
{
  int64_t deadline = now_us () + 5000000;
  int status;

  kill (-pid, SIGTERM);
  while (waitpid (pid, &status, WNOHANG) == 0)
    {
      if (now_us () > deadline)
        {
          kill (-pid, SIGKILL);
          waitpid (pid, &status, 0);
          break;
        }
      usleep (5000);
    }
  /* Any others left in the group. */
  kill (-pid, SIGKILL);
}

/* Waits for events on the display connection for at most timeout_ms. */
static void
wait_for_events (int timeout)
{
  struct pollfd pfd = { ConnectionNumber (dpy), POLLIN, 0 };

  if (XPending (dpy))
    return;
  if (timeout < 0)
    timeout = 0;
  poll (&pfd, 1, timeout);
}

static RunResult
run_once (const char *command)
{
  RunResult r = { NAN, NAN, NAN, NAN, NAN, 0, 0 };
  Window target = None;
  int width = 0, height = 0;
  int64_t t0, deadline;
  int64_t last_change = 0;      /* time of the last pixel change */
  int64_t pending_damage = 0;   /* time of the last damage not grabbed yet */
  int64_t last_grab = 0;
  uint64_t last_hash = 0;
  int have_hash = 0;
  int checked_quiet = 0;
  pid_t pid;
#ifdef HAVE_XDAMAGE
  Damage damage = None;
#endif

  XSync (dpy, True);  /* forget the previous run's events */
  t0 = now_us ();
  pid = spawn (command);
  if (pid < 0)
    {
      perror ("fork");
      return r;
    }
  deadline = t0 + (int64_t) timeout_ms * 1000;
  if (verbose)
    fprintf (stderr, "  spawned at %" PRId64 " us (CLOCK_MONOTONIC)\n", t0);

  while (now_us () < deadline)
    {
      int64_t now;
      int wait_ms;

      while (XPending (dpy))
        {
          XEvent ev;

          XNextEvent (dpy, &ev);
          if (target == None && ev.type == MapNotify && ev.xmap.event == root
              && !ev.xmap.override_redirect
              && is_target (ev.xmap.window, pid, &width, &height))
            {
              target = ev.xmap.window;
              r.map_ms = (now_us () - t0) / 1000.0;
              if (verbose)
                fprintf (stderr, "  %8.1f ms window 0x%lx mapped, %dx%d\n", r.map_ms, target, width, height);
              XSelectInput (dpy, target, StructureNotifyMask);
#ifdef HAVE_XDAMAGE
              if (have_damage)
                damage = XDamageCreate (dpy, target, XDamageReportNonEmpty);
#endif
              pending_damage = now_us ();  /* grab once straight away */
            }
          else if (target != None && ev.type == ConfigureNotify && ev.xconfigure.window == target)
            {
              width = ev.xconfigure.width;
              height = ev.xconfigure.height;
            }
          else if (target != None && (ev.type == DestroyNotify || ev.type == UnmapNotify)
                   && ev.xany.window == target)
            {
              fprintf (stderr, "settled-content: %s: its window went away\n", command);
              target = None;
              goto out;
            }
#ifdef HAVE_XDAMAGE
          else if (have_damage && ev.type == damage_event_base + XDamageNotify)
            {
              XDamageNotifyEvent *dev = (XDamageNotifyEvent *) &ev;

              if (dev->drawable == target)
                {
                  pending_damage = now_us ();
                  /* Re-arm: damage after this request sends a new event. */
                  XDamageSubtract (dpy, damage, None, None);
                }
            }
#endif
        }

      now = now_us ();
      if (target == None)
        {
          wait_for_events ((int) ((deadline - now) / 1000) + 1);
          continue;
        }

      if (!have_damage && now - last_grab >= POLL_INTERVAL_MS * 1000)
        pending_damage = now;

      if (pending_damage != 0 && now - last_grab >= (int64_t) min_grab_ms * 1000)
        {
          uint64_t hash;
          int two_colours;
          int64_t damage_time = pending_damage;

          pending_damage = 0;
          last_grab = now;
          if (grab_window (target, width, height, &hash, &two_colours))
            {
              r.grabs++;
              if (!have_hash || hash != last_hash)
                {
                  last_change = damage_time;
                  last_hash = hash;
                  have_hash = 1;
                  checked_quiet = 0;
                  if (isnan (r.content_ms) && two_colours)
                    r.content_ms = (damage_time - t0) / 1000.0;
                  if (!isnan (r.content_ms))
                    r.changes++;
                  if (verbose)
                    fprintf (stderr, "  %8.1f ms change%s\n", (damage_time - t0) / 1000.0,
                             two_colours ? "" : " (one colour)");
                }
            }
          continue;
        }

      if (!isnan (r.content_ms) && now - last_change >= (int64_t) quiet_ms * 1000)
        {
          if (!checked_quiet && have_damage)
            {
              /* One grab to be sure nothing changed without damage. */
              checked_quiet = 1;
              pending_damage = now;
              last_grab = 0;
              continue;
            }
          r.settled_ms = (last_change - t0) / 1000.0;
          break;
        }

      if (pending_damage != 0)
        wait_ms = (int) ((last_grab + (int64_t) min_grab_ms * 1000 - now) / 1000) + 1;
      else if (!have_damage)
        wait_ms = (int) ((last_grab + POLL_INTERVAL_MS * 1000 - now) / 1000) + 1;
      else if (!isnan (r.content_ms))
        wait_ms = (int) ((last_change + (int64_t) quiet_ms * 1000 - now) / 1000) + 1;
      else
        wait_ms = (int) ((deadline - now) / 1000) + 1;
      wait_for_events (wait_ms);
    }

out:
  if (target != None && isnan (r.settled_ms))
    fprintf (stderr, "settled-content: %s: did not settle within %d ms\n", command, timeout_ms);
  if (target == None && isnan (r.map_ms))
    fprintf (stderr, "settled-content: %s: no window within %d ms\n", command, timeout_ms);
  r.rss_mib = read_status_mib (pid, "VmRSS");
  r.hwm_mib = read_status_mib (pid, "VmHWM");
#ifdef HAVE_XDAMAGE
  if (damage != None)
    XDamageDestroy (dpy, damage);
#endif
  if (target != None)
    XSelectInput (dpy, target, NoEventMask);
  XSync (dpy, False);
  stop (pid);
  /* Wait (up to 2 s) for the server to destroy the window, so that its
   * events cannot be taken for the next run's (window ids are reused). */
  if (target != None)
    {
      int64_t until = now_us () + 2000000;
      int destroyed = 0;

      while (!destroyed && now_us () < until)
        {
          wait_for_events (20);
          while (!destroyed && XPending (dpy))
            {
              XEvent ev;

              XNextEvent (dpy, &ev);
              destroyed = ev.type == DestroyNotify && ev.xdestroywindow.window == target;
            }
        }
    }
  return r;
}

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/* Median, min and max of one field over the runs, NaNs left out. */
static double
stats (const Program *p,
       size_t         offset,
       double        *min,
       double        *max)
{
  double values[p->n_runs > 0 ? p->n_runs : 1];
  int n = 0;

  for (int i = 0; i < p->n_runs; i++)
    {
      double v = *(const double *) ((const char *) &p->runs[i] + offset);

      if (!isnan (v))
        values[n++] = v;
    }
  if (n == 0)
    {
      if (min) *min = NAN;
      if (max) *max = NAN;
      return NAN;
    }
  qsort (values, (size_t) n, sizeof values[0], compare_doubles);
  if (min) *min = values[0];
  if (max) *max = values[n - 1];
  return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

static void
usage (void)
{
  fprintf (stderr, "usage: settled-content [-q QUIET_MS] [-t TIMEOUT_MS] [-i MIN_GRAB_MS] [-S] [-v] "
                   "N NAME=COMMAND NAME=COMMAND...\n"
                   "The first program is the baseline the others are compared with.\n");
  exit (2);
}

int
main (int   argc,
      char *argv[])
{
  Program *programs;
  int n_programs, n_runs, opt, status = 0;
  struct rusage usage_before, usage_after;
  double watcher_ms;
  int total_runs = 0;

  while ((opt = getopt (argc, argv, "q:t:i:Sv")) != -1)
    switch (opt)
      {
      case 'q': quiet_ms = atoi (optarg); break;
      case 't': timeout_ms = atoi (optarg); break;
      case 'i': min_grab_ms = atoi (optarg); break;
      case 'S': no_shm = 1; break;
      case 'v': verbose = 1; break;
      default: usage ();
      }
  if (argc - optind < 3 || (n_runs = atoi (argv[optind])) < 1 || quiet_ms < 1 || timeout_ms < 1)
    usage ();
  n_programs = argc - optind - 1;
  programs = calloc ((size_t) n_programs, sizeof *programs);
  for (int i = 0; i < n_programs; i++)
    {
      char *arg = argv[optind + 1 + i];
      char *eq = strchr (arg, '=');

      if (eq == NULL || eq == arg || eq[1] == '\0')
        usage ();
      *eq = '\0';
      programs[i].name = arg;
      programs[i].command = eq + 1;
      programs[i].runs = calloc ((size_t) n_runs, sizeof (RunResult));
    }

  dpy = XOpenDisplay (NULL);
  if (dpy == NULL)
    {
      fprintf (stderr, "settled-content: cannot open the X display\n");
      return 2;
    }
  XSetErrorHandler (count_x_error);
  root = DefaultRootWindow (dpy);
  net_wm_pid = XInternAtom (dpy, "_NET_WM_PID", False);
#ifdef HAVE_XDAMAGE
  {
    int error_base, major = 1, minor = 1;

    if (XDamageQueryExtension (dpy, &damage_event_base, &error_base)
        && XDamageQueryVersion (dpy, &major, &minor)
        && XFixesQueryExtension (dpy, &major, &error_base))
      {
        major = 2;
        minor = 0;
        XFixesQueryVersion (dpy, &major, &minor);
        have_damage = 1;
      }
  }
#endif
#ifdef HAVE_XSHM
  have_shm = !no_shm && XShmQueryExtension (dpy);
  if (have_shm)
    shm_image_for (64, 64);  /* clears have_shm if attaching fails */
#endif
  XSelectInput (dpy, root, SubstructureNotifyMask);
  XSync (dpy, False);

  printf ("settled-content: %d runs of each program, interleaved, after 1 warm-up run each\n"
          "  first content = first grab with >= 2 colours; settled = last pixel change "
          "before %d ms unchanged\n"
          "  window grabbed %s%s\n",
          n_runs, quiet_ms,
          have_damage ? "on XDamage reports" : "every 50 ms (no XDamage: coarser times)",
#ifdef HAVE_XSHM
          have_shm ? ", through shared memory" :
#endif
          " (XGetImage: slow, loads the X server)");
  fflush (stdout);

  getrusage (RUSAGE_SELF, &usage_before);
  for (int i = 0; i < n_programs; i++)
    {
      RunResult r = run_once (programs[i].command);

      if (isnan (r.map_ms))
        programs[i].failed = 1;
      total_runs++;
    }
  for (int run = 0; run < n_runs; run++)
    for (int i = 0; i < n_programs; i++)
      {
        RunResult r;

        if (verbose)
          fprintf (stderr, "%s run %d:\n", programs[i].name, run + 1);
        r = run_once (programs[i].command);
        programs[i].runs[programs[i].n_runs++] = r;
        if (isnan (r.map_ms) || isnan (r.settled_ms))
          programs[i].failed = 1;
        total_runs++;
      }
  getrusage (RUSAGE_SELF, &usage_after);
  watcher_ms = (usage_after.ru_utime.tv_sec - usage_before.ru_utime.tv_sec
                + usage_after.ru_stime.tv_sec - usage_before.ru_stime.tv_sec) * 1000.0
               + (usage_after.ru_utime.tv_usec - usage_before.ru_utime.tv_usec
                  + usage_after.ru_stime.tv_usec - usage_before.ru_stime.tv_usec) / 1000.0;

  {
    double base_content = stats (&programs[0], offsetof (RunResult, content_ms), NULL, NULL);
    double base_settled = stats (&programs[0], offsetof (RunResult, settled_ms), NULL, NULL);
    double base_rss = stats (&programs[0], offsetof (RunResult, rss_mib), NULL, NULL);

    printf ("\n%-12s %27s %27s %9s %9s\n", "program", "first content ms (ratio)",
            "settled ms (ratio)", "RSS MiB", "HWM MiB");
    for (int i = 0; i < n_programs; i++)
      {
        const Program *p = &programs[i];
        double c_min, c_max, s_min, s_max;
        double content = stats (p, offsetof (RunResult, content_ms), &c_min, &c_max);
        double settled = stats (p, offsetof (RunResult, settled_ms), &s_min, &s_max);
        double rss = stats (p, offsetof (RunResult, rss_mib), NULL, NULL);
        double hwm = stats (p, offsetof (RunResult, hwm_mib), NULL, NULL);

        printf ("%-12s %7.0f (%4.2fx) %5.0f-%-5.0f %7.0f (%4.2fx) %5.0f-%-5.0f %9.1f %9.1f\n",
                p->name, content, content / base_content, c_min, c_max,
                settled, settled / base_settled, s_min, s_max, rss, hwm);
      }
    printf ("  (median, then min-max over %d runs; ms after spawn; RSS and HWM at settling)\n", n_runs);
    for (int i = 1; i < n_programs; i++)
      printf ("settled ratio %s / %s: %.2fx   (RSS %+.1f MiB)\n", programs[i].name, programs[0].name,
              stats (&programs[i], offsetof (RunResult, settled_ms), NULL, NULL) / base_settled,
              stats (&programs[i], offsetof (RunResult, rss_mib), NULL, NULL) - base_rss);
    for (int i = 0; i < n_programs; i++)
      {
        const Program *p = &programs[i];

        printf ("raw %-8s settled", p->name);
        for (int j = 0; j < p->n_runs; j++)
          printf (" %.0f", p->runs[j].settled_ms);
        printf ("  first content");
        for (int j = 0; j < p->n_runs; j++)
          printf (" %.0f", p->runs[j].content_ms);
        printf ("  grabs");
        for (int j = 0; j < p->n_runs; j++)
          printf (" %d", p->runs[j].grabs);
        printf ("\n");
      }
    printf ("watcher CPU: %.1f ms per run\n", watcher_ms / total_runs);
  }

  for (int i = 0; i < n_programs; i++)
    if (programs[i].failed)
      {
        fprintf (stderr, "settled-content: %s: a run showed no window or did not settle\n",
                 programs[i].name);
        status = 1;
      }
#ifdef HAVE_XSHM
  shm_image_free ();
#endif
  XCloseDisplay (dpy);
  return status;
}
