package once_test

import (
	"runtime/debug"
	"testing"
)

// catch calls f and returns what it panicked with, nil if it returned, and
// the stack as it was when the panic reached catch: the panicking frames are
// still on it then, so it shows where the panic started.
func catch(f func()) (v any, stack string) {
	defer func() {
		stack = string(debug.Stack())
		v = recover()
	}()
	f()
	return nil, ""
}

// explode panics with v. A named function, so that a stack trace can be
// searched for it.
func explode(v any) {
	panic(v)
}

// requirePanicValue fails the test unless got, what a call panicked with, is
// want itself: the same value, not merely an equal one. what names the call.
func requirePanicValue(t *testing.T, want error, got any, what string) {
	t.Helper()
	switch err, ok := got.(error); {
	case got == nil:
		t.Fatalf("%s returned normally; want a panic with %#v", what, want)
	case !ok || err != want:
		t.Fatalf("%s panicked with %#v; want %#v", what, got, want)
	}
}
