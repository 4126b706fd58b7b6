package once_test

import (
	"runtime/debug"
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
