package selectloop_test

import (
	"fmt"
	"testing"
	"testing/synctest"

	"github.com/stretchr/testify/require"
)

// TestOperandsAreEvaluatedOnceInSourceOrder shows when select evaluates
// the expressions in its cases. On entering, it evaluates every channel
// operand and every value to send exactly once, in source order, whether or
// not the case will run; waiting and waking up evaluates nothing again. The
// left-hand side of a receive with assignment is the exception: it is
// evaluated only for the chosen case, after the choice.
func TestOperandsAreEvaluatedOnceInSourceOrder(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		events := make(chan string, 16)
		channel := func(name string, c chan int) chan int { events <- "channel " + name; return c }
		value := func(v int) int { events <- fmt.Sprint("value ", v); return v }
		index := func(i int) int { events <- fmt.Sprint("index ", i); return i }

		a, b, c := make(chan int), make(chan int), make(chan int)
		var slots [2]int
		chosen := make(chan string, 1)
		go func() {
			select {
			case channel("a", a) <- value(1):
				chosen <- "a"
			case slots[index(0)] = <-channel("b", b):
				chosen <- "b"
			case slots[index(1)] = <-channel("c", c):
				chosen <- "c"
			}
		}()

		synctest.Wait() // the select is waiting: no case is ready
		require.Equal(t, []string{"channel a", "value 1", "channel b", "channel c"}, received(events),
			"evaluations on entering select")

		c <- 7
		require.Equal(t, "c", <-chosen)
		require.Equal(t, []string{"index 1"}, received(events),
			"evaluations after waking: only the chosen case's left-hand side")
		require.Equal(t, [2]int{0, 7}, slots)
	})
}
