// Chapter 2, joint, marginal and conditional probability: the worked
// examples (marginals, Bayes' rule, the directed factorisation and the
// undirected chain). Tables are small and reference-only: nothing to time.

#include <cmath>
#include <string>

#include "dlmath/reference/probability.hpp"
#include "tour.hpp"

namespace ref = dlmath::reference;
using dlmath::Matrix;
using dlmath::Tensor3;
using dlmath::Vector;

namespace {

void marginals(dlmath::tour::Checks& c) {
    //! [example_marginals]
    const Matrix P = {{0.1, 0.2}, {0.3, 0.4}};  // P(x = i, y = j)
    const Vector p_x = ref::marginal(P, 0);     // sum over y: (0.3, 0.7)
    const Vector p_y = ref::marginal(P, 1);     // sum over x: (0.4, 0.6)
    const Matrix p_y_given_x = ref::conditional(P);  // rows (1/3, 2/3), (3/7, 4/7)
    //! [example_marginals]
    dlmath::tour::check(c, "P(x = 0) = 0.1 + 0.2", p_x(0), 0.3, 1);
    dlmath::tour::check(c, "P(x = 1) = 0.3 + 0.4", p_x(1), 0.7);
    dlmath::tour::check(c, "P(y = 0) = 0.1 + 0.3", p_y(0), 0.4);
    dlmath::tour::check(c, "P(y = 1) = 0.2 + 0.4", p_y(1), 0.6, 1);
    dlmath::tour::check(c, "P(y = 1 | x = 0) = 0.2 / 0.3", p_y_given_x(0, 1), 2.0 / 3.0, 2);
    dlmath::tour::check(c, "P(y = 0 | x = 1) = 0.3 / 0.7", p_y_given_x(1, 0), 3.0 / 7.0, 2);
}

void bayes(dlmath::tour::Checks& c) {
    //! [example_bayes]
    const Vector prior = {0.01, 0.99};                     // P(sick), P(healthy)
    const Matrix likelihood = {{0.9, 0.1}, {0.05, 0.95}};  // P(test | x): rows sick, healthy; columns +, -
    const Matrix posterior = ref::bayes_rule(prior, likelihood);  // row j: P(x | test = j)
    //! [example_bayes]
    dlmath::tour::check(c, "P(sick | +) = 0.009 / 0.0585 = 2/13", posterior(0, 0), 2.0 / 13.0, 4);
    dlmath::tour::check(c, "P(sick | -) = 0.001 / 0.9415 = 2/1883", posterior(1, 0), 2.0 / 1883.0, 4);
}

void factorisation(dlmath::tour::Checks& c) {
    //! [example_factorisation]
    const Vector p_a = {0.25, 0.75};
    const Matrix p_b_given_a = {{0.5, 0.5}, {0.25, 0.75}};
    const Matrix p_c_given_b = {{0.875, 0.125}, {0.5, 0.5}};
    const Tensor3 P = ref::joint(p_a, p_b_given_a, p_c_given_b);  // p(a) p(b|a) p(c|b)
    //! [example_factorisation]
    dlmath::tour::check(c, "p(a=0, b=0, c=0) = 1/4 * 1/2 * 7/8", P(0, 0, 0), 7.0 / 64.0);
    dlmath::tour::check(c, "p(a=1, b=1, c=1) = 3/4 * 3/4 * 1/2", P(1, 1, 1), 9.0 / 32.0);
    dlmath::tour::check_that(c, "p(a) comes back from the joint exactly", ref::marginal(P, 0) == p_a);
    dlmath::tour::check_that(c, "p(b | a) = conditional(sum_out(P, c)) exactly",
                             ref::conditional(ref::sum_out(P, 2)) == p_b_given_a);
    dlmath::tour::check_that(c, "p(c | b) = conditional(sum_out(P, a)) exactly",
                             ref::conditional(ref::sum_out(P, 0)) == p_c_given_b);
    dlmath::tour::check_that(c, "a and c are independent given b", ref::conditionally_independent(P, 1));
    dlmath::tour::check_that(c, "but a and c are not independent", !ref::independent(ref::sum_out(P, 1)));
}

void undirected(dlmath::tour::Checks& c) {
    //! [example_undirected]
    const Matrix phi_ab = {{1.0, 2.0}, {3.0, 1.0}};  // any non-negative weights
    const Matrix phi_bc = {{2.0, 1.0}, {1.0, 1.0}};
    const double Z = ref::partition_function(phi_ab, phi_bc);   // 18
    const Tensor3 P = ref::undirected_joint(phi_ab, phi_bc);    // phi_ab phi_bc / Z
    //! [example_undirected]
    dlmath::tour::check(c, "Z = sum of phi_ab(a,b) phi_bc(b,c)", Z, 18.0);
    dlmath::tour::check(c, "p(a=1, b=0, c=0) = 3 * 2 / 18", P(1, 0, 0), 1.0 / 3.0);
    dlmath::tour::check_that(c, "the undirected chain also has a independent of c given b",
                             ref::conditionally_independent(P, 1));
}

void run(dlmath::tour::Checks& c, const dlmath::tour::Options&) {
    marginals(c);
    bayes(c);
    factorisation(c);
    undirected(c);
}

const dlmath::tour::Register section{"tables", run};

}  // namespace
