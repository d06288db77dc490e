// Small helpers shared by the chapter programs: a checked worked example,
// a timing of reference against fast, and figure-data output.
#pragma once

#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <algorithm>
#include <functional>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

namespace dlmath::tour {

/// Counts the worked examples that did not come out as the syllabus says.
struct Checks {
    int passed = 0;
    int failed = 0;
    int exit_code() const { return failed == 0 ? 0 : 1; }
};

inline std::uint64_t ulps_apart(double a, double b) {
    auto key = [](double d) {
        std::int64_t i;
        std::memcpy(&i, &d, sizeof d);
        return i < 0 ? INT64_MIN - i : i;
    };
    const auto ka = key(a), kb = key(b);
    return ka > kb ? static_cast<std::uint64_t>(ka - kb) : static_cast<std::uint64_t>(kb - ka);
}

/// Prints "✓ what = value (expected …)" and records the outcome; `ulps` is
/// how far apart (in units in the last place) value and expected may be.
inline void check(Checks& c, const std::string& what, double value, double expected, std::uint64_t ulps = 0) {
    const bool good = ulps_apart(value, expected) <= ulps;
    (good ? c.passed : c.failed)++;
    std::cout << (good ? "  \u2713 " : "  \u2717 ") << what << " = " << std::setprecision(17) << value
              << "   (expected " << expected;
    if (ulps > 0) std::cout << ", within " << ulps << " ulp";
    std::cout << ")\n";
}

/// Prints a check for a condition that is not a number.
inline void check_that(Checks& c, const std::string& what, bool good) {
    (good ? c.passed : c.failed)++;
    std::cout << (good ? "  \u2713 " : "  \u2717 ") << what << "\n";
}

/// Best-of-`repeats` wall time of `f()` in seconds.
template <class F>
double seconds(F&& f, int repeats = 5) {
    double best = 1e300;
    for (int r = 0; r < repeats; ++r) {
        const auto t0 = std::chrono::steady_clock::now();
        f();
        const auto t1 = std::chrono::steady_clock::now();
        best = std::min(best, std::chrono::duration<double>(t1 - t0).count());
    }
    return best;
}

/// Prints one "reference vs fast" line. Timings are information for the
/// reader, never a pass/fail criterion (speed is proven in bench/).
inline void print_timing(const std::string& what, double t_ref, double t_fast) {
    std::cout << "  " << std::left << std::setw(28) << what << std::right << std::fixed << std::setprecision(3)
              << "reference " << t_ref * 1e3 << " ms   fast " << t_fast * 1e3 << " ms   speed-up "
              << std::setprecision(1) << t_ref / t_fast << "x\n"
              << std::defaultfloat;
}

inline void section(const std::string& title) { std::cout << "\n" << title << "\n"; }

/// Parses the chapter program's options: `--figures DIR` (where figure data
/// goes, default `figures`), `--quick` (smaller timing cases, for ctest).
struct Options {
    std::filesystem::path figures = "figures";
    bool quick = false;
};

inline Options parse(int argc, char** argv, const std::string& title) {
    CLI::App app{title};
    Options o;
    app.add_option("--figures", o.figures, "directory for the figure data (CSV)");
    app.add_flag("--quick", o.quick, "smaller timing cases");
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        std::exit(app.exit(e));
    }
    std::filesystem::create_directories(o.figures);
    return o;
}

/// One section of a chapter program. Each tour_<section>.cpp registers its
/// sections with a static `Register`; main() runs them in `order`.
struct Section {
    int order;
    std::string title;
    std::function<void(Checks&, const Options&)> run;
};

inline std::vector<Section>& registry() {
    static std::vector<Section> sections;
    return sections;
}

/// `static dlmath::tour::Register r{20, "1.2 Products", run_products};`
struct Register {
    Register(int order, std::string title, std::function<void(Checks&, const Options&)> run) {
        registry().push_back({order, std::move(title), std::move(run)});
    }
};

/// Runs every registered section in order; returns the process exit code.
inline int run_all(const std::string& title, int argc, char** argv) {
    const Options options = parse(argc, argv, title);
    std::cout << title << "\n";
    auto sections = registry();
    std::sort(sections.begin(), sections.end(), [](const Section& a, const Section& b) { return a.order < b.order; });
    Checks checks;
    for (const auto& s : sections) {
        section(s.title);
        s.run(checks, options);
    }
    std::cout << "\n" << checks.passed << " worked examples reproduced, " << checks.failed << " failed\n"
              << "figure data written to " << options.figures.string() << "/\n";
    return checks.exit_code();
}

}  // namespace dlmath::tour
