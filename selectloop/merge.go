package selectloop

import "context"

// Merge returns a channel that delivers every value received from a and b.
// Values from the same input keep their order; values from different inputs
// interleave in whatever order they become ready.
//
// Merge starts one goroutine. Its goroutine ends when both a and b are
// closed and every value has been received, or when ctx is done, whichever
// comes first, and it closes the result as it ends. A reader that may stop
// before the result is closed must therefore cancel ctx when it stops:
//
//	ctx, cancel := context.WithCancel(ctx)
//	defer cancel()
//	for v := range selectloop.Merge(ctx, a, b) {
//		// use v; a break or return here is fine, cancel stops Merge
//	}
//
// Without the cancel, a reader that stops early would leave the goroutine
// waiting for ever to send its next value: a leak. Merge watches ctx
// whenever it waits, to receive or to send, so cancelling ctx ends the
// goroutine whether or not anyone still reads. A reader that goes on
// receiving after cancel may get a few more values, since select chooses at
// random among the cases that are ready, and then sees the result closed.
// Cancelling ctx stops only Merge: it does not close a or b, so their
// senders need their own way to stop, usually the same ctx.
//
// Merge shows the nil-channel idiom: a closed channel is always ready, so an
// input that has been closed is set to nil, which disables its case, and
// the loop keeps waiting on the other input alone instead of spinning on the
// closed one.
func Merge[T any](ctx context.Context, a, b <-chan T) <-chan T {
	out := make(chan T)
	go func() {
		defer close(out)
		// Each case whose channel is nil is never chosen; the loop ends
		// when both have been disabled.
		for a != nil || b != nil {
			var v T
			var ok bool
			select {
			case v, ok = <-a:
				if !ok {
					a = nil
					continue
				}
			case v, ok = <-b:
				if !ok {
					b = nil
					continue
				}
			case <-ctx.Done():
				return
			}
			select {
			case out <- v:
			case <-ctx.Done():
				return
			}
		}
	}()
	return out
}
