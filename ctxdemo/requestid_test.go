package ctxdemo_test

import (
	"context"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/goprimer/concurrency/ctxdemo"
)

func TestRequestID(t *testing.T) {
	t.Run("a context without an ID reports none", func(t *testing.T) {
		id, ok := ctxdemo.RequestID(t.Context())
		require.False(t, ok, "RequestID found %q", id)
		require.Empty(t, id)
	})

	t.Run("derived contexts see the ID", func(t *testing.T) {
		ctx, cancel := context.WithCancel(ctxdemo.WithRequestID(t.Context(), "req-1"))
		defer cancel()
		id, ok := ctxdemo.RequestID(ctx)
		require.True(t, ok)
		require.Equal(t, "req-1", id)
	})

	t.Run("the nearest ID wins", func(t *testing.T) {
		outer := ctxdemo.WithRequestID(t.Context(), "req-1")
		inner := ctxdemo.WithRequestID(outer, "req-1.a")
		id, _ := ctxdemo.RequestID(inner)
		require.Equal(t, "req-1.a", id)
		id, _ = ctxdemo.RequestID(outer)
		require.Equal(t, "req-1", id, "the outer context keeps its own ID")
	})

	t.Run("no string key can reach or replace the ID", func(t *testing.T) {
		ctx := ctxdemo.WithRequestID(t.Context(), "req-1")
		for _, k := range []string{"requestID", "requestIDKey", "ctxdemo.requestIDKey", "request-id", ""} {
			//lint:ignore SA1029 another package's careless key is the point
			ctx = context.WithValue(ctx, k, "forged")
			require.NotEqual(t, "req-1", ctx.Value(k), "string key %q reads the ID", k)
		}
		id, _ := ctxdemo.RequestID(ctx)
		require.Equal(t, "req-1", id, "the ID after other packages stored string keys")
	})
}
