package atomicdemo_test

import (
	"errors"
	"fmt"
	"runtime"
	"sync/atomic"
	"testing"

	"github.com/stretchr/testify/require"
)

// valuePanic runs f and returns the value it panicked with, or nil.
func valuePanic(f func()) (r any) {
	defer func() { r = recover() }()
	f()
	return nil
}

// TestValuePanics checks claim A4: atomic.Value panics, with these exact
// strings (src/sync/atomic/value.go, the same in Go 1.26 and 1.27), on a
// nil value and on a value of another concrete type than the first one
// stored, in Store, Swap and CompareAndSwap alike. After the panic the Value
// still holds what it held.
func TestValuePanics(t *testing.T) {
	tests := []struct {
		name string
		held any // stored first; nil leaves the Value empty
		op   func(v *atomic.Value)
		want string
	}{
		{"Store(nil) into an empty Value", nil, func(v *atomic.Value) { v.Store(nil) },
			"sync/atomic: store of nil value into Value"},
		{"Store(nil) into a Value holding a string", "a", func(v *atomic.Value) { v.Store(nil) },
			"sync/atomic: store of nil value into Value"},
		{"Store of an int into a Value holding a string", "a", func(v *atomic.Value) { v.Store(1) },
			"sync/atomic: store of inconsistently typed value into Value"},
		{"Store of a wrapped error into a Value holding an errors.New error", errors.New("a"),
			func(v *atomic.Value) { v.Store(fmt.Errorf("b: %w", errors.ErrUnsupported)) },
			"sync/atomic: store of inconsistently typed value into Value"},
		{"Swap(nil)", "a", func(v *atomic.Value) { v.Swap(nil) },
			"sync/atomic: swap of nil value into Value"},
		{"Swap of an int into a Value holding a string", "a", func(v *atomic.Value) { v.Swap(1) },
			"sync/atomic: swap of inconsistently typed value into Value"},
		{"CompareAndSwap with a nil new value", "a", func(v *atomic.Value) { v.CompareAndSwap("a", nil) },
			"sync/atomic: compare and swap of nil value into Value"},
		{"CompareAndSwap with old and new of different types", nil, func(v *atomic.Value) { v.CompareAndSwap("a", 1) },
			"sync/atomic: compare and swap of inconsistently typed values"},
		{"CompareAndSwap of ints into a Value holding a string", "a", func(v *atomic.Value) { v.CompareAndSwap(1, 2) },
			"sync/atomic: compare and swap of inconsistently typed value into Value"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var v atomic.Value
			if tt.held != nil {
				v.Store(tt.held)
			}
			got := valuePanic(func() { tt.op(&v) })
			require.Equal(t, tt.want, got, "what %s panicked with (A4)", tt.name)
			require.Equal(t, tt.held, v.Load(), "the Value after the panic; want it unchanged")
		})
	}
}

// TestValueCompareAndSwapComparesWithEquals checks a panic the package
// documentation does not mention: Value.CompareAndSwap compares the held
// value with old using ==, so on a Value holding an uncomparable type such
// as a slice it panics with the runtime's comparison error.
func TestValueCompareAndSwapComparesWithEquals(t *testing.T) {
	var v atomic.Value
	v.Store([]int{1})
	got := valuePanic(func() { v.CompareAndSwap([]int{1}, []int{2}) })
	err, ok := got.(runtime.Error)
	require.True(t, ok, "CompareAndSwap on a held []int panicked with %#v; want a runtime.Error", got)
	require.Equal(t, "runtime error: comparing uncomparable type []int", err.Error(), "the panic of CompareAndSwap on a held []int")
	require.Equal(t, []int{1}, v.Load(), "the Value after the panic; want it unchanged")
}

// TestValueWithoutPanics checks the calls on an atomic.Value that do not
// panic: Load of an empty Value returns nil, CompareAndSwap with a non-nil
// old on an empty Value returns false, and CompareAndSwap with a nil old
// fills it.
func TestValueWithoutPanics(t *testing.T) {
	var v atomic.Value
	require.Nil(t, v.Load(), "Load of an empty Value")
	require.False(t, v.CompareAndSwap("a", "b"), "CompareAndSwap(\"a\", \"b\") on an empty Value")
	require.Nil(t, v.Load(), "Load after a failed CompareAndSwap")
	require.True(t, v.CompareAndSwap(nil, "b"), "CompareAndSwap(nil, \"b\") on an empty Value")
	require.Equal(t, "b", v.Load(), "Load after CompareAndSwap(nil, \"b\")")
	require.Equal(t, "b", v.Swap("c"), "Swap(\"c\") returns the previous value")
}

// TestPointerIsTheTypedReplacement checks the second half of claim A4: with
// atomic.Pointer[T] a value of the wrong type is a compile error, not a
// panic at run time, and nil is an ordinary value (a nil *T), so Store(nil)
// needs no special case.
func TestPointerIsTheTypedReplacement(t *testing.T) {
	_, errs := typeCheck(t, "amd64", `package p

import "sync/atomic"

var p atomic.Pointer[string]

func f() {
	p.Store(new(int))
	n := 1
	p.Store(&n)
}
`)
	want := []string{
		"cannot use new(int) (value of type *int) as *string value in argument to p.Store",
		"cannot use &n (value of type *int) as *string value in argument to p.Store",
	}
	require.Equal(t, want, errs, "go/types errors: a *int stored into an atomic.Pointer[string] (A4)")

	var p atomic.Pointer[string]
	s := "a"
	p.Store(&s)
	require.Nil(t, valuePanic(func() { p.Store(nil) }), "Store(nil) into an atomic.Pointer panicked; want a nil *string stored")
	require.Nil(t, p.Load(), "Load after Store(nil)")
}
