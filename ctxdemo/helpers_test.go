package ctxdemo_test

import "testing"

// isClosed reports whether ch is closed, with one receive that never
// blocks: a nil channel, or one still open, reports false.
func isClosed(ch <-chan struct{}) bool {
	select {
	case <-ch:
		return true
	default:
		return false
	}
}

// requireErr fails the test unless got is exactly want: the same error
// value, not a different error with the same text nor one that wraps it.
// It is meant for the test goroutine only.
func requireErr(t *testing.T, what string, got, want error) {
	t.Helper()
	if got != want {
		t.Fatalf("%s = %v (%T); want %v (%T)", what, got, got, want, want)
	}
}
