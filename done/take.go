package done

// Take returns a channel that delivers the first n values received from in
// and is then closed. Its goroutine ends when it has passed on n values,
// when in is closed, or when done is closed, whichever comes first; it
// closes the returned channel as it ends. With n <= 0 the returned channel is
// closed at once.
//
// Take stops reading in, but it cannot stop whoever sends on in: that sender
// stays blocked until the done channel it was given is closed.
func Take[T any](done <-chan struct{}, in <-chan T, n int) <-chan T {
	out := make(chan T)
	go func() {
		defer close(out)
		for range n {
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
			case out <- v:
			case <-done:
				return
			}
		}
	}()
	return out
}
