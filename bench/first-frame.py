#!/usr/bin/python3
# bench/first-frame.py — time to the first painted frame: Titrate vs a bare
# libadwaita window (AdwApplicationWindow + header bar + label), measured in
# the same run on the same machine. Run it through bench/first-frame.sh,
# which provides Xvfb, a session bus and the CI environment.
#
# Each program prints "first-frame-us <CLOCK_MONOTONIC µs>" at its first
# frame clock after-paint (TITRATE_FIRST_FRAME=1) and quits; the harness
# takes CLOCK_MONOTONIC just before spawning it. 1 warm-up run, then N runs
# each, interleaved; prints the medians and their ratio.
import os
import statistics
import subprocess
import sys
import time

def run_once(argv, env):
    t0 = time.monotonic_ns() // 1000
    out = subprocess.run(argv, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                         timeout=60, check=False).stdout.decode()
    for line in out.splitlines():
        if line.startswith("first-frame-us "):
            return (int(line.split()[1]) - t0) / 1000.0
    raise RuntimeError(f"{argv[0]}: no first-frame line (output: {out!r})")

def main():
    build = sys.argv[1] if len(sys.argv) > 1 else "_build"
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 10
    app = os.path.join(build, "src/app/titrate")
    baseline = os.path.join(build, "bench/first-frame-baseline")
    env = dict(os.environ)
    env.update({
        "TITRATE_FIRST_FRAME": "1",
        "TITRATE_QUIT_DELAY_MS": "0",
        "GSETTINGS_BACKEND": "memory",
        "GSETTINGS_SCHEMA_DIR": os.path.join(build, "data"),
    })
    programs = [("bare libadwaita window", [baseline]), ("Titrate", [app])]
    times = {name: [] for name, _ in programs}
    for name, argv in programs:          # warm-up (page cache, font cache)
        run_once(argv, env)
    for _ in range(runs):
        for name, argv in programs:
            times[name].append(run_once(argv, env))
    for name, _ in programs:
        t = sorted(times[name])
        print(f"{name:24s} median {statistics.median(t):7.1f} ms   "
              f"(min {t[0]:.1f}, max {t[-1]:.1f}, n={len(t)})")
    ratio = statistics.median(times["Titrate"]) / statistics.median(times["bare libadwaita window"])
    # The plan is built before the first frame (time to usable content is
    # what counts: an X-side settled-pixels measurement gives it), so this
    # ratio is informative only.
    print(f"first frame ratio Titrate / bare libadwaita: {ratio:.2f}x (first frame with content)")

if __name__ == "__main__":
    main()
