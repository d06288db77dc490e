// Uses both twins through the installed headers and libraries.
#include <iostream>

#include <dlmath/errors.hpp>
#include <dlmath/fast/linear_algebra.hpp>
#include <dlmath/reference/linear_algebra.hpp>

int main() {
    const dlmath::Vector x = {3.0, 4.0};
    const dlmath::Vector y = {1.0, 2.0};
    const double d = dlmath::fast::dot(x, y);        // 3 + 8, exact
    const double n = dlmath::reference::norm(x);     // 5, exact
    bool threw = false;
    try {
        dlmath::fast::dot(x, dlmath::Vector{1.0});
    } catch (const dlmath::shape_error&) {
        threw = true;
    }
    std::cout << "dot = " << d << ", norm = " << n << ", shape_error thrown: " << threw << "\n";
    return (d == 11.0 && n == 5.0 && threw) ? 0 : 1;
}
