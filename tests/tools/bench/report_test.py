"""dlmath-bench-report on crafted Google Benchmark outputs.

A quiet run (the roofline, one kernel with reference, fast and library at
two sizes, the large one repeated), a contended run of the same, and an old
summary with one regression, one improvement, one change within its spread
and one kernel since removed. Every figure is chosen so that an inverted
ratio gives a different number (fast is 4× the reference, 2× the library).

usage: report_test.py path/to/dlmath-bench-report
"""
import json
import os
import subprocess
import sys
import tempfile

REPORT = sys.argv[1]
failures = []


def check(condition, what):
    if not condition:
        failures.append(what)


def close(a, b):
    return a is not None and b is not None and abs(a - b) <= 1e-9 * max(1.0, abs(b))


def iteration(name, real_time, unit, rate, **extra):
    entry = {"name": name, "run_name": name, "run_type": "iteration", "repetitions": 1,
             "iterations": 100, "real_time": real_time, "cpu_time": real_time, "time_unit": unit, "GB/s": rate}
    entry.update(extra)
    return entry


def aggregate(name, which, real_time, unit, rate, repetitions=3):
    return {"name": name + "_" + which, "run_name": name, "run_type": "aggregate", "repetitions": repetitions,
            "aggregate_name": which, "aggregate_unit": "percentage" if which == "cv" else "time",
            "iterations": repetitions, "real_time": real_time, "cpu_time": real_time, "time_unit": unit,
            "GB/s": rate}


def run(small, large, large_repetitions, roof=None):
    """small: {case: ns} at n = 1000; large: {case: (median s, cv, [repetitions in s] or None)} at 10^8;
    roof: the triad the fast case at 10^8 measured next to it (the counter "roof"), or None."""
    bytes_small, bytes_large = 16.0 * 1000, 16.0 * 1e8
    entries = []
    for case, ns in small.items():
        entries.append(iteration(f"dot/{case}/1000/real_time", ns, "ns", bytes_small / ns))
    for case, (median, cv, reps) in large.items():
        name = f"dot/{case}/100000000/repeats:3/real_time"
        extra = {"roof": roof} if roof is not None and case == "fast" else {}
        for i, seconds in enumerate(reps or []):
            entries.append(iteration(name, seconds * 1e3, "ms", bytes_large / seconds / 1e9,
                                     repetitions=large_repetitions, repetition_index=i, **extra))
        for which in ("mean", "median"):
            entries.append(aggregate(name, which, median * 1e3, "ms", bytes_large / median / 1e9))
            entries[-1].update(extra)
        entries.append(aggregate(name, "cv", cv, "ms", cv))
    return entries


# The roofline as Google Benchmark writes it: its own integer "threads",
# then the counter of the same name (the one that counts).
ROOFLINE = """
    {"name": "roofline/triad/min_time:0.500/repeats:5/real_time_median",
     "run_name": "roofline/triad/min_time:0.500/repeats:5/real_time", "run_type": "aggregate",
     "repetitions": 5, "threads": 1, "aggregate_name": "median", "aggregate_unit": "time", "iterations": 5,
     "real_time": 40.0, "cpu_time": 40.0, "time_unit": "ms", "GB/s": 20.0, "threads": 2.0},
    {"name": "roofline/fma/min_time:0.500/repeats:5/real_time_median",
     "run_name": "roofline/fma/min_time:0.500/repeats:5/real_time", "run_type": "aggregate",
     "repetitions": 5, "threads": 1, "aggregate_name": "median", "aggregate_unit": "time", "iterations": 5,
     "real_time": 30.0, "cpu_time": 30.0, "time_unit": "ms", "GFLOP/s": 100.0, "threads": 2.0,
     "simd_width": 4.0},
"""

CONTEXT = {"date": "2026-01-02T03:04:05+00:00", "host_name": "secret-host-name", "executable": "dlmath-bench",
           "num_cpus": 2, "mhz_per_cpu": 2000, "cpu_scaling_enabled": False, "caches": [],
           "library_build_type": "release"}


def write_run(path, entries):
    body = ",\n".join(json.dumps(e) for e in entries)
    with open(path, "w") as f:
        f.write('{"context": ' + json.dumps(CONTEXT) + ',\n "benchmarks": [' + ROOFLINE + body + "]}\n")


def report(*args):
    p = subprocess.run([REPORT, *args], capture_output=True, text=True, timeout=30)
    return p.returncode, p.stdout, p.stderr


def record(summary, kernel, size, case):
    found = [r for r in summary["records"] if (r["kernel"], r["size"], r["case"]) == (kernel, size, case)]
    check(len(found) == 1, f"one record for {kernel} {size} {case}, found {len(found)}")
    return found[0] if found else {}


tmp = tempfile.mkdtemp(prefix="dlmath-bench-report-test.")
quiet, contended, summary_path = (os.path.join(tmp, f) for f in ("results.json", "contended.json", "summary.json"))

# ---------------------------------------------------------------- the quiet run and its summary
write_run(quiet, run({"reference": 4000.0, "fast": 1000.0, "library": 2000.0},
                     {"reference": (0.4, 0.05, None), "fast": (0.1, 0.02, [0.09, 0.1, 0.11]),
                      "library": (0.2, 0.01, None)}, 3, roof=32.0))
rc, out, err = report("--summary", summary_path, quiet)
check(rc == 0, f"the quiet report exits 0 (got {rc}: {err})")
check("| dot | 10^3 | GB/s | 4.00 | 16.00 | 8.00 | 4.00× | 2.00× | 0.80 |" in out, "the quiet table's row at 10^3:\n" + out)
# at 10^8 the fast case measured its own roof, 32 GB/s, next to it: 16 / 32, not the run's 16 / 20
check("| dot | 10^8 | GB/s | 4.00 | 16.00 | 8.00 | 4.00× | 2.00× | 0.50* |" in out, "the quiet table's row at 10^8:\n" + out)
check("triad bandwidth 20.0 GB/s, FMA peak 100.0 GFLOP/s" in out, "the roofline in the heading")
check("contended" not in out, "no contended columns without a contended run")
text = open(summary_path).read()
s = json.loads(text)
check("secret-host-name" not in text, "the summary records no host name")
check(s["format"] == "dlmath-bench-summary 1", "the summary's format")
m = s["machine"]
check(m["logical_cores"] == 2 and m["simd_width"] == 4 and m["omp_threads"] == 2, f"the machine's counts: {m}")
check(m["date"] == CONTEXT["date"] and m["library_build_type"] == "release", f"the machine's context: {m}")
check("cpu" in m, "the machine's cpu field")
check(close(s["roofline"]["triad GB/s"], 20.0) and close(s["roofline"]["FMA peak GFLOP/s"], 100.0), "the roofline")
check(s["contended_roofline"] is None, "no contended roofline without a contended run")
check(len(s["records"]) == 6, f"six records (two sizes × three cases), got {len(s['records'])}")
check([r["case"] for r in s["records"][:3]] == ["reference", "fast", "library"], "the cases in order")
fast = record(s, "dot", 1000, "fast")
check(close(fast.get("seconds"), 1e-6) and close(fast.get("rate"), 16.0) and fast.get("unit") == "GB/s",
      f"the fast record's time and rate: {fast}")
check(close(fast.get("fast_over_reference"), 4.0), f"fast/reference is 4 (not 1/4): {fast.get('fast_over_reference')}")
check(close(fast.get("fast_over_library"), 2.0), f"fast/library is 2 (not 1/2): {fast.get('fast_over_library')}")
check(close(fast.get("roofline_fraction"), 0.8), f"the roofline fraction: {fast.get('roofline_fraction')}")
check("roof_next_to_case" in fast and fast["roof_next_to_case"] is None, f"no roof of its own at 10^3: {fast}")
check(fast.get("cv") is None and fast.get("min_seconds") is None and fast.get("repetitions") == 1,
      f"no spread for a case run once: {fast}")
check(fast.get("contended", 0) is None, "no contended figures without a contended run")
ref = record(s, "dot", 1000, "reference")
check("fast_over_reference" in ref and ref["fast_over_reference"] is None, "the ratios are on the fast record only")
big = record(s, "dot", 100000000, "fast")
check(close(big.get("seconds"), 0.1) and close(big.get("cv"), 0.02) and big.get("repetitions") == 3,
      f"the repeated case: the median and the cv aggregate: {big}")
check(close(big.get("min_seconds"), 0.09) and close(big.get("max_seconds"), 0.11), f"min and max seconds: {big}")
check(close(big.get("roof_next_to_case"), 32.0) and close(big.get("roofline_fraction"), 0.5),
      f"the roof measured next to the case, and the fraction of it: {big}")
lib = record(s, "dot", 100000000, "library")
check(close(lib.get("cv"), 0.01) and lib.get("min_seconds") is None, f"aggregates only: cv, no min/max: {lib}")

# ---------------------------------------------------------------- contended
# at 10^3 the fast case is slower than the reference and at 1/5 of its quiet rate
write_run(contended, run({"reference": 4000.0, "fast": 5000.0, "library": 2000.0},
                         {"reference": (0.4, 0.05, None), "fast": (0.125, 0.03, None), "library": (0.2, 0.01, None)}, 3))
rc, out, err = report("--summary", summary_path, "--contended", contended, quiet)
check(rc == 0, f"the contended report exits 0 (got {rc}: {err})")
check("| fast/reference contended | contended/quiet |" in out, "the contended columns:\n" + out)
check("| dot | 10^3 | GB/s | 4.00 | 16.00 | 8.00 | 4.00× | 2.00× | 0.80 | 0.80× ✗ | 0.20 ✗ |" in out,
      "the contended row at 10^3, both misses marked")
check("| dot | 10^8 | GB/s | 4.00 | 16.00 | 8.00 | 4.00× | 2.00× | 0.50* | 3.20× | 0.80 |" in out,
      "the contended row at 10^8")
s = json.load(open(summary_path))
c = record(s, "dot", 1000, "fast").get("contended") or {}
check(close(c.get("fast_over_reference"), 0.8) and close(c.get("fraction_of_quiet"), 0.2),
      f"the contended figures in the summary: {c}")
c = record(s, "dot", 100000000, "fast").get("contended") or {}
check(close(c.get("seconds"), 0.125) and close(c.get("cv"), 0.03) and close(c.get("fast_over_reference"), 3.2),
      f"the contended figures at 10^8: {c}")
check(s["contended_roofline"] is not None and close(s["contended_roofline"]["triad GB/s"], 20.0),
      "the contended roofline")

rc, out, err = report("--summary", summary_path, "--contended", contended)
check(rc == 0, f"the contended run alone exits 0 (got {rc}: {err})")
check("No quiet run" in out and "| dot | 10^3 | GB/s | 4.00 | 3.20 | 8.00 | 0.80× | 0.40× |" in out,
      "the contended run alone, said so:\n" + out)
s = json.load(open(summary_path))
alone = record(s, "dot", 1000, "fast")
check(alone.get("seconds") is None and close((alone.get("contended") or {}).get("fast_over_reference"), 0.8),
      f"without a quiet run the summary has the contended figures only: {alone}")

# ---------------------------------------------------------------- a disturbed case
# the fast case at 10^8 with one stalled repetition (cv 0.9): its median is shown, marked ~, and so are
# the ratios under contention that it enters; the others (cv 0.05 and 0.01, and 0.25 exactly) are not
noisy_path = os.path.join(tmp, "noisy.json")
write_run(noisy_path, run({"reference": 4000.0, "fast": 1000.0, "library": 2000.0},
                          {"reference": (0.4, 0.25, None), "fast": (0.1, 0.9, [0.09, 0.1, 0.6]),
                           "library": (0.2, 0.01, None)}, 3, roof=32.0))
rc, out, err = report(noisy_path)
check(rc == 0, f"the report of a disturbed run exits 0 (got {rc}: {err})")
check("| dot | 10^8 | GB/s | 4.00 | 16.00 ~ | 8.00 | 4.00× ~ | 2.00× ~ | 0.50* ~ |" in out,
      "the disturbed case marked ~, its neighbours not:\n" + out)
check("| dot | 10^3 | GB/s | 4.00 | 16.00 | 8.00 | 4.00× | 2.00× | 0.80 |" in out, "a case run once is not marked")
check("cv above 0.25" in out, "the mark explained")
rc, out, err = report("--contended", noisy_path, quiet)
check("| dot | 10^8 | GB/s | 4.00 | 16.00 | 8.00 | 4.00× | 2.00× | 0.50* | 4.00× ~ | 1.00 ~ |" in out,
      "the contended ratios of a disturbed case marked ~:\n" + out)

# ---------------------------------------------------------------- compare
old = {"format": "dlmath-bench-summary 1", "machine": {}, "roofline": {}, "contended_roofline": None, "records": [
    # fast at 10^8 was twice as fast: a regression (0.50×)
    {"kernel": "dot", "size": 100000000, "case": "fast", "seconds": 0.05, "rate": 32.0, "unit": "GB/s", "cv": 0.02},
    # the reference at 10^3 was twice as slow: an improvement (2.00×)
    {"kernel": "dot", "size": 1000, "case": "reference", "seconds": 8e-6, "rate": 2.0, "unit": "GB/s", "cv": None},
    # 1.12× but the old cv of 5 % allows ±15 %
    {"kernel": "dot", "size": 100000000, "case": "reference", "seconds": 0.448, "rate": 3.57, "unit": "GB/s",
     "cv": 0.05},
    {"kernel": "softmax", "size": 1000, "case": "fast", "seconds": 1e-6, "rate": 1.0, "unit": "GB/s", "cv": None},
]}
old_path = os.path.join(tmp, "old.json")
json.dump(old, open(old_path, "w"))
rc, out, err = report("--summary", summary_path, "--compare", old_path, quiet)
check(rc == 0, f"the comparison exits 0 (got {rc}: {err})")
check("## Compared with " + old_path in out, "the comparison's heading:\n" + out)
check("| dot | 10^8 | fast | GB/s | 32.00 | 16.00 | 0.50× | regression |" in out, "the regression")
check("| dot | 10^3 | reference | GB/s | 2.00 | 4.00 | 2.00× | improvement |" in out, "the improvement")
check("| dot | 10^8 | reference | GB/s | 3.57 | 4.00 | 1.12× | within ±15 % |" in out, "within the spread")
check("| softmax | all | all | – | – | – | – | removed |" in out, "the removed kernel")
check("| dot | 10^3 | fast | GB/s | – | 16.00 | – | added |" in out, "a case new to the run")
check("1 regression(s), 1 improvement(s), 1 within the spread; 3 added, 1 removed." in out, "the tally")

# ---------------------------------------------------------------- bad input
missing = os.path.join(tmp, "no-such-results.json")
rc, out, err = report(missing)
check(rc == 1 and "cannot open " + missing in err, f"a missing file is named: {rc} {err}")
bad = os.path.join(tmp, "broken.json")
open(bad, "w").write('{"benchmarks": [ {"name": ')
rc, out, err = report(bad)
check(rc == 1 and bad + " is not valid JSON" in err, f"malformed JSON is named: {rc} {err}")
rc, out, err = report(quiet, "--compare", bad)
check(rc == 1 and bad + " is not valid JSON" in err, f"a malformed old summary is named: {rc} {err}")
empty = os.path.join(tmp, "empty-summary.json")
json.dump({"format": "dlmath-bench-summary 1", "records": []}, open(empty, "w"))
rc, out, err = report(quiet, "--compare", empty)
check(rc == 1 and empty + " is a summary with no records" in err, f"an empty summary is named: {rc} {err}")
rc, out, err = report(quiet, "--compare", quiet)
check(rc == 1 and quiet + " is not a summary" in err, f"a results file is no summary: {rc} {err}")
notbench = os.path.join(tmp, "not-benchmark.json")
json.dump({"records": []}, open(notbench, "w"))
rc, out, err = report(notbench)
check(rc == 1 and notbench + " has no \"benchmarks\" array" in err, f"JSON that is not Google Benchmark's: {rc} {err}")
rc, out, err = report()
check(rc == 2 and "usage" in err, f"no input is a usage error: {rc} {err}")
rc, out, err = report(quiet, "--compare")
check(rc == 2 and "--compare needs a file" in err, f"an option without its file: {rc} {err}")

for f in failures:
    print("FAIL:", f)
print("PASS" if not failures else f"{len(failures)} check(s) failed")
sys.exit(1 if failures else 0)
