package ctxdemo_test

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

func TestWithValue(t *testing.T) {
	type key string // declared in this function: only this test can name the type

	t.Run("lookups walk up through every kind of context", func(t *testing.T) {
		root := context.WithValue(t.Context(), key("user"), "alice")
		ctx, cancel := context.WithCancel(root)
		defer cancel()
		ctx, cancel = context.WithTimeout(ctx, time.Hour)
		defer cancel()
		ctx = context.WithoutCancel(ctx)
		ctx = context.WithValue(ctx, key("trace"), "t-1")
		require.Equal(t, "alice", ctx.Value(key("user")), "Value from four levels below")
		require.Equal(t, "t-1", ctx.Value(key("trace")))
	})

	t.Run("values never flow up to a parent", func(t *testing.T) {
		root := context.WithValue(t.Context(), key("user"), "alice")
		_ = context.WithValue(root, key("trace"), "t-1")
		require.Nil(t, root.Value(key("trace")), "the parent sees its child's value")
	})

	t.Run("a child shadows a key and leaves its parent's value", func(t *testing.T) {
		parent := context.WithValue(t.Context(), key("user"), "alice")
		child := context.WithValue(parent, key("user"), "bob")
		sibling := context.WithValue(parent, key("other"), 1)
		require.Equal(t, "bob", child.Value(key("user")), "the nearest value wins")
		require.Equal(t, "alice", parent.Value(key("user")), "the parent's own value")
		require.Equal(t, "alice", sibling.Value(key("user")), "a sibling still sees the parent's value")
	})

	t.Run("a missing key gives nil", func(t *testing.T) {
		ctx := context.WithValue(t.Context(), key("user"), "alice")
		require.Nil(t, ctx.Value(key("nobody")))
	})
}

// TestKeysOfDistinctTypesNeverCollide shows why a key gets a type of its
// own: two packages that both use the text "id" cannot meet, because keys
// are compared with ==, and values of different types are never equal.
func TestKeysOfDistinctTypesNeverCollide(t *testing.T) {
	type authKey string  // as if declared in package auth
	type traceKey string // as if declared in package trace
	ctx := context.WithValue(t.Context(), authKey("id"), "user-7")
	ctx = context.WithValue(ctx, traceKey("id"), "trace-9")
	require.Equal(t, "user-7", ctx.Value(authKey("id")), "auth's value")
	require.Equal(t, "trace-9", ctx.Value(traceKey("id")), "trace's value")
	require.Nil(t, ctx.Value("id"), "a plain string key finds neither")
}

// TestStringKeysCollide is the article's mistake: with the built-in string
// type as key, a second package that picks the same text silently replaces
// the first one's value for everything below it. staticcheck reports such
// keys (SA1029); the directives below let this test make the mistake on
// purpose.
func TestStringKeysCollide(t *testing.T) {
	//lint:ignore SA1029 the collision is what this test shows
	ctx := context.WithValue(t.Context(), "key", "set by package a")
	//lint:ignore SA1029 the collision is what this test shows
	ctx = context.WithValue(ctx, "key", "set by package b")
	require.Equal(t, "set by package b", ctx.Value("key"), "what package a reads back")
}

// TestKeyTypesThatCostNoAllocation checks the advice of WithValue's
// documentation: a key of type struct{} fits in an interface without
// allocating, so looking a value up costs no allocation either.
func TestKeyTypesThatCostNoAllocation(t *testing.T) {
	type key struct{}
	ctx := context.WithValue(t.Context(), key{}, "v")
	allocs := testing.AllocsPerRun(100, func() {
		_ = ctx.Value(key{})
	})
	require.Zero(t, allocs, "allocations per Value(key{})")
}
