// dlmath-bench-report results.json
//
// Reads Google Benchmark's JSON output (benchmarks named
// <kernel>/<case>/<size>, case = reference | fast | library) and prints one
// markdown table: per kernel and size, the rate of each case, the ratios
// fast/reference and fast/library (ratios of speed, i.e. of inverse times),
// and the fraction of this machine's roofline that the fast case reaches
// (memory-bound kernels against the triad bandwidth, compute-bound ones
// against the FMA peak, both measured in the same run). Vectors that fit in
// a cache are read faster than the triad's DRAM bandwidth, so their fraction
// can exceed 1; it is meaningful for the large sizes.
//
// Kernels with a ladder (cases step1, step2, …, each labelled with what it
// changes) get a second table: per size, step 0 (the reference case), each
// step, and the fast case, with each one's speed-up over the row before it
// and over the reference. A step that failed its check is shown as failed.
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <optional>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

namespace {

struct Case {
    double seconds = 0.0;   // real time per iteration
    std::string unit;       // "GB/s", "GFLOP/s" or ""
    double rate = 0.0;
    std::string label;      // a ladder step: what it changes
    std::string error;      // the case reported an error instead of a time
};

// "step3" -> 3; anything else -> 0.
int step_number(const std::string& kase) {
    if (kase.rfind("step", 0) != 0 || kase.size() == 4) return 0;
    for (std::size_t i = 4; i < kase.size(); ++i)
        if (kase[i] < '0' || kase[i] > '9') return 0;
    return std::stoi(kase.substr(4));
}

struct Row {
    std::string kernel;
    long long size = 0;
    std::map<std::string, Case> cases;
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

}  // namespace

int main(int argc, char** argv) {
    if (argc != 2) {
        std::cerr << "usage: dlmath-bench-report results.json\n";
        return 2;
    }
    std::ifstream in(argv[1]);
    if (!in) {
        std::cerr << "dlmath-bench-report: cannot open " << argv[1] << "\n";
        return 1;
    }
    nlohmann::json j;
    try {
        in >> j;
    } catch (const std::exception& e) {
        std::cerr << "dlmath-bench-report: " << argv[1] << " is not valid JSON: " << e.what() << "\n";
        return 1;
    }

    std::optional<double> triad, peak;
    std::vector<Row> rows;
    std::map<std::pair<std::string, long long>, std::size_t> index;
    for (const auto& b : j.at("benchmarks")) {
        // One run per case, or — where a case was repeated — its median.
        const std::string run_type = b.value("run_type", "iteration");
        if (run_type == "aggregate" && b.value("aggregate_name", "") != "median") continue;
        if (run_type != "iteration" && run_type != "aggregate") continue;
        const std::string name = b.at("name").get<std::string>();
        if (name.rfind("roofline/triad", 0) == 0) { triad = b.value("GB/s", 0.0); continue; }
        if (name.rfind("roofline/fma", 0) == 0) { peak = b.value("GFLOP/s", 0.0); continue; }
        // <kernel>/<case>/<size>[/real_time...]
        const auto p1 = name.find('/');
        const auto p2 = p1 == std::string::npos ? p1 : name.find('/', p1 + 1);
        if (p2 == std::string::npos) continue;
        const std::string kernel = name.substr(0, p1);
        const std::string kase = name.substr(p1 + 1, p2 - p1 - 1);
        const auto p3 = name.find('/', p2 + 1);
        long long size = 0;
        try {
            size = std::stoll(name.substr(p2 + 1, p3 == std::string::npos ? std::string::npos : p3 - p2 - 1));
        } catch (...) {
            continue;
        }
        Case c;
        c.label = b.value("label", "");
        if (b.value("error_occurred", false)) c.error = b.value("error_message", "error");
        c.seconds = c.error.empty() ? to_seconds(b.at("real_time").get<double>(), b.value("time_unit", "ns")) : 0.0;
        if (b.contains("GFLOP/s")) { c.unit = "GFLOP/s"; c.rate = b["GFLOP/s"].get<double>(); }
        else if (b.contains("GB/s")) { c.unit = "GB/s"; c.rate = b["GB/s"].get<double>(); }
        const auto key = std::make_pair(kernel, size);
        if (!index.count(key)) {
            index[key] = rows.size();
            rows.push_back({kernel, size, {}});
        }
        rows[index[key]].cases[kase] = c;
    }

    const auto& ctx = j.value("context", nlohmann::json::object());
    std::cout << "## dlmath benchmarks\n\n"
              << "Machine: " << ctx.value("num_cpus", 0) << " CPUs at " << ctx.value("mhz_per_cpu", 0) << " MHz"
              << "; roofline measured in the same run: triad bandwidth "
              << (triad ? fixed(*triad, 1) + " GB/s" : std::string("not measured")) << ", FMA peak "
              << (peak ? fixed(*peak, 1) + " GFLOP/s" : std::string("not measured")) << ".\n\n"
              << "Rates are GB/s for memory-bound kernels and GFLOP/s for compute-bound ones; ratios compare "
                 "speeds (inverse times) of the fast case against the others; 'roofline' is the fast case's "
                 "rate over the triad bandwidth or the FMA peak (above 1 for data that fits in a cache; meaningful for the large sizes).\n\n";
    std::cout << "| kernel | n | unit | reference | fast | library | fast/reference | fast/library | roofline |\n"
              << "|---|---:|---|---:|---:|---:|---:|---:|---:|\n";
    for (const auto& r : rows) {
        auto get = [&](const std::string& k) -> const Case* {
            auto it = r.cases.find(k);
            return it == r.cases.end() ? nullptr : &it->second;
        };
        // the columns of this table; ladder steps have a table of their own
        const Case *ref = get("reference"), *fast = get("fast"), *lib = get("library");
        const std::string unit = fast ? fast->unit : (ref ? ref->unit : "");
        auto cell = [&](const Case* c) {
            if (!c) return std::string("–");
            if (!c->error.empty()) return std::string("failed");
            if (!c->unit.empty()) return fixed(c->rate, 2);
            return fixed(c->seconds * 1e3, 3) + " ms";
        };
        auto ratio = [&](const Case* a, const Case* b) {
            if (!a || !b || a->seconds <= 0 || b->seconds <= 0) return std::string("–");
            return fixed(b->seconds / a->seconds, 2) + "×";
        };
        std::string roof = "–";
        if (fast && fast->error.empty() && unit == "GB/s" && triad && *triad > 0) roof = fixed(fast->rate / *triad, 2);
        if (fast && fast->error.empty() && unit == "GFLOP/s" && peak && *peak > 0) roof = fixed(fast->rate / *peak, 2);
        std::cout << "| " << r.kernel << " | " << human_size(r.size) << " | " << (unit.empty() ? "time" : unit) << " | "
                  << cell(ref) << " | " << cell(fast) << " | " << cell(lib) << " | " << ratio(fast, ref) << " | "
                  << ratio(fast, lib) << " | " << roof << " |\n";
    }

    // ---------------------------------------------------------------- ladders
    bool header = false;
    for (const auto& r : rows) {
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
        auto find = [&](const std::string& k) -> const Case* {
            auto it = r.cases.find(k);
            return it == r.cases.end() ? nullptr : &it->second;
        };
        std::vector<std::tuple<std::string, std::string, const Case*>> ladder;  // (step, what, result)
        ladder.emplace_back("0", "reference", find("reference"));
        for (const auto& [k, entry] : steps) ladder.emplace_back(std::to_string(k), entry.second->label, entry.second);
        ladder.emplace_back("fast", "as shipped", find("fast"));
        const Case* ref = find("reference");
        const Case* previous = nullptr;
        for (const auto& [step, what, c] : ladder) {
            auto speedup = [&](const Case* base) {
                if (!c || !base || !c->error.empty() || !base->error.empty() || c->seconds <= 0) return std::string("–");
                return fixed(base->seconds / c->seconds, 2) + "×";
            };
            std::string rate = "–", roof = "–";
            if (c && !c->error.empty()) rate = "failed: " + c->error;
            else if (c && !c->unit.empty()) rate = fixed(c->rate, 2);
            else if (c) rate = fixed(c->seconds * 1e3, 3) + " ms";
            if (c && c->error.empty() && c->unit == "GB/s" && triad && *triad > 0) roof = fixed(c->rate / *triad, 2);
            if (c && c->error.empty() && c->unit == "GFLOP/s" && peak && *peak > 0) roof = fixed(c->rate / *peak, 2);
            std::cout << "| " << r.kernel << " | " << human_size(r.size) << " | " << step << " | " << what << " | "
                      << rate << " | " << (c && !c->unit.empty() ? c->unit : "time") << " | " << speedup(previous)
                      << " | " << speedup(ref) << " | " << roof << " |\n";
            if (c) previous = c;
        }
    }
    return 0;
}
