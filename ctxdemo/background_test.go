package ctxdemo_test

import (
	"context"
	"fmt"
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/require"
)

func TestBackgroundAndTODOAreNeverCancelled(t *testing.T) {
	roots := map[string]func() context.Context{
		"context.Background": context.Background,
		"context.TODO":       context.TODO,
	}
	for name, root := range roots {
		t.Run(name, func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				ctx := root()
				require.Equal(t, name, fmt.Sprint(ctx), "the root's String")

				// A child cancelled, or expired, leaves its root alone.
				child, cancel := context.WithTimeout(ctx, time.Second)
				defer cancel()
				<-child.Done()

				// Nor does time: a century of fake clock later, still nothing.
				time.Sleep(100 * 365 * 24 * time.Hour)
				require.Nil(t, ctx.Done(), "Done(): a nil channel, which no one can close")
				require.NoError(t, ctx.Err())
				_, ok := ctx.Deadline()
				require.False(t, ok, "Deadline reports a deadline")
				require.Nil(t, ctx.Value("any key"))
			})
		})
	}
}
