package pool_test

import (
	"bytes"
	"sync"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestGetOnAnEmptyPool checks P1's fallbacks: with nothing pooled, Get
// returns nil from a Pool without New, and the result of one call of New
// from a Pool with it. Nothing is Put, so a race build behaves the same.
func TestGetOnAnEmptyPool(t *testing.T) {
	t.Run("without New Get returns nil", func(t *testing.T) {
		var p sync.Pool // the zero value is an empty Pool, ready to use
		require.Nil(t, p.Get(), "P1: Get on an empty Pool without New")
	})

	t.Run("with New Get returns what New returns", func(t *testing.T) {
		calls := 0
		p := sync.Pool{New: func() any {
			calls++
			return calls
		}}
		require.Equal(t, 1, p.Get(), "P1: first Get on an empty Pool with New")
		require.Equal(t, 2, p.Get(), "P1: second Get, nothing Put in between")
		require.Equal(t, 2, calls, "P1: calls of New after two Gets on an empty Pool")
	})
}

// TestGetReturnsTheItemAsItWasPut proves P1's warning that Get does not
// reset anything: the buffer comes back with the bytes its last user left
// in it. Whoever gets it must Reset it.
func TestGetReturnsTheItemAsItWasPut(t *testing.T) {
	onePNoAutoGC(t)
	var p sync.Pool
	left := new(bytes.Buffer)
	left.WriteString("left over by the last user")
	p.Put(left)

	got := p.Get()
	requireKept(t, got, any(left), "P1")
	if got != nil {
		require.Equal(t, "left over by the last user", got.(*bytes.Buffer).String(),
			"P1: contents of the buffer Get returned")
	}
}

// TestGetIsNotLastInFirstOut proves P1's "never assume it is the item you
// Put": after Put(a) and Put(b) on one P, Get returns a, not b, the item
// Put last. Put fills the P's private slot first and pushes the rest on a
// shared list, and Get empties the private slot first.
//
// In a race build Put may drop either item, so the test accepts any
// in-order selection of a then b, followed by nil.
func TestGetIsNotLastInFirstOut(t *testing.T) {
	onePNoAutoGC(t)
	var p sync.Pool
	a, b := new(int), new(int)
	*a, *b = 1, 2 // different values, so that require.Equal, which compares deeply, sees the order
	p.Put(a)
	p.Put(b)

	var got []any
	for x := p.Get(); x != nil; x = p.Get() {
		got = append(got, x)
	}
	want := []any{a, b}
	if raceEnabled {
		require.True(t, isSubsequence(got, want),
			"P1: Gets returned %v; want %v in that order, less any item Put dropped (race build)", got, want)
		return
	}
	require.Equal(t, want, got, "P1: Gets after Put(a), Put(b)")
}

// isSubsequence reports whether sub is seq with some elements left out.
func isSubsequence(sub, seq []any) bool {
	for _, x := range sub {
		for len(seq) > 0 && seq[0] != x {
			seq = seq[1:]
		}
		if len(seq) == 0 {
			return false
		}
		seq = seq[1:]
	}
	return true
}
