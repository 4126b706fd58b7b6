package timer_test

import "time"

// tryReceive receives from c without blocking. It reports whether a receive
// happened at all: a pending value, or the zero value of a closed channel.
func tryReceive[T any](c <-chan T) (T, bool) {
	select {
	case v := <-c:
		return v, true
	default:
		var zero T
		return zero, false
	}
}

// at returns how far the fake clock of a synctest bubble is past start.
func at(start time.Time) time.Duration {
	return time.Since(start)
}
