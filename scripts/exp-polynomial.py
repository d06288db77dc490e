#!/usr/bin/env python3
"""The polynomial of the fast twin's kernel exponential (fast/src/kernels/exp.hpp).

Computes, in 80-digit decimal arithmetic, the polynomial of degree 11 that
interpolates e^r at the 12 Chebyshev points of [-a, a], a = 0.3467 (the
reduced interval), prints its coefficients as C hexadecimal doubles, and
checks the three numbers the header's error budget uses, on 8001 points of
the interval:
  - the interpolant's relative error, exact coefficients;
  - the same with the coefficients rounded to doubles (the kernel's);
  - the bound on Horner's rounding errors, e_0, from e_j <= u + rho_j e_{j+1}.
Also prints the Taylor polynomials' errors that the header compares with.

Usage: scripts/exp-polynomial.py
"""
from decimal import Decimal, getcontext
import math

getcontext().prec = 80
DEGREE = 11
A = Decimal("0.3467")
GRID = 4000  # points k a / GRID, k = -GRID..GRID
U = Decimal(2) ** -53
PI = Decimal("3.14159265358979323846264338327950288419716939937510582097494459230781640628620899")
TINY = Decimal(10) ** -78


def series(term, first):
    """Sums a series whose k-th term is term(previous, k), from `first`, to 78 digits."""
    total, t, k = first, first, 1
    while abs(t) > TINY:
        t = term(t, k)
        total += t
        k += 1
    return total


def exp(x):
    return series(lambda t, k: t * x / k, Decimal(1))


def cos(x):
    return series(lambda t, k: -t * x * x / ((2 * k - 1) * (2 * k)), Decimal(1))


def chebyshev_polynomial(j):
    """The coefficients of T_j, lowest degree first."""
    previous, current = [Decimal(1)], [Decimal(0), Decimal(1)]
    if j == 0:
        return previous
    for _ in range(j - 1):
        following = [Decimal(0)] + [2 * c for c in current]
        for i, c in enumerate(previous):
            following[i] -= c
        previous, current = current, following
    return current


def interpolant():
    """Monomial coefficients (in r) of the interpolant of e^r at the Chebyshev points of [-A, A]."""
    n = DEGREE + 1
    nodes = [cos((2 * i + 1) * PI / (2 * n)) for i in range(n)]  # in t = r / A
    values = [exp(A * t) for t in nodes]
    in_t = [Decimal(0)] * n
    for j in range(n):
        tj = chebyshev_polynomial(j)
        # discrete orthogonality: c_j = (2/n) sum_i f(t_i) T_j(t_i), halved for j = 0
        c = sum(values[i] * sum(tj[p] * nodes[i] ** p for p in range(len(tj))) for i in range(n)) * 2 / n
        if j == 0:
            c /= 2
        for p, coefficient in enumerate(tj):
            in_t[p] += c * coefficient
    return [in_t[p] / A**p for p in range(n)]


def horner(coefficients, r):
    result = coefficients[-1]
    for c in reversed(coefficients[:-1]):
        result = result * r + c
    return result


def grid():
    return (A * k / GRID for k in range(-GRID, GRID + 1))


def worst_relative_error(coefficients):
    return max(abs(horner(coefficients, r) - exp(r)) / exp(r) for r in grid())


def horner_rounding_bound(coefficients):
    """max over the grid of e_0, in units of u: e_j <= 1 + rho_j e_{j+1}, rho_j = |r q_{j+1}| / |q_j|."""
    worst = 0.0
    c = [float(x) for x in coefficients]
    for r in (float(x) for x in grid()):
        q = [0.0] * len(c)
        q[-1] = c[-1]
        for j in range(len(c) - 2, -1, -1):
            q[j] = c[j] + r * q[j + 1]
        e = 0.0
        for j in range(len(c) - 2, -1, -1):
            e = 1.0 + abs(r * q[j + 1]) / abs(q[j]) * e
        worst = max(worst, e)
    return worst


def main():
    exact = interpolant()
    rounded = [Decimal(float(c)) for c in exact]
    for j, c in enumerate(rounded):
        print(f"c_{j:<2} = {float(c).hex()}   (1/{j}! = {(1.0 / math.factorial(j)).hex()})")
    print(f"interpolant, exact coefficients:   {worst_relative_error(exact) / U:.3f}u")
    print(f"interpolant, double coefficients:  {worst_relative_error(rounded) / U:.3f}u")
    print(f"Horner's roundings, e_0 at most:   {horner_rounding_bound(rounded):.3f}u")
    for degree in (11, 13):
        taylor = [Decimal(1) / math.factorial(j) for j in range(degree + 1)]
        print(f"Taylor polynomial of degree {degree}:     {worst_relative_error(taylor) / U:.3f}u")


if __name__ == "__main__":
    main()
