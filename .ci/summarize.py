#!/usr/bin/python3
# .ci/summarize.py: one closing line 'N passed, N failed, N skipped' from meson
# testlog.json files (TAP subtests counted).
import json, re, sys
passed = failed = skipped = 0
for path in sys.argv[1:]:
    for line in open(path):
        t = json.loads(line)
        tap = [l for l in t.get("stdout", "").splitlines() if re.match(r"(not )?ok \d+", l)]
        if tap and t["result"] in ("OK", "FAIL", "ERROR"):
            for l in tap:
                if re.search(r"#\s*SKIP", l, re.I): skipped += 1
                elif l.startswith("ok"): passed += 1
                else: failed += 1
            if t["result"] in ("FAIL", "ERROR") and not any(l.startswith("not ok") for l in tap):
                failed += 1          # crashed / bailed out after some oks
        elif t["result"] in ("OK", "EXPECTEDFAIL"): passed += 1
        elif t["result"] == "SKIP": skipped += 1
        else: failed += 1            # FAIL ERROR TIMEOUT UNEXPECTEDPASS
print(f"{passed} passed, {failed} failed, {skipped} skipped")
sys.exit(1 if failed else 0)
