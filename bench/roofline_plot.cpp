// dlmath-bench-roofline results.json OUT_DIR
//
// Reads Google Benchmark's JSON output of dlmath-bench and draws the
// roofline figure of the run:
//  - OUT_DIR/roofline.csv: one row per kernel case (reference, fast,
//    library) at the largest size that case was benchmarked: kernel, case,
//    size, arithmetic intensity (the kit's flop_per_byte counter), the
//    attained GFLOP/s (the GFLOP/s counter, or intensity × the GB/s
//    counter), the roof at that intensity, min(peak, triad × intensity),
//    empty when the roofline was not measured, and the kernel's number in
//    the figure's list;
//  - OUT_DIR/roofline.svg: that table drawn by gnuplot (bench/roofline.gp)
//    on log–log axes under the roof from roofline/triad and roofline/fma of
//    the same run.
// Where a case was repeated, its median is used (the median aggregate, or
// the median of the repetitions when no aggregate was reported): one noisy
// repetition must not become a point.
//
// Left out of the figure: cases without an intensity — the time-only
// kernels (svd, eigh, pinv, lstsq, gaussian_sample, gradient,
// gradient_descent_batch: their cases do different work for the same
// result), kernels that read no memory (simpson: its nodes are computed, so
// its intensity is unbounded), ladder steps (the report's ladder table shows
// them) and cases that reported an error. The tool names them on stderr.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#ifndef DLMATH_ROOFLINE_GP
#error "DLMATH_ROOFLINE_GP must name bench/roofline.gp"
#endif

namespace {

const char* const tool = "dlmath-bench-roofline";

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    const std::size_t m = v.size() / 2;
    return v.size() % 2 ? v[m] : 0.5 * (v[m - 1] + v[m]);
}

// The runs of one benchmark: its repetitions and, where reported, their median.
struct Runs {
    std::vector<nlohmann::json> repetitions;
    std::optional<nlohmann::json> median_run;

    // The median over the repetitions of `counter` (none if no run has it).
    std::optional<double> value(const std::string& counter) const {
        if (median_run) {
            if (median_run->contains(counter)) return (*median_run)[counter].get<double>();
            return std::nullopt;
        }
        std::vector<double> v;
        for (const auto& r : repetitions)
            if (r.contains(counter)) v.push_back(r[counter].get<double>());
        if (v.empty()) return std::nullopt;
        return median(v);
    }
    bool failed() const {
        for (const auto& r : repetitions)
            if (r.value("error_occurred", false)) return true;
        return median_run && median_run->value("error_occurred", false);
    }
};

struct Point {
    std::string kernel, kase;
    long long size = 0;
    double intensity = 0.0, gflops = 0.0;
};

std::string number(double v) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.6g", v);
    return buf;
}

// Quoted for gnuplot's -e: single quotes, none inside.
std::string quoted(std::string s) {
    std::replace(s.begin(), s.end(), '\'', ' ');
    return "'" + s + "'";
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 3) {
        std::cerr << "usage: " << tool << " results.json OUT_DIR\n";
        return 2;
    }
    const std::string input = argv[1], out_dir = argv[2];
    std::ifstream in(input);
    if (!in) {
        std::cerr << tool << ": cannot open " << input << "\n";
        return 1;
    }
    nlohmann::json j;
    try {
        in >> j;
    } catch (const std::exception& e) {
        std::cerr << tool << ": " << input << " is not valid JSON: " << e.what() << "\n";
        return 1;
    }
    if (!j.is_object() || !j.contains("benchmarks") || !j["benchmarks"].is_array()) {
        std::cerr << tool << ": " << input << " has no \"benchmarks\" list (not Google Benchmark's JSON output)\n";
        return 1;
    }

    // Every benchmark's runs, by run name, in the order of the file.
    std::map<std::string, Runs> runs;
    std::vector<std::string> order;
    try {
        for (const auto& b : j["benchmarks"]) {
            const std::string run_name = b.value("run_name", b.at("name").get<std::string>());
            const std::string run_type = b.value("run_type", "iteration");
            if (!runs.count(run_name)) order.push_back(run_name);
            Runs& r = runs[run_name];
            if (run_type == "iteration") r.repetitions.push_back(b);
            else if (run_type == "aggregate" && b.value("aggregate_name", "") == "median") r.median_run = b;
        }
    } catch (const std::exception& e) {
        std::cerr << tool << ": " << input << ": a benchmark entry is malformed: " << e.what() << "\n";
        return 1;
    }

    // The roof: the triad's bandwidth and the FMA peak of the same run.
    std::optional<double> triad, peak, simd_width, threads;
    std::map<std::pair<std::string, std::string>, Point> points;  // (kernel, case) -> its largest size
    std::vector<std::string> kernels;                                // in the order of the file
    std::set<std::string> left_out;
    for (const auto& name : order) {
        const Runs& r = runs[name];
        if (name.rfind("roofline/triad", 0) == 0) {
            triad = r.value("GB/s");
            continue;
        }
        if (name.rfind("roofline/fma", 0) == 0) {
            peak = r.value("GFLOP/s");
            simd_width = r.value("simd_width");
            threads = r.value("threads");
            continue;
        }
        // <kernel>/<case>/<size>/...
        std::vector<std::string> parts;
        std::stringstream ss(name);
        for (std::string part; std::getline(ss, part, '/');) parts.push_back(part);
        if (parts.size() < 3) continue;
        const std::string &kernel = parts[0], &kase = parts[1];
        long long size = 0;
        try {
            size = std::stoll(parts[2]);
        } catch (...) {
            continue;
        }
        if (kase != "reference" && kase != "fast" && kase != "library") continue;
        const auto intensity = r.value("flop_per_byte");
        const auto gflops = r.value("GFLOP/s"), gbs = r.value("GB/s");
        if (r.failed() || !intensity || !(*intensity > 0.0) || (!gflops && !gbs)) {
            left_out.insert(kernel);
            continue;
        }
        Point p{kernel, kase, size, *intensity, gflops ? *gflops : *intensity * *gbs};
        auto key = std::make_pair(kernel, kase);
        if (std::find(kernels.begin(), kernels.end(), kernel) == kernels.end()) kernels.push_back(kernel);
        if (!points.count(key) || points[key].size < size) points[key] = p;
    }
    for (const auto& k : kernels) left_out.erase(k);
    const bool roof = triad && peak && *triad > 0.0 && *peak > 0.0;

    // The table.
    const std::string csv = out_dir + "/roofline.csv", svg = out_dir + "/roofline.svg";
    std::ofstream out(csv);
    if (!out) {
        std::cerr << tool << ": cannot write " << csv << "\n";
        return 1;
    }
    out << "kernel,case,size,flop_per_byte,gflops,roof_gflops,number\n";
    double xmin = 1e300, xmax = 0.0, ymin = 1e300, ymax = 0.0;
    for (std::size_t k = 0; k < kernels.size(); ++k) {
        for (const char* kase : {"reference", "fast", "library"}) {
            auto it = points.find({kernels[k], kase});
            if (it == points.end()) continue;
            const Point& p = it->second;
            out << p.kernel << ',' << p.kase << ',' << p.size << ',' << number(p.intensity) << ','
                << number(p.gflops) << ',' << (roof ? number(std::min(*peak, *triad * p.intensity)) : "") << ','
                << k + 1 << '\n';
            xmin = std::min(xmin, p.intensity);
            xmax = std::max(xmax, p.intensity);
            ymin = std::min(ymin, p.gflops);
            ymax = std::max(ymax, p.gflops);
        }
    }
    out.close();
    if (!out) {
        std::cerr << tool << ": cannot write " << csv << "\n";
        return 1;
    }

    // The axes: every point, and the ridge point with the peak when measured.
    if (roof) {
        const double ridge = *peak / *triad;
        xmin = std::min(xmin, ridge);
        xmax = std::max(xmax, ridge);
        ymax = std::max(ymax, *peak);
        ymin = std::min(ymin, *triad * xmin);
    }
    if (xmax == 0.0) xmin = 0.1, xmax = 10.0;
    if (ymax == 0.0) ymin = 0.1, ymax = 100.0;
    std::string title = "Roofline of this machine";
    if (simd_width && threads)
        title += ": " + number(*simd_width) + " doubles per SIMD register, " + number(*threads) + " threads";
    std::string names;
    for (const auto& k : kernels) names += (names.empty() ? "" : " ") + k;

    std::ostringstream vars;
    vars << "csv=" << quoted(csv) << "; svg=" << quoted(svg) << "; names=" << quoted(names)
         << "; plottitle=" << quoted(title) << "; peak=" << (roof ? number(*peak) : "0")
         << "; triad=" << (roof ? number(*triad) : "0") << "; xmin=" << number(xmin / 2)
         << "; xmax=" << number(xmax * 2) << "; ymin=" << number(ymin / 2) << "; ymax=" << number(ymax * 2);
    const char* gnuplot = std::getenv("GNUPLOT");
    const std::string command = std::string(gnuplot && *gnuplot ? gnuplot : "gnuplot") + " -e \"" + vars.str() +
                                "\" " + quoted(DLMATH_ROOFLINE_GP);
    std::remove(svg.c_str());
    if (std::system(command.c_str()) != 0) {
        std::cerr << tool << ": gnuplot failed to draw " << svg << " (is gnuplot installed? scripts/install-deps.sh)\n";
        return 1;
    }
    if (!std::ifstream(svg)) {
        std::cerr << tool << ": gnuplot did not write " << svg << "\n";
        return 1;
    }

    std::cerr << tool << ": " << points.size() << " cases of " << kernels.size() << " kernels in " << csv << " and "
              << svg << "; roofline "
              << (roof ? "triad " + number(*triad) + " GB/s, peak " + number(*peak) + " GFLOP/s"
                       : std::string("not measured (no roofline/triad and roofline/fma in this run): no roof drawn"))
              << "\n";
    if (!left_out.empty()) {
        std::cerr << tool << ": left out (no arithmetic intensity, or failed):";
        for (const auto& k : left_out) std::cerr << ' ' << k;
        std::cerr << "\n";
    }
    return 0;
}
