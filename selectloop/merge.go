package selectloop

// Merge returns a channel that delivers every value received from a and b,
// and is closed once both a and b are closed. Values from the same input keep
// their order; values from different inputs interleave in whatever order they
// become ready.
//
// Merge starts one goroutine. It returns after both inputs are closed and
// the caller has received every value, so the caller must keep receiving
// until the result is closed; a caller that stops early leaves the goroutine
// blocked on its next send for ever. (Pair it with a done channel when the
// reader may give up: see the package documentation's for-select forms.)
//
// Merge shows the nil-channel idiom: a closed channel is always ready, so an
// input that has been closed is set to nil, which disables its case, and
// the loop keeps waiting on the other input alone instead of spinning on the
// closed one.
func Merge[T any](a, b <-chan T) <-chan T {
	out := make(chan T)
	go func() {
		defer close(out)
		// Each case whose channel is nil is never chosen; the loop ends
		// when both have been disabled.
		for a != nil || b != nil {
			select {
			case v, ok := <-a:
				if !ok {
					a = nil
					continue
				}
				out <- v
			case v, ok := <-b:
				if !ok {
					b = nil
					continue
				}
				out <- v
			}
		}
	}()
	return out
}
