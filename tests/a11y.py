#!/usr/bin/python3
# tests/a11y.py — what a screen reader gets from the running app, through
# AT-SPI: starts Titrate with a teaching case, finds by role and name the age
# field, an alert row and a calendar day, and reads their names and
# descriptions. Exit 77 (skip) when AT-SPI cannot be used here: no display,
# no pyatspi, or no accessibility bus.
#
#   /usr/bin/python3 tests/a11y.py path/to/titrate [APP_ID]
#
# Copyright 2026 The Titrate authors
# SPDX-License-Identifier: GPL-3.0-or-later
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

SKIP = 77


def skip(why):
    print(f"SKIP: {why}")
    sys.exit(SKIP)


def fail(why):
    print(f"FAIL: {why}")
    sys.exit(1)


def in_private_bus():
    """Re-runs this script in its own session bus (the accessibility bus is
    activated from it), started inside the X display: X first, then the bus."""
    if os.environ.get("TITRATE_A11Y_PRIVATE_BUS") == "1":
        return
    if shutil.which("dbus-run-session") is None:
        skip("dbus-run-session not installed")
    env = dict(os.environ, TITRATE_A11Y_PRIVATE_BUS="1")
    os.execvpe("dbus-run-session", ["dbus-run-session", "--", sys.executable, *sys.argv], env)


def main():
    if len(sys.argv) < 2:
        print(__doc__)
        sys.exit(2)
    app_path = os.path.abspath(sys.argv[1])
    app_id = sys.argv[2] if len(sys.argv) > 2 else "io.github.titrate.Titrate"
    if not os.environ.get("DISPLAY"):
        skip("no X display (run under xvfb-run)")
    in_private_bus()

    try:
        import gi
        gi.require_version("Atspi", "2.0")
        from gi.repository import Gio, GLib
        import pyatspi
    except (ImportError, ValueError) as e:
        skip(f"pyatspi unavailable ({e}); use /usr/bin/python3 with python3-pyatspi")

    # The accessibility bus is D-Bus-activated (at-spi2-core).
    try:
        bus = Gio.bus_get_sync(Gio.BusType.SESSION, None)
        bus.call_sync("org.a11y.Bus", "/org/a11y/bus", "org.a11y.Bus", "GetAddress",
                      None, GLib.VariantType("(s)"), Gio.DBusCallFlags.NONE, 5000, None)
    except GLib.Error as e:
        skip(f"no accessibility bus ({e.message})")

    # Autosaves, recovered plans and recent files go to a scratch directory,
    # never the user's (and none left from elsewhere offers a restore).
    scratch = tempfile.mkdtemp(prefix="titrate-a11y-")
    env = dict(os.environ)
    env["TITRATE_STATE_DIR"] = os.path.join(scratch, "state")
    env["XDG_DATA_HOME"] = os.path.join(scratch, "data")
    env["GTK_A11Y"] = "atspi"          # "none" hides the app from AT-SPI
    env.pop("NO_AT_BRIDGE", None)
    env.setdefault("GSETTINGS_BACKEND", "memory")
    env.setdefault("ADW_DISABLE_PORTAL", "1")
    # The edited plan autosaves (and SIGTERM leaves it to recover): into a
    # throwaway folder, not the user's ~/.local/state.
    state_dir = tempfile.mkdtemp(prefix="titrate-a11y-")
    env["TITRATE_STATE_DIR"] = state_dir
    proc = subprocess.Popen([app_path, "--example", "older-adult-ckd"], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        check(pyatspi, app_id, proc)
    finally:
        proc.terminate()
        try:
            _, err = proc.communicate(timeout=5)
        except subprocess.TimeoutExpired:
            proc.kill()
            _, err = proc.communicate()
        shutil.rmtree(state_dir, ignore_errors=True)
        if err.strip():
            print("app stderr:\n" + err)
        shutil.rmtree(scratch, ignore_errors=True)
    print("PASS")


def find_app(pyatspi, app_id, proc, timeout=20.0):
    desktop = pyatspi.Registry.getDesktop(0)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            fail(f"the app exited with status {proc.returncode}")
        for i in range(desktop.childCount):
            app = desktop.getChildAtIndex(i)
            if app is not None and app.name in (app_id, "titrate", "Titrate"):
                return app
        time.sleep(0.2)
    fail(f"{app_id} never appeared on the accessibility bus")


def find(pyatspi, root, roles, predicate, what, timeout=15.0):
    """The first node with one of @roles whose name satisfies @predicate: the
    plan is built just after the first frame, so look again until it is."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        node = pyatspi.findDescendant(root, lambda n: n.getRole() in roles and predicate(n.name or ""))
        if node is not None:
            return node
        time.sleep(0.3)
    fail(f"no {what}")


def check(pyatspi, app_id, proc):
    app = find_app(pyatspi, app_id, proc)
    print(f"found {app.name!r} ({app.toolkitName} {app.toolkitVersion})")

    # The age field: an entry named by its title and unit, holding 78.
    # (GTK 4.8 exports an entry as "text"; later versions as "entry".)
    age = find(pyatspi, app, (pyatspi.ROLE_TEXT, pyatspi.ROLE_ENTRY), lambda n: n == "Age (years)",
               "age field named 'Age (years)'")
    text = age.queryText()
    value = text.getText(0, text.characterCount)    # getText(0, -1) is '' on GTK 4.8
    print(f"age field: name={age.name!r} text={value!r}")
    if value != "78":
        fail(f"the age field reads {value!r}, not '78'")

    # An alert row: severity in words, title and trigger in its name; when it
    # applies (and whether it needs acknowledging) in its description.
    alert = find(pyatspi, app, (pyatspi.ROLE_LIST_ITEM,),
                 lambda n: n.startswith("Major alert: Benzodiazepine"), "major alert row")
    print(f"alert row: name={alert.name!r} description={alert.description!r}")
    if "Comedication: lorazepam" not in alert.name:
        fail("the alert row's name lacks its trigger")
    if "whole plan" not in alert.description or "Acknowledge" not in alert.description:
        fail("the alert row's description lacks when it applies and the acknowledgement")

    # A calendar day: a table cell with date, plan day, phase, daily total
    # with unit, and "alert from this day".
    day = find(pyatspi, app, (pyatspi.ROLE_TABLE_CELL,),
               lambda n: n.startswith("Sunday 10 January 2027"), "calendar cell for 10 January 2027")
    print(f"calendar cell: name={day.name!r}")
    for part in ("plan day 7", "step-up", "45 mg/day", "above the maximum", "1 alert applies from this day"):
        if part not in day.name:
            fail(f"the calendar cell's name lacks {part!r}")
    grid = day.parent
    while grid is not None and grid.getRole() != pyatspi.ROLE_TABLE:
        grid = grid.parent
    if grid is None or grid.name != "Titration calendar":
        fail("the calendar cell is not in a table named 'Titration calendar'")

    # Every interactive widget on screen has a name a screen reader can say
    # (GTK 4.8 reports an unnamed widget by its type name, e.g. 'GtkButton').
    check_all_named(pyatspi, app)


INTERACTIVE = ("ROLE_PUSH_BUTTON", "ROLE_TOGGLE_BUTTON", "ROLE_CHECK_BOX", "ROLE_RADIO_BUTTON",
               "ROLE_COMBO_BOX", "ROLE_TEXT", "ROLE_ENTRY", "ROLE_SPIN_BUTTON", "ROLE_SLIDER",
               "ROLE_SWITCH", "ROLE_LINK", "ROLE_TABLE_CELL", "ROLE_PAGE_TAB")


# A mnemonic underscore ("_Dialysis", "S_uggest") is for the keyboard, not
# for a screen reader to spell out; a doubled double underscore is a literal.
MNEMONIC = re.compile(r"(?<![_\w])_[^\W_]|(?<=[^\W_])_[^\W_]")
# One or more words said twice in a row ("Save Save", "Add Step Add Step"):
# a name read from a label and again from the same label.
REPEATED = re.compile(r"(?<!\S)(\S+(?:\s+\S+)*)\s+\1(?!\S)")


def name_defect(name):
    """Why a screen reader would say @name wrongly, or None."""
    if MNEMONIC.search(name):
        return "a raw mnemonic underscore"
    for m in REPEATED.finditer(name):
        if re.search(r"[^\W\d_]", m.group(1)):     # words, not "10 10 mg"
            return f"{m.group(1)!r} said twice"
    return None


def check_all_named(pyatspi, app):
    roles = {getattr(pyatspi, r) for r in INTERACTIVE if hasattr(pyatspi, r)}
    unnamed = []
    garbled = []
    seen = 0

    def walk(node, depth=0):
        nonlocal seen
        if node is None or depth > 60:
            return
        try:
            role = node.getRole()
            # GTK 4.8 does not export "showing"; "visible" it does.
            showing = node.getState().contains(pyatspi.STATE_VISIBLE)
        except Exception as e:
            if os.environ.get("A11Y_DEBUG"):
                print("walk error", e)
            role, showing = None, False
        if role in roles and showing:
            seen += 1
            name = (node.name or "").strip()
            if not name or re.fullmatch(r"(Gtk|Adw|Titrate)[A-Z]\w*", name):
                unnamed.append(f"{node.getRoleName()} {name!r} in {node.parent.getRoleName() if node.parent else '?'}")
            elif name_defect(name):
                garbled.append(f"{node.getRoleName()} {name!r}: {name_defect(name)}")
        for i in range(node.childCount):
            walk(node.getChildAtIndex(i), depth + 1)

    walk(app)
    print(f"interactive widgets on screen: {seen}, unnamed: {len(unnamed)}, garbled names: {len(garbled)}")
    if seen < 20:
        fail(f"only {seen} interactive widgets found: the walk did not reach the window")
    if unnamed:
        fail("interactive widgets without a name:\n  " + "\n  ".join(unnamed))
    if garbled:
        fail("names a screen reader would say wrongly:\n  " + "\n  ".join(garbled))


if __name__ == "__main__":
    main()
