#include "dlmath/reference/optimization.hpp"
#include "prelude.hpp"
TEST(GradientMethods, Placeholder) { EXPECT_TRUE(true); }
