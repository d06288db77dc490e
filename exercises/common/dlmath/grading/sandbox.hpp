/// \file
/// \brief Starts the student's program in a sandbox (internal to the checker).
#pragma once

#include <string>

#include <sys/types.h>

namespace dlmath::grading {

/// A started student program: its process (the sandbox's outermost process)
/// and the checker's ends of its three pipes.
struct Spawned {
    pid_t pid = -1;
    int requests = -1;   ///< the checker writes calls here (the student's fd 3)
    int answers = -1;    ///< and reads answers here (the student's fd 4)
    int output = -1;     ///< the student's stdout and stderr
};

/// How the student's code is confined, chosen once per checker process.
enum class Confinement {
    bubblewrap,          ///< namespaces: bwrap (and, as root, the unprivileged user too)
    unprivileged_user,   ///< no namespaces, root: the user nobody, rlimits, its own session
    limits_only,         ///< no namespaces, not root: rlimits and its own process group
};

/// The confinement in words, for messages.
std::string describe(Confinement c);

/// Starts `program` (a private, readable copy is made on the first start).
/// `cpu_seconds` bounds its CPU time. Throws std::runtime_error when it
/// cannot be started.
Spawned spawn_student(const std::string& program, unsigned cpu_seconds);

/// After the student's process ended: in the unprivileged-user confinement,
/// ends every process left running as that user (a daemon the student's code
/// started). Nothing to do with namespaces: they end with the sandbox.
void end_leftovers();

/// The confinement in force (probed on first use).
Confinement confinement();

}  // namespace dlmath::grading
