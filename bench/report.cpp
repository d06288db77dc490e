// dlmath-bench-report [--summary FILE] [--compare OLD.json] [--contended FILE] [results.json]
//
// Reads Google Benchmark's JSON output (benchmarks named
// <kernel>/<case>/<size>, case = reference | fast | library) and prints one
// markdown table: per kernel and size, the rate of each case, the ratios
// fast/reference and fast/library (ratios of speed, i.e. of inverse times),
// and the fraction of this machine's roofline that the fast case reaches
// (memory-bound kernels against the triad bandwidth, compute-bound ones
// against the FMA peak, both measured in the same run; where the fast case
// measured its own roof just before it ran, the counter `roof` of
// bench/kit.hpp's roof_from, against that one). Vectors that fit in
// a cache are read faster than the triad's DRAM bandwidth, so their fraction
// can exceed 1; it is meaningful for the large sizes. Where a case was
// repeated, its rate is the median of the repetitions; where their cv
// exceeds 0.25 (a repetition stalled), that rate and every ratio and
// fraction it enters are marked ~.
//
// Kernels with a ladder (cases step1, step2, …, each labelled with what it
// changes) get a second table: per size, step 0 (the reference case), each
// step, and the fast case, with each one's speed-up over the row before it
// and over the reference. A step that failed its check is shown as failed.
//
// --contended FILE: the same benchmarks run beside a competing busy process.
// The table gains two columns: fast/reference under contention (the target
// is ≥ 1) and the fast case's contended rate over its quiet rate (the
// target is ≥ 0.5); a cell that misses its target is marked ✗. Without a
// quiet results.json the table shows the contended run alone.
//
// --compare OLD.json: an older summary (below). After the tables, one table
// per kernel, size and case in both: the old and the new rate (or time) and
// the change new/old as a speed ratio. A change beyond the spread,
// max(3·cv_old, 3·cv_new, 10 %), is flagged: a regression below 1/(1 + that),
// an improvement above 1 + that. Kernels (or sizes and cases) found in only
// one of the two are listed as added or removed.
//
// --summary FILE: writes a record of the run, the file that --compare reads:
//   format           "dlmath-bench-summary 1"
//   machine          cpu (the model name in /proc/cpuinfo, null where it
//                    is not readable), logical_cores, mhz_per_cpu,
//                    simd_width (doubles per SIMD register, the simd_width
//                    counter of roofline/fma), omp_threads (its threads
//                    counter), date and library_build_type (Google
//                    Benchmark's context; no host name is recorded)
//   roofline         "triad GB/s" and "FMA peak GFLOP/s" of the quiet run
//                    (null where not measured)
//   contended_roofline  the same measured under contention, or null
//   records          one per kernel, size and case:
//     kernel, size, case, label (a ladder step's change, or null)
//     error          the message of a case that failed, or null
//     seconds        real time per call (the median where repeated)
//     rate, unit     GFLOP/s or GB/s; both null for time-only kernels
//     repetitions    how many times the case ran (1 if not repeated)
//     cv             coefficient of variation of the time over the
//                    repetitions (Google Benchmark's _cv aggregate), or null
//     min_seconds, max_seconds  over the repetitions where each repetition
//                    is in the file (not with ReportAggregatesOnly), or null
//     fast_over_reference, fast_over_library  speed ratios, on the fast
//                    record only (null elsewhere or where a case is missing)
//     roofline_fraction  rate over the triad bandwidth or the FMA peak:
//                    the roof the case measured next to it where it did,
//                    else the run's
//     roof_next_to_case  that roof (GB/s or GFLOP/s, as the rate), or null
//     contended      null, or {seconds, rate, cv, fast_over_reference,
//                    fast_over_library, fraction_of_quiet}: the same case
//                    under contention; fraction_of_quiet = contended rate
//                    over quiet rate
// Every record has every field; a figure that does not exist is null. With
// no quiet run, the quiet figures are null and only `contended` is filled.
//
// A file that cannot be opened or read, or an old summary with no records,
// stops the report with a message naming the file and exit status 1; a
// wrong command line exits with 2.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

namespace {

using nlohmann::json;
using ordered = nlohmann::ordered_json;  // the summary keeps its fields in the documented order

struct Case {
    double seconds = 0.0;   // real time per iteration (the median where repeated)
    std::string unit;       // "GB/s", "GFLOP/s" or ""
    double rate = 0.0;
    std::string label;      // a ladder step: what it changes
    std::string error;      // the case reported an error instead of a time
    int repetitions = 1;
    bool from_median = false;  // seconds and rate are the median of the repetitions
    std::optional<double> cv;  // of the time over the repetitions
    std::optional<double> min_seconds, max_seconds;
    std::optional<double> roof;  // the roof the case measured just before it ran (kit.hpp's roof_from)
};

// "step3" -> 3; anything else -> 0.
int step_number(const std::string& kase) {
    if (kase.rfind("step", 0) != 0 || kase.size() == 4) return 0;
    for (std::size_t i = 4; i < kase.size(); ++i)
        if (kase[i] < '0' || kase[i] > '9') return 0;
    return std::stoi(kase.substr(4));
}

// The order of the cases in a kernel's records: reference, the ladder's
// steps, fast, library, anything else.
int case_rank(const std::string& kase) {
    if (kase == "reference") return 0;
    if (const int k = step_number(kase); k > 0) return k;
    if (kase == "fast") return 1'000'000;
    if (kase == "library") return 1'000'001;
    return 1'000'002;
}

using Key = std::pair<std::string, long long>;  // (kernel, size)

struct Row {
    std::string kernel;
    long long size = 0;
    std::map<std::string, Case> cases;
    const Case* find(const std::string& k) const {
        auto it = cases.find(k);
        return it == cases.end() ? nullptr : &it->second;
    }
};

// One run of the benchmark binary: its rows in the order they ran, and
// the roofline measured in it.
struct Run {
    std::string file;
    json context = json::object();
    std::optional<double> triad, peak, simd_width, threads;
    std::vector<Row> rows;
    std::map<Key, std::size_t> index;
    const Row* find(const Key& k) const {
        auto it = index.find(k);
        return it == index.end() ? nullptr : &rows[it->second];
    }
};

double to_seconds(double t, const std::string& unit) {
    if (unit == "ns") return t * 1e-9;
    if (unit == "us") return t * 1e-6;
    if (unit == "ms") return t * 1e-3;
    return t;
}

std::string fixed(double v, int digits) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", digits, v);
    return buf;
}

std::string human_size(long long n) {
    // 1000 -> 10^3, 100000000 -> 10^8; other sizes as they are
    long long p = 10;
    for (int e = 1; e <= 18 && p <= n; ++e, p *= 10) {
        if (p == n && e >= 3) return "10^" + std::to_string(e);
    }
    return std::to_string(n);
}

json read_json(const std::string& file) {
    std::ifstream in(file);
    if (!in) throw std::runtime_error("cannot open " + file);
    try {
        json j;
        in >> j;
        return j;
    } catch (const std::exception& e) {
        throw std::runtime_error(file + " is not valid JSON: " + e.what());
    }
}

// ---------------------------------------------------------------- reading a run

// One entry of the "benchmarks" array into its case. Each repetition
// (run_type "iteration") gives a time; the median aggregate, where there is
// one, replaces it; the cv aggregate gives the spread.
void add_entry(Case& c, const json& b) {
    const std::string run_type = b.value("run_type", "iteration");
    const std::string aggregate = b.value("aggregate_name", "");
    const double seconds = to_seconds(b.value("real_time", 0.0), b.value("time_unit", "ns"));
    if (run_type == "aggregate" && aggregate == "cv") {
        c.cv = b.value("real_time", 0.0);  // a fraction (aggregate_unit "percentage")
        return;
    }
    if (run_type == "aggregate" && aggregate != "median") return;
    if (run_type == "iteration" && b.contains("repetition_index")) {
        c.min_seconds = c.min_seconds ? std::min(*c.min_seconds, seconds) : seconds;
        c.max_seconds = c.max_seconds ? std::max(*c.max_seconds, seconds) : seconds;
    }
    if (run_type == "iteration" && c.from_median) return;
    c.from_median = run_type == "aggregate";
    c.repetitions = std::max(1, b.value("repetitions", 1));
    c.label = b.value("label", "");
    c.error = b.value("error_occurred", false) ? b.value("error_message", std::string("error")) : "";
    c.seconds = c.error.empty() ? seconds : 0.0;
    c.unit.clear();
    c.rate = 0.0;
    c.roof = b.contains("roof") && b["roof"].is_number() ? std::optional<double>(b["roof"].get<double>()) : std::nullopt;
    for (const char* unit : {"GFLOP/s", "GB/s"}) {
        if (b.contains(unit) && b[unit].is_number()) {
            c.unit = unit;
            c.rate = b[unit].get<double>();
            break;
        }
    }
}

Run read_run(const std::string& file) {
    Run run;
    run.file = file;
    const json j = read_json(file);
    if (!j.is_object() || !j.contains("benchmarks") || !j["benchmarks"].is_array())
        throw std::runtime_error(file + " has no \"benchmarks\" array: not Google Benchmark's JSON output");
    run.context = j.value("context", json::object());
    std::map<std::string, Case> roofline;  // "triad", "fma"
    std::map<std::string, json> roofline_entry;
    try {
        for (const auto& b : j["benchmarks"]) {
            const std::string run_type = b.value("run_type", "iteration");
            if (run_type != "iteration" && run_type != "aggregate") continue;
            // the name without the aggregate's suffix: <kernel>/<case>/<size>[/...]
            const std::string name = b.value("run_name", b.at("name").get<std::string>());
            if (name.rfind("roofline/", 0) == 0) {
                const std::string which = name.substr(9, name.find('/', 9) - 9);
                add_entry(roofline[which], b);
                if (run_type == "iteration" || b.value("aggregate_name", "") == "median") roofline_entry[which] = b;
                continue;
            }
            const auto p1 = name.find('/');
            const auto p2 = p1 == std::string::npos ? p1 : name.find('/', p1 + 1);
            if (p2 == std::string::npos) continue;
            const std::string kernel = name.substr(0, p1);
            const std::string kase = name.substr(p1 + 1, p2 - p1 - 1);
            const auto p3 = name.find('/', p2 + 1);
            const std::string size_text = name.substr(p2 + 1, p3 == std::string::npos ? std::string::npos : p3 - p2 - 1);
            if (size_text.empty() || size_text.find_first_not_of("0123456789") != std::string::npos) continue;
            const long long size = std::stoll(size_text);
            const Key key{kernel, size};
            if (!run.index.count(key)) {
                run.index[key] = run.rows.size();
                run.rows.push_back({kernel, size, {}});
            }
            add_entry(run.rows[run.index[key]].cases[kase], b);
        }
    } catch (const json::exception& e) {
        throw std::runtime_error(file + ": an entry of \"benchmarks\" is malformed: " + e.what());
    }
    if (roofline.count("triad") && roofline["triad"].unit == "GB/s") run.triad = roofline["triad"].rate;
    if (roofline.count("fma") && roofline["fma"].unit == "GFLOP/s") run.peak = roofline["fma"].rate;
    if (roofline_entry.count("fma")) {
        const json& fma = roofline_entry["fma"];
        // Google Benchmark writes its own integer "threads" before the
        // counters; the counter of the same name comes last and wins.
        if (fma.contains("simd_width") && fma["simd_width"].is_number()) run.simd_width = fma["simd_width"].get<double>();
        if (fma.contains("threads") && fma["threads"].is_number()) run.threads = fma["threads"].get<double>();
    }
    return run;
}

// ---------------------------------------------------------------- figures

bool usable(const Case* c) { return c && c->error.empty() && c->seconds > 0; }

// The speed of a over that of b (b's time over a's), or nothing.
std::optional<double> speed_ratio(const Case* a, const Case* b) {
    if (!usable(a) || !usable(b)) return std::nullopt;
    return b->seconds / a->seconds;
}

std::optional<double> roofline_fraction(const Case* c, const Run& run) {
    if (!usable(c)) return std::nullopt;
    if (!c->unit.empty() && c->roof && *c->roof > 0) return c->rate / *c->roof;
    if (c->unit == "GB/s" && run.triad && *run.triad > 0) return c->rate / *run.triad;
    if (c->unit == "GFLOP/s" && run.peak && *run.peak > 0) return c->rate / *run.peak;
    return std::nullopt;
}

std::string times(std::optional<double> r) { return r ? fixed(*r, 2) + "×" : std::string("–"); }

// A repeated case whose repetitions disagree by more than this (the cv of
// its time) ran while something else disturbed the machine: one stalled
// repetition among five gives a cv near 1. Its median is shown, marked ~,
// to be measured again before it is read.
constexpr double noisy_cv = 0.25;

bool noisy(const Case* c) { return c && c->cv && *c->cv > noisy_cv; }

// a speed ratio, marked ~ where either case was disturbed
std::string ratio_cell(const Case* a, const Case* b) {
    const auto r = speed_ratio(a, b);
    return times(r) + (r && (noisy(a) || noisy(b)) ? " ~" : "");
}

std::string cell(const Case* c) {
    if (!c) return "–";
    if (!c->error.empty()) return "failed";
    const std::string mark = noisy(c) ? " ~" : "";
    if (!c->unit.empty()) return fixed(c->rate, 2) + mark;
    return fixed(c->seconds * 1e3, 3) + " ms" + mark;
}

ordered maybe(std::optional<double> v) { return v ? ordered(*v) : ordered(nullptr); }
ordered maybe_count(std::optional<double> v) { return v ? ordered(std::lround(*v)) : ordered(nullptr); }

// ---------------------------------------------------------------- the tables

void print_main_table(const Run& run, const Run* contended, bool contended_alone) {
    const auto& ctx = run.context;
    std::cout << "## dlmath benchmarks" << (contended_alone ? " under contention" : "") << "\n\n"
              << "Machine: " << ctx.value("num_cpus", 0) << " CPUs, nominal clock " << ctx.value("mhz_per_cpu", 0)
              << " MHz (the kernels may run at a boost clock above it)"
              << "; roofline measured in the same run: triad bandwidth "
              << (run.triad ? fixed(*run.triad, 1) + " GB/s" : std::string("not measured")) << ", FMA peak "
              << (run.peak ? fixed(*run.peak, 1) + " GFLOP/s" : std::string("not measured")) << ".\n\n";
    if (contended_alone)
        std::cout << "No quiet run to set beside it (run `./course bench` without --contended first): these are the "
                     "rates and ratios measured beside a competing busy process alone.\n\n";
    std::cout << "Rates are GB/s for memory-bound kernels and GFLOP/s for compute-bound ones; ratios compare "
                 "speeds (inverse times) of the fast case against the others; 'roofline' is the fast case's "
                 "rate over the triad bandwidth or the FMA peak (above 1 for data that fits in a cache; meaningful for the large sizes). "
                 "Where a roofline target applies, the fast case measured that roof again just before it ran, and is set against it "
                 "(marked *): the machine's bandwidth drifts within minutes. "
                 "A rate marked ~ is the median of repetitions that disagree by more than a quarter (cv above "
              << fixed(noisy_cv, 2) << "), and so is every ratio it enters: the machine was disturbed while they "
                 "ran; measure that case again (a --benchmark_filter run) before reading it.\n\n";
    if (contended)
        std::cout << "Under contention (" << contended->file << ", beside a competing busy process): the fast case "
                     "over the reference, target ≥ 1, and the fast case's rate as a fraction of its quiet rate, "
                     "target ≥ 0.5; ✗ marks a miss.\n\n";
    std::cout << "| kernel | n | unit | reference | fast | library | fast/reference | fast/library | roofline |"
              << (contended ? " fast/reference contended | contended/quiet |" : "") << "\n"
              << "|---|---:|---|---:|---:|---:|---:|---:|---:|" << (contended ? "---:|---:|" : "") << "\n";
    for (const auto& r : run.rows) {
        // the columns of this table; ladder steps have a table of their own
        const Case *ref = r.find("reference"), *fast = r.find("fast"), *lib = r.find("library");
        const std::string unit = fast ? fast->unit : (ref ? ref->unit : "");
        const auto roof = roofline_fraction(fast, run);
        std::cout << "| " << r.kernel << " | " << human_size(r.size) << " | " << (unit.empty() ? "time" : unit) << " | "
                  << cell(ref) << " | " << cell(fast) << " | " << cell(lib) << " | " << ratio_cell(fast, ref) << " | "
                  << ratio_cell(fast, lib) << " | " << (roof ? fixed(*roof, 2) : "–")
                  << (roof && fast->roof ? "*" : "") << (roof && noisy(fast) ? " ~" : "") << " |";
        if (contended) {
            const Row* c = contended->find({r.kernel, r.size});
            const Case* cf = c ? c->find("fast") : nullptr;
            const auto vs_ref = c ? speed_ratio(cf, c->find("reference")) : std::nullopt;
            const auto of_quiet = c ? speed_ratio(cf, fast) : std::nullopt;
            const char* vs_ref_noise = noisy(cf) || (c && noisy(c->find("reference"))) ? " ~" : "";
            const char* of_quiet_noise = noisy(cf) || noisy(fast) ? " ~" : "";
            std::cout << " " << times(vs_ref) << (vs_ref && *vs_ref < 1.0 ? " ✗" : "") << (vs_ref ? vs_ref_noise : "")
                      << " | " << (of_quiet ? fixed(*of_quiet, *of_quiet < 0.1 ? 3 : 2) : "–")
                      << (of_quiet && *of_quiet < 0.5 ? " ✗" : "") << (of_quiet ? of_quiet_noise : "") << " |";
        }
        std::cout << "\n";
    }
}

void print_ladders(const Run& run) {
    bool header = false;
    for (const auto& r : run.rows) {
        std::map<int, std::pair<std::string, const Case*>> steps;  // step number -> (case, result)
        for (const auto& [kase, c] : r.cases)
            if (const int k = step_number(kase); k > 0) steps[k] = {kase, &c};
        if (steps.empty()) continue;
        if (!header) {
            std::cout << "\n## Ladders\n\n"
                      << "How a fast kernel got fast, one step at a time: step 0 is the reference, the last row the "
                         "fast twin as shipped (with its threading threshold); each speed-up is over the row "
                         "before and over the reference.\n\n"
                      << "| kernel | n | step | what changes | rate | unit | × previous | × reference | roofline |\n"
                      << "|---|---:|---|---|---:|---|---:|---:|---:|\n";
            header = true;
        }
        std::vector<std::tuple<std::string, std::string, const Case*>> ladder;  // (step, what, result)
        ladder.emplace_back("0", "reference", r.find("reference"));
        for (const auto& [k, entry] : steps) ladder.emplace_back(std::to_string(k), entry.second->label, entry.second);
        ladder.emplace_back("fast", "as shipped", r.find("fast"));
        const Case* ref = r.find("reference");
        const Case* previous = nullptr;
        for (const auto& [step, what, c] : ladder) {
            std::string rate = cell(c);
            if (c && !c->error.empty()) rate = "failed: " + c->error;
            const auto roof = roofline_fraction(c, run);
            std::cout << "| " << r.kernel << " | " << human_size(r.size) << " | " << step << " | " << what << " | "
                      << rate << " | " << (c && !c->unit.empty() ? c->unit : "time") << " | "
                      << times(speed_ratio(c, previous)) << " | " << times(speed_ratio(c, ref)) << " | "
                      << (roof ? fixed(*roof, 2) : "–") << " |\n";
            if (c) previous = c;
        }
    }
}

// ---------------------------------------------------------------- the summary

std::optional<std::string> cpu_model() {
    std::ifstream in("/proc/cpuinfo");
    std::string line;
    while (std::getline(in, line)) {
        if (line.rfind("model name", 0) != 0) continue;
        const auto colon = line.find(':');
        if (colon == std::string::npos) continue;
        const auto start = line.find_first_not_of(" \t", colon + 1);
        if (start != std::string::npos) return line.substr(start);
    }
    return std::nullopt;
}

ordered roofline_json(const Run& run) {
    return {{"triad GB/s", maybe(run.triad)}, {"FMA peak GFLOP/s", maybe(run.peak)}};
}

ordered summary(const Run* quiet, const Run* contended) {
    const Run& first = quiet ? *quiet : *contended;
    const auto& ctx = first.context;
    const auto model = cpu_model();
    ordered s;
    s["format"] = "dlmath-bench-summary 1";
    s["machine"] = {
        {"cpu", model ? ordered(*model) : ordered(nullptr)},
        {"logical_cores", ctx.contains("num_cpus") ? ordered(ctx["num_cpus"]) : ordered(nullptr)},
        {"mhz_per_cpu", ctx.contains("mhz_per_cpu") ? ordered(ctx["mhz_per_cpu"]) : ordered(nullptr)},
        {"simd_width", maybe_count(first.simd_width)},
        {"omp_threads", maybe_count(first.threads)},
        {"date", ctx.contains("date") ? ordered(ctx["date"]) : ordered(nullptr)},
        {"library_build_type", ctx.contains("library_build_type") ? ordered(ctx["library_build_type"]) : ordered(nullptr)},
    };
    s["roofline"] = quiet ? roofline_json(*quiet) : roofline_json(Run{});
    s["contended_roofline"] = contended ? roofline_json(*contended) : ordered(nullptr);

    // every (kernel, size): the quiet run's order, then those only contended
    std::vector<Key> keys;
    if (quiet)
        for (const auto& r : quiet->rows) keys.emplace_back(r.kernel, r.size);
    if (contended)
        for (const auto& r : contended->rows)
            if (!quiet || !quiet->find({r.kernel, r.size})) keys.emplace_back(r.kernel, r.size);

    ordered records = ordered::array();
    for (const auto& key : keys) {
        const Row* q = quiet ? quiet->find(key) : nullptr;
        const Row* c = contended ? contended->find(key) : nullptr;
        std::set<std::string> names;
        for (const Row* row : {q, c})
            if (row)
                for (const auto& [kase, _] : row->cases) names.insert(kase);
        std::vector<std::string> cases(names.begin(), names.end());
        std::stable_sort(cases.begin(), cases.end(),
                         [](const std::string& a, const std::string& b) { return case_rank(a) < case_rank(b); });
        for (const auto& kase : cases) {
            const Case* qc = q ? q->find(kase) : nullptr;
            const Case* cc = c ? c->find(kase) : nullptr;
            const Case* any = qc ? qc : cc;
            const bool is_fast = kase == "fast";
            ordered rec;
            rec["kernel"] = key.first;
            rec["size"] = key.second;
            rec["case"] = kase;
            rec["label"] = any->label.empty() ? ordered(nullptr) : ordered(any->label);
            rec["error"] = qc && !qc->error.empty() ? ordered(qc->error) : ordered(nullptr);
            rec["seconds"] = usable(qc) ? ordered(qc->seconds) : ordered(nullptr);
            rec["rate"] = usable(qc) && !qc->unit.empty() ? ordered(qc->rate) : ordered(nullptr);
            rec["unit"] = any->unit.empty() ? ordered(nullptr) : ordered(any->unit);
            rec["repetitions"] = qc ? qc->repetitions : 0;
            rec["cv"] = qc ? maybe(qc->cv) : ordered(nullptr);
            rec["min_seconds"] = qc ? maybe(qc->min_seconds) : ordered(nullptr);
            rec["max_seconds"] = qc ? maybe(qc->max_seconds) : ordered(nullptr);
            rec["fast_over_reference"] = is_fast && q ? maybe(speed_ratio(qc, q->find("reference"))) : ordered(nullptr);
            rec["fast_over_library"] = is_fast && q ? maybe(speed_ratio(qc, q->find("library"))) : ordered(nullptr);
            rec["roofline_fraction"] = quiet ? maybe(roofline_fraction(qc, *quiet)) : ordered(nullptr);
            rec["roof_next_to_case"] = qc ? maybe(qc->roof) : ordered(nullptr);
            if (cc) {
                rec["contended"] = {
                    {"seconds", usable(cc) ? ordered(cc->seconds) : ordered(nullptr)},
                    {"rate", usable(cc) && !cc->unit.empty() ? ordered(cc->rate) : ordered(nullptr)},
                    {"error", cc->error.empty() ? ordered(nullptr) : ordered(cc->error)},
                    {"cv", maybe(cc->cv)},
                    {"fast_over_reference", is_fast ? maybe(speed_ratio(cc, c->find("reference"))) : ordered(nullptr)},
                    {"fast_over_library", is_fast ? maybe(speed_ratio(cc, c->find("library"))) : ordered(nullptr)},
                    {"fraction_of_quiet", maybe(speed_ratio(cc, qc))},
                };
            } else {
                rec["contended"] = nullptr;
            }
            records.push_back(rec);
        }
    }
    s["records"] = records;
    return s;
}

// ---------------------------------------------------------------- comparing with an older summary

struct Record {
    std::optional<double> seconds, rate, cv;
    std::string unit, error;
};

using RecordKey = std::tuple<std::string, long long, std::string>;  // kernel, size, case

std::optional<double> number(const json& rec, const char* field) {
    if (!rec.contains(field) || !rec[field].is_number()) return std::nullopt;
    return rec[field].get<double>();
}

// The records of a summary that ran quietly (a time or an error), by key.
std::map<RecordKey, Record> quiet_records(const json& records) {
    std::map<RecordKey, Record> out;
    for (const auto& rec : records) {
        Record r;
        r.seconds = number(rec, "seconds");
        r.rate = number(rec, "rate");
        r.cv = number(rec, "cv");
        if (rec.contains("unit") && rec["unit"].is_string()) r.unit = rec["unit"].get<std::string>();
        if (rec.contains("error") && rec["error"].is_string()) r.error = rec["error"].get<std::string>();
        if (!r.seconds && r.error.empty()) continue;  // measured under contention only
        out[{rec["kernel"].get<std::string>(), rec["size"].get<long long>(), rec["case"].get<std::string>()}] = r;
    }
    return out;
}

// An older summary, checked: a missing field names the file and the record.
std::map<RecordKey, Record> read_summary(const std::string& file) {
    const json s = read_json(file);
    if (!s.is_object() || !s.contains("records") || !s["records"].is_array())
        throw std::runtime_error(file + " is not a summary of dlmath-bench-report: it has no \"records\" array");
    if (s["records"].empty()) throw std::runtime_error(file + " is a summary with no records: nothing to compare with");
    for (const auto& rec : s["records"])
        if (!rec.is_object() || !rec.contains("kernel") || !rec["kernel"].is_string() || !rec.contains("size") ||
            !rec["size"].is_number_integer() || !rec.contains("case") || !rec["case"].is_string())
            throw std::runtime_error(file + ": a record lacks its kernel, size or case: " + rec.dump());
    return quiet_records(s["records"]);
}

std::string value_cell(const Record& r) {
    if (!r.error.empty()) return "failed";
    if (r.rate && !r.unit.empty()) return fixed(*r.rate, 2);
    if (r.seconds) return fixed(*r.seconds * 1e3, 3) + " ms";
    return "–";
}

void print_comparison(const std::map<RecordKey, Record>& old, const std::map<RecordKey, Record>& now,
                      const std::string& old_file) {
    std::set<std::string> old_kernels, new_kernels;
    for (const auto& [k, _] : old) old_kernels.insert(std::get<0>(k));
    for (const auto& [k, _] : now) new_kernels.insert(std::get<0>(k));
    // by kernel and size, the cases in the order of the main table
    auto by_case = [](const RecordKey& a, const RecordKey& b) {
        return std::make_tuple(std::get<0>(a), std::get<1>(a), case_rank(std::get<2>(a)), std::get<2>(a)) <
               std::make_tuple(std::get<0>(b), std::get<1>(b), case_rank(std::get<2>(b)), std::get<2>(b));
    };
    std::set<RecordKey, decltype(by_case)> keys(by_case);
    for (const auto& [k, _] : old) keys.insert(k);
    for (const auto& [k, _] : now) keys.insert(k);

    std::cout << "\n## Compared with " << old_file << "\n\n"
              << "new/old compares speeds (inverse times); a change beyond the spread, max(3·cv old, 3·cv new, 10 %), "
                 "is a regression or an improvement.\n\n"
              << "| kernel | n | case | unit | old | new | new/old | verdict |\n"
              << "|---|---:|---|---|---:|---:|---:|---|\n";
    int regressions = 0, improvements = 0, steady = 0, added = 0, removed = 0;
    std::set<std::string> kernel_listed;
    for (const auto& key : keys) {
        const auto& [kernel, size, kase] = key;
        const auto o = old.find(key);
        const auto n = now.find(key);
        // a kernel in only one of the two: one line for all its sizes and cases
        if (!old_kernels.count(kernel) || !new_kernels.count(kernel)) {
            if (kernel_listed.insert(kernel).second) {
                const bool is_new = !old_kernels.count(kernel);
                std::cout << "| " << kernel << " | all | all | – | – | – | – | " << (is_new ? "added" : "removed")
                          << " |\n";
                ++(is_new ? added : removed);
            }
            continue;
        }
        const std::string unit = n != now.end() ? n->second.unit : o->second.unit;
        std::cout << "| " << kernel << " | " << human_size(size) << " | " << kase << " | "
                  << (unit.empty() ? "time" : unit) << " | " << (o != old.end() ? value_cell(o->second) : "–") << " | "
                  << (n != now.end() ? value_cell(n->second) : "–") << " | ";
        if (o == old.end()) {
            std::cout << "– | added |\n";
            ++added;
            continue;
        }
        if (n == now.end()) {
            std::cout << "– | removed |\n";
            ++removed;
            continue;
        }
        const Record &a = o->second, &b = n->second;
        if (!a.error.empty() || !b.error.empty() || !a.seconds || !b.seconds || *a.seconds <= 0 || *b.seconds <= 0) {
            std::cout << "– | " << (!b.error.empty() ? "failed now" : "failed before") << " |\n";
            continue;
        }
        const double change = *a.seconds / *b.seconds;
        const double spread = std::max({3.0 * a.cv.value_or(0.0), 3.0 * b.cv.value_or(0.0), 0.10});
        std::string verdict = "within ±" + fixed(100.0 * spread, 0) + " %";
        if (change < 1.0 / (1.0 + spread)) { verdict = "regression"; ++regressions; }
        else if (change > 1.0 + spread) { verdict = "improvement"; ++improvements; }
        else ++steady;
        std::cout << fixed(change, change < 0.1 ? 3 : 2) << "× | " << verdict << " |\n";
    }
    std::cout << "\n" << regressions << " regression(s), " << improvements << " improvement(s), " << steady
              << " within the spread; " << added << " added, " << removed << " removed.\n";
}

int usage() {
    std::cerr << "usage: dlmath-bench-report [--summary FILE] [--compare OLD-summary.json] [--contended FILE] "
                 "[results.json]\n"
                 "  results.json       Google Benchmark's JSON output of a quiet run\n"
                 "  --contended FILE   the same benchmarks run beside a competing busy process\n"
                 "  --summary FILE     write the summary of this run (the record that --compare reads)\n"
                 "  --compare FILE     an older summary: print the change per kernel, size and case\n"
                 "At least one of results.json and --contended is needed.\n";
    return 2;
}

}  // namespace

int main(int argc, char** argv) {
    std::optional<std::string> quiet_file, contended_file, summary_file, compare_file;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        std::optional<std::string>* option = arg == "--summary"     ? &summary_file
                                             : arg == "--compare"   ? &compare_file
                                             : arg == "--contended" ? &contended_file
                                                                    : nullptr;
        if (option) {
            if (i + 1 >= argc) {
                std::cerr << "dlmath-bench-report: " << arg << " needs a file\n";
                return usage();
            }
            *option = argv[++i];
        } else if (arg.rfind("--", 0) == 0 || quiet_file) {
            std::cerr << "dlmath-bench-report: unexpected argument " << arg << "\n";
            return usage();
        } else {
            quiet_file = arg;
        }
    }
    if (!quiet_file && !contended_file) return usage();

    try {
        std::optional<Run> quiet, contended;
        if (quiet_file) quiet = read_run(*quiet_file);
        if (contended_file) contended = read_run(*contended_file);
        // read the old summary before writing the new one: they may be the same file
        std::optional<std::map<RecordKey, Record>> old;
        if (compare_file) old = read_summary(*compare_file);

        if (quiet) {
            print_main_table(*quiet, contended ? &*contended : nullptr, false);
            print_ladders(*quiet);
        } else {
            print_main_table(*contended, nullptr, true);
            print_ladders(*contended);
        }
        const ordered s = summary(quiet ? &*quiet : nullptr, contended ? &*contended : nullptr);
        if (summary_file) {
            std::ofstream out(*summary_file);
            if (!out) throw std::runtime_error("cannot write the summary " + *summary_file);
            out << s.dump(2) << "\n";
            if (!out) throw std::runtime_error("writing the summary " + *summary_file + " failed");
        }
        if (old) {
            print_comparison(*old, quiet_records(json::parse(s["records"].dump())), *compare_file);
        }
    } catch (const std::exception& e) {
        std::cout.flush();
        std::cerr << "dlmath-bench-report: " << e.what() << "\n";
        return 1;
    }
    return 0;
}
