// Package lostcancel holds the ways to lose a cancel function that go vet's
// lostcancel analyzer reports, next to the fix. It is only ever vetted.
package lostcancel

import (
	"context"
	"time"
)

// discarded throws the cancel function away: the context's resources (here
// a timer, and its place among its parent's children) live until the
// deadline instead of until the work is done.
func discarded(parent context.Context) error {
	ctx, _ := context.WithTimeout(parent, time.Second) // want "the cancel function returned by context.WithTimeout should be called, not discarded, to avoid a context leak"
	return work(ctx)
}

// notOnAllPaths calls cancel on one path only.
func notOnAllPaths(parent context.Context, fast bool) error {
	ctx, cancel := context.WithCancel(parent) // want "the cancel function is not used on all paths (possible context leak)"
	if fast {
		return nil // want "this return statement may be reached without using the cancel var defined on line 20"
	}
	err := work(ctx)
	cancel()
	return err
}

// deferred is the fix: defer cancel() right after creating the context
// releases it on every path, early returns and panics included.
func deferred(parent context.Context) error {
	ctx, cancel := context.WithTimeout(parent, time.Second)
	defer cancel()
	return work(ctx)
}

func work(ctx context.Context) error {
	<-ctx.Done()
	return ctx.Err()
}
