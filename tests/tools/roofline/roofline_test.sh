#!/usr/bin/env bash
# roofline_test.sh TOOL WORK_DIR
#
# Feeds dlmath-bench-roofline a tiny Google Benchmark JSON with the roofline
# (triad 20 GB/s as the median of repetitions whose mean is not 20; FMA peak
# 100 GFLOP/s), a memory-bound kernel (stream: 0.125 flop/byte, GB/s
# counter, three repetitions without an aggregate, and a smaller size that
# must not be the point), a compute-bound one (gemm: 40 flop/byte, GFLOP/s
# counter, and a ladder step that must not be a point) and a time-only one
# (svd, left out), and checks the table line by line: intensity, attained
# GFLOP/s (intensity x GB/s, or the GFLOP/s counter) and the roof
# min(peak, triad x intensity). Then: no roofline in the run (no roof, the
# figure says so), a missing file and malformed JSON (non-zero exit, the
# file named).
set -uo pipefail
tool=$1 work=$2
rm -rf "$work" && mkdir -p "$work"
fail() { echo "FAIL: $*" >&2; exit 1; }

run() {  # name repetition counters...
  echo "{\"name\": \"$1/real_time\", \"run_name\": \"$1/real_time\", \"run_type\": \"iteration\", \"repetition_index\": $2, \"real_time\": 1.0, \"time_unit\": \"ms\"$3},"
}
kernels() {
  run stream/reference/1000000/1000000 0 ', "GB/s": 4.0, "flop_per_byte": 0.125'
  run stream/fast/1000/1000 0 ', "GB/s": 50.0, "flop_per_byte": 0.125'
  run stream/fast/1000000/1000000 0 ', "GB/s": 10.0, "flop_per_byte": 0.125'
  run stream/fast/1000000/1000000 1 ', "GB/s": 30.0, "flop_per_byte": 0.125'
  run stream/fast/1000000/1000000 2 ', "GB/s": 12.0, "flop_per_byte": 0.125'
  run gemm/step1/512/512 0 ', "GFLOP/s": 5.0, "flop_per_byte": 40.0'
  run gemm/fast/512/512 0 ', "GFLOP/s": 80.0, "flop_per_byte": 40.0'
  run gemm/library/512/512 0 ', "GFLOP/s": 90.0, "flop_per_byte": 40.0'
  echo '{"name": "svd/fast/128/128/real_time", "run_name": "svd/fast/128/128/real_time", "run_type": "iteration", "real_time": 3.0, "time_unit": "ms"}'
}
roofline() {
  echo '{"name": "roofline/triad/real_time_mean", "run_name": "roofline/triad/real_time", "run_type": "aggregate", "aggregate_name": "mean", "real_time": 1.0, "time_unit": "ms", "GB/s": 25.0, "threads": 2},'
  echo '{"name": "roofline/triad/real_time_median", "run_name": "roofline/triad/real_time", "run_type": "aggregate", "aggregate_name": "median", "real_time": 1.0, "time_unit": "ms", "GB/s": 20.0, "threads": 2},'
  echo '{"name": "roofline/fma/real_time_median", "run_name": "roofline/fma/real_time", "run_type": "aggregate", "aggregate_name": "median", "real_time": 1.0, "time_unit": "ms", "GFLOP/s": 100.0, "simd_width": 4, "threads": 2},'
}
{ echo '{"context": {"num_cpus": 2}, "benchmarks": ['; roofline; kernels; echo ']}'; } > "$work/results.json"

mkdir -p "$work/measured"
"$tool" "$work/results.json" "$work/measured" 2> "$work/measured.err" || { cat "$work/measured.err" >&2; fail "the tool failed on a valid run"; }
expected='kernel,case,size,flop_per_byte,gflops,roof_gflops,number
stream,reference,1000000,0.125,0.5,2.5,1
stream,fast,1000000,0.125,1.5,2.5,1
gemm,fast,512,40,80,100,2
gemm,library,512,40,90,100,2'
actual=$(cat "$work/measured/roofline.csv")
[ "$actual" = "$expected" ] || fail "roofline.csv is
$actual
expected
$expected"
[ -s "$work/measured/roofline.svg" ] || fail "no roofline.svg written"
grep -q '4 doubles per SIMD register, 2 threads' "$work/measured/roofline.svg" || fail "the title does not name the SIMD width and threads"
grep -q 'ridge 5 flop/byte' "$work/measured/roofline.svg" || fail "the ridge point (100/20 = 5) is not marked"
grep -q 'svd' "$work/measured.err" || fail "the time-only kernel is not named as left out"

# A run without the roofline: the points, no roof, and the figure says so.
{ echo '{"benchmarks": ['; kernels; echo ']}'; } > "$work/kernels.json"
mkdir -p "$work/unmeasured"
"$tool" "$work/kernels.json" "$work/unmeasured" 2> "$work/unmeasured.err" || { cat "$work/unmeasured.err" >&2; fail "the tool failed on a run without the roofline"; }
line=$(grep '^gemm,fast,' "$work/unmeasured/roofline.csv")
[ "$line" = "gemm,fast,512,40,80,,2" ] || fail "without the roofline the gemm row is '$line'"
grep -q 'not measured' "$work/unmeasured/roofline.svg" || fail "the figure without a roofline does not say 'not measured'"
grep -q 'not measured' "$work/unmeasured.err" || fail "the tool does not say the roofline was not measured"

# Bad input: a clear message naming the file, a non-zero exit.
"$tool" "$work/absent.json" "$work" 2> "$work/absent.err" && fail "a missing file exits 0"
grep -q "cannot open $work/absent.json" "$work/absent.err" || fail "a missing file: $(cat "$work/absent.err")"
printf '{"benchmarks": [ {"name": ' > "$work/broken.json"
"$tool" "$work/broken.json" "$work" 2> "$work/broken.err" && fail "malformed JSON exits 0"
grep -q "$work/broken.json is not valid JSON" "$work/broken.err" || fail "malformed JSON: $(cat "$work/broken.err")"
echo '{"something": 1}' > "$work/other.json"
"$tool" "$work/other.json" "$work" 2> "$work/other.err" && fail "JSON without benchmarks exits 0"
grep -q "$work/other.json has no \"benchmarks\" list" "$work/other.err" || fail "JSON without benchmarks: $(cat "$work/other.err")"
echo "roofline tool: table, figure and errors as expected"
