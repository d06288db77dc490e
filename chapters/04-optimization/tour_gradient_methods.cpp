#include "dlmath/reference/optimization.hpp"
#include "tour.hpp"
namespace {
void run(dlmath::tour::Checks&, const dlmath::tour::Options&) {}
const dlmath::tour::Register section{"gradient_methods", run};
}  // namespace
