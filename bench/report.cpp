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
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace {

struct Case {
    double seconds = 0.0;   // real time per iteration
    std::string unit;       // "GB/s", "GFLOP/s" or ""
    double rate = 0.0;
};

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
        c.seconds = to_seconds(b.at("real_time").get<double>(), b.value("time_unit", "ns"));
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
        const Case *ref = get("reference"), *fast = get("fast"), *lib = get("library");
        const std::string unit = fast ? fast->unit : (ref ? ref->unit : "");
        auto cell = [&](const Case* c) {
            if (!c) return std::string("–");
            if (!c->unit.empty()) return fixed(c->rate, 2);
            return fixed(c->seconds * 1e3, 3) + " ms";
        };
        auto ratio = [&](const Case* a, const Case* b) {
            if (!a || !b || a->seconds <= 0) return std::string("–");
            return fixed(b->seconds / a->seconds, 2) + "×";
        };
        std::string roof = "–";
        if (fast && unit == "GB/s" && triad && *triad > 0) roof = fixed(fast->rate / *triad, 2);
        if (fast && unit == "GFLOP/s" && peak && *peak > 0) roof = fixed(fast->rate / *peak, 2);
        std::cout << "| " << r.kernel << " | " << human_size(r.size) << " | " << (unit.empty() ? "time" : unit) << " | "
                  << cell(ref) << " | " << cell(fast) << " | " << cell(lib) << " | " << ratio(fast, ref) << " | "
                  << ratio(fast, lib) << " | " << roof << " |\n";
    }
    return 0;
}
