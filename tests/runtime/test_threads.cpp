// The fast twin's team size (dlmath/fast/threads.hpp): the rule from a
// measured load to a team, the parsing of /proc/stat, and the whole path
// beside a busy process that the test starts and stops itself.
#include <chrono>
#include <csignal>
#include <thread>
#include <vector>

#include <omp.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include "dlmath/fast/threads.hpp"
#include "kernels/parallel.hpp"
#include "runtime/threads_detail.hpp"

namespace {

namespace d = dlmath::fast::detail;

TEST(TeamSize, FreeCoresRoundedHalfUpAtLeastOneAtMostWhatOpenMpWants) {
    EXPECT_EQ(d::team_for(2, 2, 0.0), 2);   // a quiet machine: all of them
    EXPECT_EQ(d::team_for(2, 2, 1.0), 1);   // one busy neighbour on 2 cores
    EXPECT_EQ(d::team_for(2, 2, 0.67), 1);  // the neighbour sharing with our 2 threads: 1.33 free
    EXPECT_EQ(d::team_for(2, 2, 0.4), 2);   // 1.6 free rounds to 2
    EXPECT_EQ(d::team_for(2, 2, 0.5), 2);   // half up
    EXPECT_EQ(d::team_for(2, 2, 5.0), 1);   // never below one
    EXPECT_EQ(d::team_for(16, 16, 1.0), 15);
    EXPECT_EQ(d::team_for(4, 16, 1.0), 4);  // never above what OpenMP was asked for
    EXPECT_EQ(d::team_for(8, 16, 10.2), 6);
    EXPECT_EQ(d::team_for(3, 2, 0.0), 2);   // more threads than cores: the cores
    EXPECT_EQ(d::team_for(2, 2, -0.3), 2);  // tick rounding can make the others' share negative
    EXPECT_EQ(d::team_for(0, 2, 0.0), 1);
}

TEST(TeamSize, ReadsTheAggregateLineOfProcStatOnly) {
    d::CpuTimes t;
    ASSERT_TRUE(d::parse_cpu_line("cpu  100 5 20 1000 7 1 2 3 0 0\n", t));
    EXPECT_EQ(t.busy_ticks, 100u + 5 + 20 + 1 + 2 + 3);  // user nice system irq softirq steal
    EXPECT_EQ(t.all_ticks, t.busy_ticks + 1000 + 7);    // + idle iowait
    ASSERT_TRUE(d::parse_cpu_line("cpu 1 2 3 4\n", t));   // an old kernel's four fields
    EXPECT_EQ(t.busy_ticks, 6u);
    EXPECT_EQ(t.all_ticks, 10u);
    EXPECT_FALSE(d::parse_cpu_line("cpu0 100 5 20 1000\n", t));  // one core's line
    EXPECT_FALSE(d::parse_cpu_line("intr 12345\n", t));
    EXPECT_FALSE(d::parse_cpu_line("cpu  x y\n", t));
    EXPECT_FALSE(d::parse_cpu_line("", t));
}

TEST(TeamSize, OffItIsOpenMpsCount) {
    const bool was = dlmath::fast::adapts_threads_to_load();
    dlmath::fast::adapt_threads_to_load(false);
    EXPECT_FALSE(dlmath::fast::adapts_threads_to_load());
    EXPECT_EQ(dlmath::fast::team_size(), omp_get_max_threads());
    dlmath::fast::adapt_threads_to_load(was);
}

// A process that keeps one core busy until it is killed.
class BusyNeighbour {
public:
    BusyNeighbour() : pid_(fork()) {
        if (pid_ == 0) {
            volatile unsigned long spin = 0;
            for (;;) spin = spin + 1;
        }
    }
    ~BusyNeighbour() {
        if (pid_ > 0) {
            kill(pid_, SIGKILL);
            waitpid(pid_, nullptr, 0);
        }
    }
    bool started() const { return pid_ > 0; }
    BusyNeighbour(const BusyNeighbour&) = delete;
    BusyNeighbour& operator=(const BusyNeighbour&) = delete;

private:
    pid_t pid_;
};

TEST(TeamSize, BesideABusyProcessTheTeamLeavesItsCore) {
    const int cpus = static_cast<int>(sysconf(_SC_NPROCESSORS_ONLN));
    const int wanted = omp_get_max_threads();
    ASSERT_TRUE(dlmath::fast::adapts_threads_to_load());
    const BusyNeighbour neighbour;
    ASSERT_TRUE(neighbour.started());
    // one reading to start a window, a window and a half of the neighbour's
    // work, then the reading that measures it
    dlmath::fast::team_size();
    std::this_thread::sleep_for(dlmath::fast::load_window * 3 / 2);
    const int team = dlmath::fast::team_size();
    EXPECT_GE(team, 1);
    EXPECT_LE(team, wanted);
    // the neighbour keeps a core busy: at most the other cores remain (and
    // other processes on the machine can only take more of them)
    if (cpus >= 2 && wanted >= 2) EXPECT_LE(team, cpus - 1) << "cores " << cpus << ", OpenMP wants " << wanted;
}

}  // namespace

// parallel_for (kernels/parallel.hpp): a team of two shares the iterations
// between two threads (schedule(static): the first half on thread 0, the
// second on thread 1); a team of one, or a loop not worth a team, runs them
// all on the calling thread and enters no OpenMP region at all — not even an
// inactive one, which omp_get_level() still counts.
TEST(ParallelFor, ATeamOfOneEntersNoRegion) {
    namespace d = dlmath::fast::detail;
    const bool was = dlmath::fast::adapts_threads_to_load();
    const int threads = omp_get_max_threads();
    dlmath::fast::adapt_threads_to_load(false);
    struct Seen {
        std::vector<int> thread = std::vector<int>(64, -1), level = std::vector<int>(64, -1);
    };
    const auto run = [](bool parallel) {
        Seen s;
        d::parallel_for(0, 64, parallel, [&s](long long i) {
            s.thread[static_cast<std::size_t>(i)] = omp_get_thread_num();
            s.level[static_cast<std::size_t>(i)] = omp_get_level();
        });
        return s;
    };
    omp_set_num_threads(2);
    const Seen two = run(true);
    EXPECT_EQ(two.thread.front(), 0);
    EXPECT_EQ(two.thread.back(), 1);
    EXPECT_EQ(two.level.front(), 1);
    const Seen not_worth = run(false);
    omp_set_num_threads(1);
    const Seen one = run(true);
    omp_set_num_threads(threads);
    dlmath::fast::adapt_threads_to_load(was);
    for (const Seen* s : {&not_worth, &one}) {
        for (std::size_t i = 0; i < 64; ++i) {
            EXPECT_EQ(s->thread[i], 0) << "iteration " << i;
            EXPECT_EQ(s->level[i], 0) << "iteration " << i;
        }
    }
}
