// The main() of every chapter program: runs the sections registered by the
// chapter's tour_<section>.cpp files in the order of the chapter text
// (contents.hpp, generated from the text by chapters/CMakeLists.txt). Each
// section runs its worked examples and prints value, expected value and a
// check mark; times the reference twin against the fast twin on a large
// case; writes the data of its figures as CSV.

#include "contents.hpp"
#include "tour.hpp"

int main(int argc, char** argv) { return dlmath::tour::run_all(dlmath::tour::contents, argc, argv); }
