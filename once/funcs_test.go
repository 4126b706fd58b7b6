package once_test

import (
	"errors"
	"fmt"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/goprimer/concurrency/internal/watchdog"
)

// funcForms wraps f in each of OnceFunc, OnceValue and OnceValues, as a
// func() that calls the returned function, so one test covers all three.
func funcForms(f func() int) map[string]func() int {
	g := sync.OnceFunc(func() { f() })
	v := sync.OnceValue(f)
	vs := sync.OnceValues(func() (int, error) { return f(), nil })
	return map[string]func() int{
		"OnceFunc":   func() int { g(); return 0 },
		"OnceValue":  v,
		"OnceValues": func() int { n, _ := vs(); return n },
	}
}

// TestFuncFormsRunFOnce proves the first half of O4: the function each form
// returns may be called from many goroutines at once, f runs exactly once,
// and every caller gets the value f returned.
func TestFuncFormsRunFOnce(t *testing.T) {
	const callers = 10
	for _, name := range []string{"OnceFunc", "OnceValue", "OnceValues"} {
		t.Run(name, func(t *testing.T) {
			var runs atomic.Int32
			get := funcForms(func() int { return 42 + int(runs.Add(1)) - 1 })[name]
			got := make([]int, callers)
			var wg sync.WaitGroup
			for i := range callers {
				wg.Go(func() { got[i] = get() })
			}
			watchdog.Within(t, "O4: every call of the returned function returns", wg.Wait)
			require.Equal(t, int32(1), runs.Load(), "calls of f among %d concurrent calls of %s's function (O4)", callers, name)
			if name != "OnceFunc" { // OnceFunc's f returns nothing
				for i, v := range got {
					require.Equal(t, 42, v, "value caller %d got from %s's function (O4)", i, name)
				}
			}
		})
	}
}

// TestFuncFormsRepanicWithTheSameValue proves the second half of O4: where
// Once.Do swallows a panic after the first call (O2), the function each form
// returns panics on every call, with the value f panicked with, and f still
// runs only once. On the first call the panic is raised again inside the
// Once, while f's frames are still on the stack, so its trace reaches into f;
// later calls panic from the returned function alone.
func TestFuncFormsRepanicWithTheSameValue(t *testing.T) {
	errBoom := errors.New("boom")
	for _, name := range []string{"OnceFunc", "OnceValue", "OnceValues"} {
		t.Run(name, func(t *testing.T) {
			runs := 0
			get := funcForms(func() int {
				runs++
				explode(errBoom)
				return 0
			})[name]
			for call := range 3 {
				got, stack := catch(func() { get() })
				requirePanicValue(t, errBoom, got, fmt.Sprintf("O4: call %d of %s's function", call, name))
				reachesF := strings.Contains(stack, "once_test.explode(")
				require.Equal(t, call == 0, reachesF, "O4: call %d of %s's function: panic stack reaches into f = %v; want %v\n%s", call, name, reachesF, call == 0, stack)
			}
			require.Equal(t, 1, runs, "calls of f among 3 calls of %s's function (O4)", name)
		})
	}

	t.Run("a caller waiting for f panics too", func(t *testing.T) {
		entered := make(chan struct{})
		release := make(chan struct{})
		get := sync.OnceValue(func() int {
			close(entered)
			<-release
			explode(errBoom)
			return 0
		})
		first := make(chan any, 1)
		go func() {
			got, _ := catch(func() { get() })
			first <- got
		}()
		watchdog.Within(t, "O4: the first call's f starts", func() { <-entered })
		second := make(chan any, 1)
		go func() {
			got, _ := catch(func() { get() })
			second <- got
		}()
		close(release)
		var got1, got2 any
		watchdog.Within(t, "O4: both calls return after f panics", func() {
			got1 = <-first
			got2 = <-second
		})
		requirePanicValue(t, errBoom, got1, "the first call")
		requirePanicValue(t, errBoom, got2, "O4: the call that waited for f")
	})
}

// TestOnceValuesCachesTheError shows a consequence of O4 that surprises
// people: OnceValues caches an error like any other result. A failed
// initialisation is never retried; every call returns the first error.
func TestOnceValuesCachesTheError(t *testing.T) {
	errUnavailable := errors.New("backend unavailable")
	runs := 0
	connect := sync.OnceValues(func() (string, error) {
		runs++
		if runs == 1 {
			return "", errUnavailable
		}
		return "connected", nil
	})
	for call := range 3 {
		got, err := connect()
		require.True(t, err == errUnavailable, "error of call %d = %v; want the first call's error, cached (O4)", call, err)
		require.Empty(t, got, "value of call %d", call)
	}
	require.Equal(t, 1, runs, "calls of f among 3 calls (O4)")
}

// TestOnceValueMadeInEveryCallRunsFEveryTime shows the mistake of calling
// OnceValue where the value is needed instead of once, at package level: each
// call of OnceValue makes a new Once, so f runs every time (O4).
func TestOnceValueMadeInEveryCallRunsFEveryTime(t *testing.T) {
	runs := 0
	load := func() int { runs++; return runs }
	wrong := func() int { return sync.OnceValue(load)() } // a new Once per call
	right := sync.OnceValue(load)                         // one Once for good

	for range 3 {
		wrong()
	}
	require.Equal(t, 3, runs, "calls of f after 3 calls of a function that calls OnceValue each time")
	for range 3 {
		right()
	}
	require.Equal(t, 4, runs, "calls of f after 3 more calls of one OnceValue's function; want one more (O4)")
}
