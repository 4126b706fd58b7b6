package ctxdemo

import (
	"context"
	"time"
)

// Sleep pauses the calling goroutine for d, like [time.Sleep], but returns as
// soon as ctx is done. It returns nil after the full pause and ctx.Err()
// ([context.Canceled] or [context.DeadlineExceeded]) when it was cut short.
// If ctx is already done, Sleep returns at once; if the pause ends at the
// very instant ctx is done, either result is possible.
//
// It is the blocking alternative to a loop that polls ctx.Done() in a select
// with an empty default case, and to a time.Sleep that cannot be interrupted:
// the goroutine waits on both the timer and the context at the same time, so
// it uses no CPU while it waits and stops the moment it is told to.
func Sleep(ctx context.Context, d time.Duration) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	timer := time.NewTimer(d)
	defer timer.Stop()
	select {
	case <-timer.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}
