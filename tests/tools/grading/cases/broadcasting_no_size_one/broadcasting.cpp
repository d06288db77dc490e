// Crafted submission: broadcasting that forgets size-1 axes. Only the axes an
// operand lacks are stretched; an axis of extent 1 must match the other
// operand, and its stride is never 0. Right for a bias added to a batch,
// wrong for (4, 1) + (4,).
#include "broadcasting.hpp"

#include <algorithm>
#include <cstddef>
#include <sstream>
#include <string>
#include <vector>

#include <dlmath/errors.hpp>

namespace dlmath::exercises {

namespace {
// "(4, 1)": a shape as the error messages write it
std::string shape_text(const std::vector<std::size_t>& s) {
    std::ostringstream os;
    os << '(';
    for (std::size_t k = 0; k < s.size(); ++k) os << (k ? ", " : "") << s[k];
    os << ')';
    return os.str();
}
}  // namespace

std::vector<std::size_t> broadcast_shape(const std::vector<std::size_t>& a, const std::vector<std::size_t>& b) {
    const std::size_t rank = std::max(a.size(), b.size());
    std::vector<std::size_t> r(rank);
    // axis k of the result is axis k - (rank - |a|) of a, when that is >= 0
    for (std::size_t k = 0; k < rank; ++k) {
        const std::size_t ak = k + a.size() >= rank ? a[k + a.size() - rank] : 1;
        const std::size_t bk = k + b.size() >= rank ? b[k + b.size() - rank] : 1;
        const bool missing = k + a.size() < rank || k + b.size() < rank;
        if (ak != bk && !missing) {
            throw shape_error(detail::message("broadcast_shape: shapes ", shape_text(a), " and ", shape_text(b),
                                              " do not broadcast (axis ", k, " of the result: extents ", ak,
                                              " and ", bk, ")"));
        }
        r[k] = ak == 1 ? bk : ak;  // 1 stretches to the other extent, even to 0
    }
    return r;
}

std::vector<std::size_t> broadcast_strides(const std::vector<std::size_t>& shape,
                                           const std::vector<std::size_t>& target) {
    const std::size_t r = shape.size(), R = target.size();
    if (r > R) {
        throw shape_error(detail::message("broadcast_strides: ", shape_text(shape), " has more axes than ",
                                          shape_text(target)));
    }
    std::vector<std::size_t> s(R, 0);
    std::size_t step = 1;  // row-major stride of the source axis j
    for (std::size_t j = r; j-- > 0;) {
        const std::size_t k = j + (R - r);  // the axis of the target it is aligned with
        if (shape[j] == target[k]) {
            s[k] = step;
        } else {
            throw shape_error(detail::message("broadcast_strides: ", shape_text(shape), " does not broadcast to ",
                                              shape_text(target), " (its axis ", j, " has extent ", shape[j],
                                              ", the target's ", target[k], ")"));
        }
        step *= shape[j];
    }
    return s;
}

xt::xarray<double> broadcast_add(const xt::xarray<double>& a, const xt::xarray<double>& b) {
    const std::vector<std::size_t> sa(a.shape().begin(), a.shape().end());
    const std::vector<std::size_t> sb(b.shape().begin(), b.shape().end());
    std::vector<std::size_t> shape;
    try {
        shape = broadcast_shape(sa, sb);
    } catch (const shape_error&) {
        throw shape_error(detail::message("broadcast_add: shapes ", shape_text(sa), " and ", shape_text(sb),
                                          " do not broadcast"));
    }
    const std::vector<std::size_t> stride_a = broadcast_strides(sa, shape);
    const std::vector<std::size_t> stride_b = broadcast_strides(sb, shape);
    xt::xarray<double> c = xt::xarray<double>::from_shape(shape);
    // walk the result in row-major order with an odometer over its index
    std::vector<std::size_t> index(shape.size(), 0);
    for (std::size_t flat = 0; flat < c.size(); ++flat) {
        std::size_t ia = 0, ib = 0;
        for (std::size_t k = 0; k < shape.size(); ++k) {
            ia += index[k] * stride_a[k];
            ib += index[k] * stride_b[k];
        }
        c.data()[flat] = a.data()[ia] + b.data()[ib];
        for (std::size_t k = shape.size(); k-- > 0;) {
            if (++index[k] < shape[k]) break;
            index[k] = 0;
        }
    }
    return c;
}

}  // namespace dlmath::exercises
