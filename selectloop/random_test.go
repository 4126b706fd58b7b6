package selectloop_test

import (
	"testing"

	"github.com/stretchr/testify/require"
)

// TestReadyCasesAreChosenUniformly runs many selects whose cases are all
// ready (receives from closed channels) and checks that each case wins close
// to its fair share. A select that preferred the first case, or any case,
// would fail it.
//
// How wide the bounds are: with n selects and k cases, a case's wins are
// binomial with mean n/k. By Hoeffding's inequality, wins fall at least t
// away from the mean with probability at most 2·exp(-2t²/n). With n = 10000
// and t = 500 that is 2·e^-50 ≈ 3.9e-22 per case, so the chance that a
// correct runtime fails this test is below 1e-20 per run, even summed over
// every case of both subtests; a million runs would not make it 1e-14.
func TestReadyCasesAreChosenUniformly(t *testing.T) {
	const n, tol = 10000, 500

	t.Run("two cases", func(t *testing.T) {
		a, b := closedChan(), closedChan()
		var wins [2]int
		for range n {
			select {
			case <-a:
				wins[0]++
			case <-b:
				wins[1]++
			}
		}
		for i, w := range wins {
			require.InDelta(t, n/2, w, tol, "case %d won %d of %d selects; want %d±%d", i, w, n, n/2, tol)
		}
	})
	t.Run("four cases", func(t *testing.T) {
		a, b, c, d := closedChan(), closedChan(), closedChan(), closedChan()
		var wins [4]int
		for range n {
			select {
			case <-a:
				wins[0]++
			case <-b:
				wins[1]++
			case <-c:
				wins[2]++
			case <-d:
				wins[3]++
			}
		}
		for i, w := range wins {
			require.InDelta(t, n/4, w, tol, "case %d won %d of %d selects; want %d±%d", i, w, n, n/4, tol)
		}
	})
}

// closedChan returns a closed channel, whose receive case is always ready.
func closedChan() chan struct{} {
	c := make(chan struct{})
	close(c)
	return c
}

// TestNestedSelectGivesPriority shows the pattern that gives one channel
// priority: an outer select with default tries the urgent channel alone, and
// only when it is empty does an inner select wait on both. With both channels
// full, every urgent value comes out before any normal one; a single select
// over both would take a normal value early with probability 1 - 2^-100.
func TestNestedSelectGivesPriority(t *testing.T) {
	const n = 100
	urgent, normal := make(chan string, n), make(chan string, n)
	for range n {
		urgent <- "urgent"
		normal <- "normal"
	}

	var order []string
	for range 2 * n {
		select {
		case v := <-urgent:
			order = append(order, v)
		default:
			select {
			case v := <-urgent:
				order = append(order, v)
			case v := <-normal:
				order = append(order, v)
			}
		}
	}
	for i, v := range order {
		want := "urgent"
		if i >= n {
			want = "normal"
		}
		require.Equal(t, want, v, "receive %d", i)
	}
}
