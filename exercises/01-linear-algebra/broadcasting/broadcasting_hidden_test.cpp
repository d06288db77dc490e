// Hidden tests of the broadcasting exercise: size-1 axes anywhere, the
// column-plus-vector trap, scalars and empty extents, the errors, and
// RapidCheck properties on random shapes. All values are small integers,
// whose sums are exact: the comparisons are exact.
#include "broadcasting.hpp"

#include <algorithm>
#include <cstddef>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <dlmath/errors.hpp>

using dlmath::exercises::broadcast_add;
using dlmath::exercises::broadcast_shape;
using dlmath::exercises::broadcast_strides;
using Shape = std::vector<std::size_t>;

namespace {
std::size_t count(const Shape& s) {
    std::size_t n = 1;
    for (std::size_t e : s) n *= e;
    return n;
}
// an array of this shape whose entries are scale * (0, 1, 2, ...) in row-major order
xt::xarray<double> numbered(const Shape& s, double scale) {
    xt::xarray<double> a = xt::xarray<double>::from_shape(s);
    for (std::size_t i = 0; i < a.size(); ++i) a.data()[i] = scale * static_cast<double>(i);
    return a;
}
// the row-major index of the source entry that target index `index` reads:
// the source's own axes, aligned from the right, at index 0 where its extent is 1
std::size_t source_index(const Shape& source, const Shape& target, const Shape& index) {
    std::size_t flat = 0;
    for (std::size_t j = 0; j < source.size(); ++j) {
        const std::size_t i = source[j] == 1 ? 0 : index[j + target.size() - source.size()];
        flat = flat * source[j] + i;
    }
    return flat;
}
// the multi-index of row-major position `flat` in `shape`
Shape unflatten(std::size_t flat, const Shape& shape) {
    Shape index(shape.size());
    for (std::size_t k = shape.size(); k-- > 0;) {
        index[k] = flat % shape[k];
        flat /= shape[k];
    }
    return index;
}
// an array of this shape holding these values in row-major order
xt::xarray<double> filled(const Shape& s, const std::vector<double>& values) {
    xt::xarray<double> a = xt::xarray<double>::from_shape(s);
    std::copy(values.begin(), values.end(), a.begin());
    return a;
}
Shape shape_of(const xt::xarray<double>& a) { return Shape(a.shape().begin(), a.shape().end()); }

// A random target shape (rank 0..4, extents 1..4) and a source that
// broadcasts to it: some leading axes dropped, some others set to 1.
struct Pair {
    Shape source, target;
};
Pair random_pair() {
    const auto rank = *rc::gen::inRange<std::size_t>(0, 5);
    const auto target = *rc::gen::container<Shape>(rank, rc::gen::inRange<std::size_t>(1, 5));
    const auto keep = *rc::gen::inRange<std::size_t>(0, rank + 1);
    const auto ones = *rc::gen::container<std::vector<bool>>(keep, rc::gen::arbitrary<bool>());
    Shape source(keep);
    for (std::size_t j = 0; j < keep; ++j) source[j] = ones[j] ? 1 : target[rank - keep + j];
    return {source, target};
}
}  // namespace

TEST(BroadcastingHidden, AColumnPlusAVectorIsATable) {
    // the trap of section 1.1: (4, 1) + (4,) is 4 x 4, c_i + v_j
    const xt::xarray<double> column = filled({4, 1}, {1.0, 2.0, 3.0, 4.0});
    const xt::xarray<double> v = {10.0, 20.0, 30.0, 40.0};
    EXPECT_EQ(broadcast_shape({4, 1}, {4}), (Shape{4, 4}));
    const xt::xarray<double> c = broadcast_add(column, v);
    ASSERT_EQ(shape_of(c), (Shape{4, 4}));
    for (std::size_t i = 0; i < 4; ++i)
        for (std::size_t j = 0; j < 4; ++j) EXPECT_EQ(c(i, j), column(i, 0) + v(j)) << "entry " << i << ", " << j;
}

TEST(BroadcastingHidden, SizeOneAxesStretchAnywhere) {
    EXPECT_EQ(broadcast_shape({2, 1, 3}, {5, 1}), (Shape{2, 5, 3}));
    EXPECT_EQ(broadcast_shape({1, 4}, {3, 1}), (Shape{3, 4}));
    EXPECT_EQ(broadcast_strides({2, 1, 3}, {2, 5, 3}), (Shape{3, 0, 1}));
    EXPECT_EQ(broadcast_strides({5, 1}, {2, 5, 3}), (Shape{0, 1, 0}));
    // (1, 4) + (3, 1): both operands stretched
    const xt::xarray<double> row = filled({1, 4}, {1.0, 2.0, 3.0, 4.0});
    const xt::xarray<double> col = filled({3, 1}, {100.0, 200.0, 300.0});
    const xt::xarray<double> c = broadcast_add(row, col);
    ASSERT_EQ(shape_of(c), (Shape{3, 4}));
    EXPECT_EQ(c(2, 3), 304.0);
    EXPECT_EQ(c(1, 0), 201.0);
}

TEST(BroadcastingHidden, ScalarsAndEmptyExtents) {
    EXPECT_EQ(broadcast_shape({}, {3, 2}), (Shape{3, 2}));
    EXPECT_EQ(broadcast_shape({}, {}), Shape{});
    EXPECT_EQ(broadcast_shape({0}, {1}), (Shape{0}));        // 1 stretches to 0
    EXPECT_EQ(broadcast_shape({1}, {0, 3}), (Shape{0, 3}));
    EXPECT_THROW(broadcast_shape({0}, {2}), dlmath::shape_error);
    const xt::xarray<double> scalar = 7.0;
    const xt::xarray<double> c = broadcast_add(scalar, numbered({2, 3}, 1.0));
    ASSERT_EQ(shape_of(c), (Shape{2, 3}));
    EXPECT_EQ(c(1, 2), 12.0);
    EXPECT_EQ(broadcast_add(numbered({0, 3}, 1.0), numbered({3}, 1.0)).size(), 0u);
}

TEST(BroadcastingHidden, ErrorsNameTheFunctionAndTheShapes) {
    try {
        (void)broadcast_shape({2, 3}, {4, 3});
        ADD_FAILURE() << "no shape_error for (2, 3) and (4, 3)";
    } catch (const dlmath::shape_error& e) {
        const std::string what = e.what();
        EXPECT_NE(what.find("broadcast_shape"), std::string::npos) << what;
        EXPECT_NE(what.find('2'), std::string::npos) << what;
        EXPECT_NE(what.find('4'), std::string::npos) << what;
    }
    // broadcasting *to* a shape goes one way: (3,) is not read as (1,),
    // and a source of higher rank does not fit
    EXPECT_THROW(broadcast_strides({3}, {1}), dlmath::shape_error);
    EXPECT_THROW(broadcast_strides({2, 3}, {3}), dlmath::shape_error);
    EXPECT_THROW(broadcast_add(numbered({2, 1}, 1.0), numbered({3, 1}, 1.0)), dlmath::shape_error);
}

// The broadcast shape of a source and a target it broadcasts to is the
// target, both ways round; reading the source through the strides gives the
// entry the rule says.
RC_GTEST_PROP(BroadcastingHidden, StridesReadTheStretchedSource, ()) {
    const Pair p = random_pair();
    RC_ASSERT(broadcast_shape(p.source, p.target) == p.target);
    RC_ASSERT(broadcast_shape(p.target, p.source) == p.target);
    const Shape stride = broadcast_strides(p.source, p.target);
    RC_ASSERT(stride.size() == p.target.size());
    for (std::size_t flat = 0; flat < count(p.target); ++flat) {
        const Shape index = unflatten(flat, p.target);
        std::size_t offset = 0;
        for (std::size_t k = 0; k < index.size(); ++k) offset += index[k] * stride[k];
        RC_ASSERT(offset == source_index(p.source, p.target, index));
    }
}

// The sum of a source and a target-shaped array, entry by entry.
RC_GTEST_PROP(BroadcastingHidden, TheSumAddsTheEntriesTheRuleSays, ()) {
    const Pair p = random_pair();
    const xt::xarray<double> a = numbered(p.source, 1000.0), b = numbered(p.target, 1.0);
    const xt::xarray<double> c = broadcast_add(a, b);
    RC_ASSERT(shape_of(c) == p.target);
    for (std::size_t flat = 0; flat < c.size(); ++flat) {
        const double want = 1000.0 * static_cast<double>(source_index(p.source, p.target, unflatten(flat, p.target))) +
                            static_cast<double>(flat);
        RC_ASSERT(c.data()[flat] == want);
    }
}

// An axis whose extents differ, neither being 1, makes any pair of shapes
// fail, whatever axes surround it.
RC_GTEST_PROP(BroadcastingHidden, AMismatchedAxisIsAShapeError, ()) {
    const Pair p = random_pair();
    const auto extent = *rc::gen::inRange<std::size_t>(2, 5);
    Shape a = p.source, b = p.target;
    a.push_back(extent);
    b.push_back(extent + 1);
    RC_ASSERT_THROWS_AS(broadcast_shape(a, b), dlmath::shape_error);
    RC_ASSERT_THROWS_AS(broadcast_strides(a, b), dlmath::shape_error);
}
