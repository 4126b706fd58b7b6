package cond_test

import (
	"sync"
	"testing"

	"github.com/stretchr/testify/require"
)

// room holds a Cond by value, as a struct in a slice would.
type room struct {
	cond sync.Cond
}

// panicValue calls f and returns what it panicked with, or nil.
func panicValue(f func()) (v any) {
	defer func() { v = recover() }()
	f()
	return nil
}

// movedRooms returns a full slice of one room whose Cond has been used (if
// used is true), after an append has moved it to a new array, and a pointer
// to the room where it was before the move. The copy is one go vet cannot
// see: append copies the elements itself.
func movedRooms(mu *sync.Mutex, used bool) (moved []room, original *room) {
	rooms := make([]room, 1) // len 1, cap 1: the next append moves it
	rooms[0].cond.L = mu
	original = &rooms[0]
	if used {
		rooms[0].cond.Broadcast() // first use: the Cond records its address
	}
	moved = append(rooms, room{})
	return moved, original
}

// TestCopiedCondPanics proves the runtime half of CD5: a Cond copied after
// its first use panics with exactly "sync.Cond is copied" at the next call
// of Wait, Signal or Broadcast on the copy. The copy here is made by append
// moving a slice, which vet cannot see (testdata/copylocks has the copies
// it can). A Mutex has no such check: a copied Mutex simply stops
// excluding anyone.
func TestCopiedCondPanics(t *testing.T) {
	const want = "sync.Cond is copied"
	calls := []struct {
		name string
		call func(c *sync.Cond)
	}{
		{"Wait", func(c *sync.Cond) {
			c.L.Lock()
			defer c.L.Unlock()
			c.Wait() // panics before it unlocks c.L, so it never blocks
		}},
		{"Signal", (*sync.Cond).Signal},
		{"Broadcast", (*sync.Cond).Broadcast},
	}
	for _, tc := range calls {
		name, call := tc.name, tc.call
		t.Run(name+" on a copy made after first use panics", func(t *testing.T) {
			var mu sync.Mutex
			moved, _ := movedRooms(&mu, true)
			got := panicValue(func() { call(&moved[0].cond) })
			require.Equal(t, want, got, "CD5: what %s on the copied Cond panicked with", name)
		})
	}

	t.Run("the original keeps working", func(t *testing.T) {
		var mu sync.Mutex
		_, original := movedRooms(&mu, true)
		require.Nil(t, panicValue(original.cond.Broadcast), "CD5: Broadcast on the Cond that was copied from")
	})

	t.Run("a copy made before first use does not panic", func(t *testing.T) {
		var mu sync.Mutex
		moved, _ := movedRooms(&mu, false)
		require.Nil(t, panicValue(moved[0].cond.Broadcast), "CD5: Broadcast on a Cond copied before its first use")
	})
}
