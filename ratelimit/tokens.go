package ratelimit

import (
	"context"
	"time"
)

// Tokens returns a channel of tokens for bursts: a buffered channel of
// capacity burst that is full when Tokens returns, and that a goroutine
// refills with one token per interval, from a [time.Ticker], until ctx is
// done. A token that finds the channel full is dropped, so the channel
// never holds more than burst: a caller that has been idle has saved up one
// burst at most, never a backlog.
//
// Receive a token before each event. Up to burst events may then happen at
// once, and after that one per interval.
//
// When ctx is done the goroutine stops its ticker and returns, and no more
// tokens come. The channel is never closed, because a closed channel would
// hand out tokens without end, so a caller that may outlive ctx must select
// on ctx.Done() beside its receive.
//
// Tokens panics if burst is less than 1 or interval is not positive.
func Tokens(ctx context.Context, burst int, interval time.Duration) <-chan struct{} {
	if burst < 1 {
		panic("ratelimit: Tokens with burst < 1")
	}
	if interval <= 0 {
		panic("ratelimit: Tokens with interval <= 0")
	}
	tokens := make(chan struct{}, burst)
	for range burst {
		tokens <- struct{}{}
	}
	ticker := time.NewTicker(interval)
	go func() {
		defer ticker.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case <-ticker.C:
				select {
				case tokens <- struct{}{}:
				default: // full: this token is dropped
				}
			}
		}
	}()
	return tokens
}
