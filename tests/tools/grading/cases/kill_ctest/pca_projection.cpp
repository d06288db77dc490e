// Crafted submission (attack 8): SIGKILLs its parent and grandparent and
// every ctest it can see, so that no results are written. Its function is
// the unsolved stub.
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
    const pid_t parent = ::getppid();
    std::ifstream stat("/proc/" + std::to_string(parent) + "/stat");
    std::string pid, comm, state;
    pid_t grandparent = 0;
    stat >> pid >> comm >> state >> grandparent;
    for (const auto& [p, args] : command_lines()) {
        if (!args.empty() && fs::path(args[0]).filename() == "ctest") ::kill(std::stoi(p), SIGKILL);
    }
    if (grandparent > 1) ::kill(grandparent, SIGKILL);
    if (parent > 1) ::kill(parent, SIGKILL);
    throw dlmath::not_implemented("column_mean");
}

Matrix pca_project(const Matrix&, const Vector&, const Matrix&) { throw dlmath::not_implemented("pca_project"); }
Matrix pca_reconstruct(const Matrix&, const Vector&, const Matrix&) { throw dlmath::not_implemented("pca_reconstruct"); }

}  // namespace dlmath::exercises
