package selectloop_test

import (
	"testing"
	"testing/synctest"

	"github.com/stretchr/testify/require"

	"github.com/goprimer/concurrency/internal/watchdog"
)

// TestSendIterationValues covers the article's first for-select use: sending
// the values of an iteration on a channel.
func TestSendIterationValues(t *testing.T) {
	t.Run("the article's loop fills the buffer in order", func(t *testing.T) {
		synctest.Test(t, func(t *testing.T) {
			c := make(chan int, 3)
			for _, s := range []int{1, 2, 3} {
				//lint:ignore S1000 the article's loop as written: one case, so just a send
				select {
				case c <- s:
				}
			}
			require.Equal(t, []int{1, 2, 3}, received(c))
		})
	})
	t.Run("a select with one send case blocks like a plain send", func(t *testing.T) {
		synctest.Test(t, func(t *testing.T) {
			c := make(chan int, 2)
			finished := make(chan struct{})
			go func() {
				defer close(finished)
				for _, s := range []int{1, 2, 3} {
					//lint:ignore S1000 the article's loop as written: one case, so just a send
					select {
					case c <- s:
					}
				}
			}()
			synctest.Wait() // the third send waits for room
			require.Len(t, c, 2)
			require.False(t, isClosed(finished), "the loop finished with no room for its third value")

			require.Equal(t, 1, <-c) // make room
			<-finished
			require.Equal(t, []int{2, 3}, received(c))
		})
	})
	t.Run("a done case stops the sender when the receiver quits", func(t *testing.T) {
		synctest.Test(t, func(t *testing.T) {
			values, done := make(chan int), make(chan struct{})
			finished := make(chan struct{})
			sent := 0
			go func() {
				defer close(finished)
				for _, s := range []int{1, 2, 3, 4, 5} {
					select {
					case values <- s:
						sent++
					case <-done:
						return
					}
				}
			}()
			require.Equal(t, 1, <-values)
			require.Equal(t, 2, <-values)
			close(done)
			synctest.Wait()
			// Without the done case the sender would now be stuck sending 3.
			require.True(t, isClosed(finished), "the sender did not stop when done closed")
			require.Equal(t, 2, sent)
		})
	})
}

// The article's two for-select forms that loop until done is closed. Each
// calls work once per turn and returns how many units of work it did.

func workInDefault(done <-chan struct{}, work func()) (units int) {
	for {
		select {
		case <-done:
			return units
		default:
			work()
			units++
		}
	}
}

func workAfterSelect(done <-chan struct{}, work func()) (units int) {
	for {
		select {
		case <-done:
			return units
		default:
		}
		work()
		units++
	}
}

// TestForSelectStopsOnDone runs both forms with units of work that last until
// the test lets them end, and closes done in the middle of the third unit. The
// unit in progress completes; the loop sees done at its next check and does no
// fourth unit. A loop that ignored done would start unit 4 and fail the test.
func TestForSelectStopsOnDone(t *testing.T) {
	forms := []struct {
		name string
		loop func(done <-chan struct{}, work func()) int
	}{
		{"work in default", workInDefault},
		{"work after select", workAfterSelect},
	}
	for _, form := range forms {
		t.Run(form.name, func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				done := make(chan struct{})
				started := make(chan struct{})
				finish := make(chan struct{})
				// A unit of work announces itself and lasts until finish.
				work := func() {
					started <- struct{}{}
					<-finish
				}
				units := make(chan int, 1)
				go func() { units <- form.loop(done, work) }()

				for range 2 {
					<-started
					finish <- struct{}{}
				}
				<-started
				close(done) // stop requested during unit 3
				finish <- struct{}{}

				synctest.Wait() // the loop has returned, or is stuck in a fourth unit
				require.Empty(t, received(started), "a unit of work started after done closed")
				require.Equal(t, 3, <-units, "units of work done")
			})
		})
		t.Run(form.name+" does nothing once done is closed", func(t *testing.T) {
			done := make(chan struct{})
			close(done)
			// A loop that ignored done would run for ever: the watchdog
			// turns that into a failure naming the claim.
			units := 0
			watchdog.Within(t, "a for-select loop returns at once when done is already closed", func() {
				units = form.loop(done, func() { t.Fatal("work ran after done was closed") })
			})
			require.Equal(t, 0, units)
		})
	}
}

// TestBreakInSelectLeavesOnlyTheSelect pins down a trap of the first form: a
// break inside a select case ends the select, not the enclosing for loop. The
// second form keeps the work outside the select, where break means the loop;
// from inside a select, leaving the loop takes a labeled break or a return.
func TestBreakInSelectLeavesOnlyTheSelect(t *testing.T) {
	ready := make(chan struct{})
	close(ready)

	turns := 0
	for range 3 {
		turns++
		select {
		case <-ready:
			//lint:ignore SA4011 the ineffective break is the trap this test shows
			break // leaves the select only
		default:
			t.Fatal("a closed channel was not ready")
		}
	}
	require.Equal(t, 3, turns, "turns of the loop")

	turns = 0
loop:
	for range 3 {
		turns++
		select {
		case <-ready:
			break loop
		default:
			t.Fatal("a closed channel was not ready")
		}
	}
	require.Equal(t, 1, turns, "turns of the loop with a labeled break")
}
