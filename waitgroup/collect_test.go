package waitgroup_test

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/require"
)

// TestCollectingFromWorkers checks the collection patterns of the examples
// under the least friendly schedule: workers that finish in reverse order.
func TestCollectingFromWorkers(t *testing.T) {
	t.Run("indexed slots keep input order whatever the finishing order", func(t *testing.T) {
		synctest.Test(t, func(t *testing.T) {
			const n = 4
			results := make([]int, n)
			var finished []int // finishing order, for contrast
			var mu sync.Mutex
			var wg sync.WaitGroup
			for i := range n {
				wg.Go(func() {
					time.Sleep(time.Duration(n-i) * time.Second) // worker 0 is the slowest
					results[i] = i * i
					mu.Lock()
					finished = append(finished, i)
					mu.Unlock()
				})
			}
			wg.Wait()

			require.Equal(t, []int{3, 2, 1, 0}, finished, "order the workers finished in")
			require.Equal(t, []int{0, 1, 4, 9}, results, "slots read after Wait")
		})
	})

	t.Run("error slots joined after Wait keep every error in input order", func(t *testing.T) {
		synctest.Test(t, func(t *testing.T) {
			const n = 4
			errs := make([]error, n)
			var wg sync.WaitGroup
			for i := range n {
				wg.Go(func() {
					time.Sleep(time.Duration(n-i) * time.Second)
					if i%2 == 1 {
						errs[i] = fmt.Errorf("worker %d failed", i)
					}
				})
			}
			wg.Wait()

			err := errors.Join(errs...)
			require.EqualError(t, err, "worker 1 failed\nworker 3 failed", "joined errors")
		})
	})

	t.Run("the first error wins and cancels the other workers", func(t *testing.T) {
		synctest.Test(t, func(t *testing.T) {
			ctx, cancel := context.WithCancel(t.Context())
			defer cancel()
			var (
				once     sync.Once
				firstErr error
			)
			fail := func(err error) {
				once.Do(func() {
					firstErr = err
					cancel()
				})
			}
			errSlow := errors.New("slow worker failed")
			errFast := errors.New("fast worker failed")
			// failAfter fails with err after d, unless cancelled first.
			failAfter := func(d time.Duration, err error) func() {
				return func() {
					select {
					case <-time.After(d):
						fail(err)
					case <-ctx.Done():
						fail(ctx.Err())
					}
				}
			}
			start := time.Now()
			var wg sync.WaitGroup
			wg.Go(failAfter(2*time.Second, errSlow)) // started first, fails last
			wg.Go(failAfter(time.Second, errFast))
			wg.Go(failAfter(time.Hour, errors.New("never fails")))
			wg.Wait()

			require.Equal(t, errFast, firstErr, "error kept; want the earliest, not the first started or the last")
			require.Equal(t, time.Second, time.Since(start), "Wait returned at this instant; want right after the first error cancelled the rest")
		})
	})
}
