/// \file
/// \brief The student's side: the program that runs the student's functions
/// for the checker.
///
/// scripts/exercise-rpc.py writes, for each exercise, a table of the
/// functions its header declares and a `main` that hands the table to
/// `serve`. The program reads calls from file descriptor 3 and answers on 4;
/// its standard output and error are a separate, bounded capture, so nothing
/// the student's code prints can corrupt an answer.
#pragma once

#include <cstddef>
#include <string>

#include <dlmath/grading/wire.hpp>

namespace dlmath::grading {

/// One function of the exercise: its declaration (the call's identity) and
/// the code that decodes the arguments, calls it and encodes the result.
struct Handler {
    const char* signature;
    void (*run)(Reader& in, Writer& out);
};

/// Answers calls until the checker closes the channel. Returns the exit status.
int serve(const Handler* table, std::size_t count, int argc, char** argv);

}  // namespace dlmath::grading
