// Small helpers shared by the chapter programs: a checked worked example,
// a timing of reference against fast, figure-data output, and the sections
// of a chapter run in the order of its text.
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
#include <map>
#include <sstream>
#include <stdexcept>
#include <utility>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>
#include <xtensor/xcsv.hpp>
#include <xtensor/xtensor.hpp>

namespace dlmath::tour {

/// Counts the worked examples that did not come out as the syllabus says.
struct Checks {
    int passed = 0;
    int failed = 0;
    int exit_code() const { return failed == 0 ? 0 : 1; }
};

/// A number with `digits` significant digits, as the tours print values.
inline std::string num(double v, int digits = 12) {
    std::ostringstream s;
    s.precision(digits);
    s << v;
    return s.str();
}

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

/// The wall times of `repeats` runs of `f()`, in seconds, sorted. Figures of
/// speed report the median — one slow run on a busy machine does not move
/// it — and the spread, the slowest run over the fastest, says how much the
/// machine disturbed the measurement.
struct Timings {
    std::vector<double> sorted;
    double median() const {
        const std::size_t n = sorted.size();
        return n % 2 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
    double fastest() const { return sorted.front(); }
    double slowest() const { return sorted.back(); }
    double spread() const { return slowest() / fastest(); }
};

template <class F>
Timings repeated(F&& f, int repeats) {
    if (repeats < 1) throw std::invalid_argument("dlmath::tour::repeated: repeats must be at least 1");
    Timings t;
    for (int r = 0; r < repeats; ++r) {
        const auto t0 = std::chrono::steady_clock::now();
        f();
        const auto t1 = std::chrono::steady_clock::now();
        t.sorted.push_back(std::chrono::duration<double>(t1 - t0).count());
    }
    std::sort(t.sorted.begin(), t.sorted.end());
    return t;
}

/// Prints one "reference vs fast" line. Timings are information for the
/// reader, never a pass/fail criterion (speed is proven in bench/).
inline void print_timing(const std::string& what, double t_ref, double t_fast) {
    const auto precision = std::cout.precision();  // restored below: later lines print full values
    std::cout << "  " << std::left << std::setw(42) << what << ' ' << std::right << std::fixed << std::setprecision(3)
              << "reference " << t_ref * 1e3 << " ms   fast " << t_fast * 1e3 << " ms   speed-up "
              << std::setprecision(1) << t_ref / t_fast << "x\n"
              << std::defaultfloat << std::setprecision(precision);
}

inline void section(const std::string& title) { std::cout << "\n" << title << "\n"; }

/// Writes figure data for gnuplot: a header line naming the columns, then
/// one line per row of `rows`, written by xtensor's CSV writer.
inline void write_csv(const std::filesystem::path& file, const std::string& header, const xt::xtensor<double, 2>& rows) {
    const auto columns = static_cast<std::size_t>(std::count(header.begin(), header.end(), ',')) + 1;
    if (columns != rows.shape(1))
        throw std::invalid_argument("dlmath::tour::write_csv: the header of " + file.string() + " names " +
                                    std::to_string(columns) + " columns but the data has " +
                                    std::to_string(rows.shape(1)));
    std::ofstream out(file);
    out << header << "\n";
    xt::dump_csv(out, rows);
    if (!out) throw std::runtime_error("dlmath::tour::write_csv: cannot write " + file.string());
}

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

/// A chapter's title and its sections in the order of the text, as
/// {section, title}: `section` names the page <section>.md and the file
/// tour_<section>.cpp; `title` is the page's heading, number included.
/// Generated from the chapter text (chapters/CMakeLists.txt), so section
/// numbers are written only there.
struct Contents {
    std::string title;
    std::vector<std::pair<std::string, std::string>> sections;
};

using SectionRun = std::function<void(Checks&, const Options&)>;

inline std::map<std::string, SectionRun>& registry() {
    static std::map<std::string, SectionRun> sections;
    return sections;
}

/// Each tour_<section>.cpp registers its section with a static `Register`:
/// `const dlmath::tour::Register section{"products", run};`
struct Register {
    Register(const std::string& section, SectionRun run) {
        if (!registry().emplace(section, std::move(run)).second)
            throw std::logic_error("dlmath::tour::Register: the section '" + section + "' is registered twice");
    }
};

/// Runs every registered section in the order of the chapter text; returns
/// the process exit code.
inline int run_all(const Contents& contents, int argc, char** argv) {
    for (const auto& [name, run] : registry()) {
        const bool in_text = std::any_of(contents.sections.begin(), contents.sections.end(),
                                         [&](const auto& s) { return s.first == name; });
        if (!in_text) {
            std::cerr << "dlmath::tour::run_all: the section '" << name << "' has no page in the text of "
                      << contents.title << "\n";
            return 2;
        }
    }
    const Options options = parse(argc, argv, contents.title);
    std::cout << contents.title << "\n";
    Checks checks;
    for (const auto& [name, title] : contents.sections) {
        const auto s = registry().find(name);
        if (s == registry().end()) continue;  // a section without worked examples
        section(title);
        s->second(checks, options);
    }
    std::cout << "\n" << checks.passed << " worked examples reproduced, " << checks.failed << " failed\n"
              << "figure data written to " << options.figures.string() << "/\n";
    return checks.exit_code();
}

}  // namespace dlmath::tour
