package ctxdemo_test

import (
	"context"
	"errors"
	"reflect"
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/require"
)

func TestWithCancelCause(t *testing.T) {
	errGone := errors.New("client went away")

	t.Run("Err stays Canceled and Cause gives the reason", func(t *testing.T) {
		ctx, cancel := context.WithCancelCause(t.Context())
		require.NoError(t, context.Cause(ctx), "Cause before cancel")
		cancel(errGone)
		requireErr(t, "Err()", ctx.Err(), context.Canceled)
		requireErr(t, "Cause", context.Cause(ctx), errGone)
	})

	t.Run("a nil cause means Canceled", func(t *testing.T) {
		ctx, cancel := context.WithCancelCause(t.Context())
		cancel(nil)
		requireErr(t, "Cause", context.Cause(ctx), context.Canceled)
	})

	t.Run("the first cause wins", func(t *testing.T) {
		ctx, cancel := context.WithCancelCause(t.Context())
		cancel(errGone)
		cancel(errors.New("too late"))
		requireErr(t, "Cause", context.Cause(ctx), errGone)
	})

	t.Run("descendants report their ancestor's cause", func(t *testing.T) {
		parent, cancel := context.WithCancelCause(t.Context())
		child, cancelChild := context.WithCancel(parent)
		defer cancelChild()
		cancel(errGone)
		requireErr(t, "child's Err()", child.Err(), context.Canceled)
		requireErr(t, "child's Cause", context.Cause(child), errGone)
	})

	t.Run("without a cause, Cause equals Err", func(t *testing.T) {
		ctx, cancel := context.WithCancel(t.Context())
		cancel()
		requireErr(t, "Cause", context.Cause(ctx), context.Canceled)
	})
}

func TestWithTimeoutCause(t *testing.T) {
	errSlow := errors.New("inventory too slow")

	t.Run("the cause is set when the timeout elapses", func(t *testing.T) {
		synctest.Test(t, func(t *testing.T) {
			start := time.Now()
			ctx, cancel := context.WithTimeoutCause(t.Context(), time.Second, errSlow)
			defer cancel()
			<-ctx.Done()
			require.Equal(t, time.Second, time.Since(start), "Done closed at")
			requireErr(t, "Err()", ctx.Err(), context.DeadlineExceeded)
			requireErr(t, "Cause", context.Cause(ctx), errSlow)
		})
	})

	t.Run("its cancel function sets no cause", func(t *testing.T) {
		synctest.Test(t, func(t *testing.T) {
			ctx, cancel := context.WithTimeoutCause(t.Context(), time.Second, errSlow)
			// Not a CancelCauseFunc, whatever Go 1.26's package overview says.
			require.Equal(t, reflect.TypeFor[context.CancelFunc](), reflect.TypeOf(cancel), "type of WithTimeoutCause's cancel")
			_, cancelDeadline := context.WithDeadlineCause(t.Context(), time.Now().Add(time.Second), errSlow)
			defer cancelDeadline()
			require.Equal(t, reflect.TypeFor[context.CancelFunc](), reflect.TypeOf(cancelDeadline), "type of WithDeadlineCause's cancel")
			cancel()
			requireErr(t, "Err()", ctx.Err(), context.Canceled)
			requireErr(t, "Cause", context.Cause(ctx), context.Canceled)
		})
	})

	t.Run("WithDeadlineCause is the same at a fixed time", func(t *testing.T) {
		synctest.Test(t, func(t *testing.T) {
			start := time.Now()
			ctx, cancel := context.WithDeadlineCause(t.Context(), start.Add(2*time.Second), errSlow)
			defer cancel()
			<-ctx.Done()
			require.Equal(t, 2*time.Second, time.Since(start), "Done closed at")
			requireErr(t, "Cause", context.Cause(ctx), errSlow)
		})
	})
}
