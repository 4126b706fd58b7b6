package done

// Map is a pipeline stage: it returns a channel that delivers f(v) for each
// value v received from in, in order. Its goroutine ends when in is closed
// or when done is closed, whichever comes first, and it closes the returned
// channel as it ends, so the stage after it learns that no more values will
// come.
//
// f runs in Map's goroutine, one value at a time.
func Map[T, U any](done <-chan struct{}, in <-chan T, f func(T) U) <-chan U {
	out := make(chan U)
	go func() {
		defer close(out)
		for {
			var v T
			select {
			case received, ok := <-in:
				if !ok {
					return
				}
				v = received
			case <-done:
				return
			}
			select {
			case out <- f(v):
			case <-done:
				return
			}
		}
	}()
	return out
}
