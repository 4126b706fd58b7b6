package workerpool_test

import (
	"context"
	"fmt"
	"sync"
	"sync/atomic"
	"testing"
	"testing/synctest"
	"time"

	"github.com/goprimer/concurrency/workerpool"
	"github.com/stretchr/testify/require"
	"golang.org/x/sync/semaphore"
)

// A way runs job(0) to job(n-1) with at most limit of them at once.
type way struct {
	name string
	run  func(limit, n int, job func(i int))
}

// bounded lists the ways of Example_sameBound, and Map.
var bounded = []way{
	{"worker goroutines", withWorkers},
	{"errgroup.SetLimit", withSetLimit},
	{"semaphore.Weighted", withWeighted},
	{"buffered channel", withChannel},
	{"workerpool.Map", func(limit, n int, job func(i int)) {
		indexes := make([]int, n)
		for i := range indexes {
			indexes[i] = i
		}
		_, err := workerpool.Map(context.Background(), limit, indexes,
			func(ctx context.Context, i int) (struct{}, error) {
				job(i)
				return struct{}{}, nil
			})
		if err != nil {
			panic(err) // no call fails
		}
	}},
}

// TestTheBoundIsReachedAndNeverExceeded proves WP2 on the fake clock, for
// each way and for limits 1 to 4: six jobs of 1s start in waves of the
// limit, the meter's most in flight is exactly the limit (never more, and
// reached, so the bound is not met trivially), and the run ends at the
// instant the waves predict, 6 jobs on 2 slots at exactly 3s.
func TestTheBoundIsReachedAndNeverExceeded(t *testing.T) {
	for _, w := range bounded {
		for limit := 1; limit <= 4; limit++ {
			t.Run(fmt.Sprintf("%s limit %d", w.name, limit), func(t *testing.T) {
				bubble(t, w.name+" runs six 1s jobs at most limit at once (WP2)", func(t *testing.T) {
					const jobs = 6
					start := time.Now()
					var m meter
					var mu sync.Mutex
					var starts []time.Duration
					w.run(limit, jobs, func(int) {
						m.start()
						defer m.finish()
						mu.Lock()
						starts = append(starts, time.Since(start))
						mu.Unlock()
						time.Sleep(time.Second)
					})

					require.EqualValues(t, limit, m.most.Load(), "most jobs in flight at once; want exactly the limit (WP2)")
					var want []time.Duration
					for i := range jobs {
						want = append(want, time.Duration(i/limit)*time.Second)
					}
					require.Equal(t, want, starts, "instants the jobs started; want waves of the limit (WP2)")
					waves := (jobs + limit - 1) / limit
					require.Equal(t, time.Duration(waves)*time.Second, time.Since(start), "instant the run ended (WP2)")
					require.Zero(t, m.now.Load(), "jobs in flight after the run returned; want none")
				})
			})
		}
	}
}

// TestTheMeterSeesAnExcess shows that WP2's measure can fail: the same six
// jobs started with no bound, a goroutine each, all run at once, and the
// meter reads 6, not 2.
func TestTheMeterSeesAnExcess(t *testing.T) {
	bubble(t, "six unbounded 1s jobs run at once", func(t *testing.T) {
		start := time.Now()
		var m meter
		var wg sync.WaitGroup
		for range 6 {
			wg.Go(func() {
				m.start()
				defer m.finish()
				time.Sleep(time.Second)
			})
		}
		wg.Wait()
		require.EqualValues(t, 6, m.most.Load(), "most jobs in flight with no bound; want all 6")
		require.Equal(t, time.Second, time.Since(start), "instant the unbounded run ended")
	})
}

// TestAcquireInsideTheGoroutineBoundsJobsNotGoroutines shows where a
// semaphore's Acquire belongs (WP2): inside the new goroutine it still
// holds six 1s jobs to two at a time, but all six goroutines exist at 0s;
// before the go statement, only two do.
func TestAcquireInsideTheGoroutineBoundsJobsNotGoroutines(t *testing.T) {
	for _, tc := range []struct {
		name    string
		inside  bool
		spawned int64 // goroutines started by 0s
	}{
		{"acquire inside the goroutine", true, 6},
		{"acquire before go", false, 2},
	} {
		t.Run(tc.name, func(t *testing.T) {
			bubble(t, tc.name+" holds six 1s jobs to two at a time (WP2)", func(t *testing.T) {
				ctx := context.Background() // never done: Acquire cannot fail
				sem := semaphore.NewWeighted(2)
				var m meter
				var spawned atomic.Int64
				var wg sync.WaitGroup
				wg.Go(func() { // the loop that starts the jobs
					for range 6 {
						if !tc.inside {
							_ = sem.Acquire(ctx, 1)
						}
						wg.Go(func() {
							spawned.Add(1)
							if tc.inside {
								_ = sem.Acquire(ctx, 1)
							}
							defer sem.Release(1)
							m.start()
							defer m.finish()
							time.Sleep(time.Second)
						})
					}
				})

				synctest.Wait()
				require.Equal(t, tc.spawned, spawned.Load(), "goroutines started by 0s (WP2)")
				wg.Wait()
				require.EqualValues(t, 2, m.most.Load(), "most jobs in flight at once; want the bound either way (WP2)")
			})
		})
	}
}
