package done

// OrDone returns a channel that delivers the values received from c until c
// is closed or done is closed, and is then closed itself. Its goroutine ends
// when c is closed or done is closed, whichever comes first.
//
// Use it to read a channel you do not own, one that may never be closed,
// with a plain for range loop:
//
//	for v := range OrDone(done, c) {
//		// use v
//	}
//
// The loop ends when done is closed, even if c never is. Without OrDone the
// loop body would need a select on done and c at every step.
func OrDone[T any](done <-chan struct{}, c <-chan T) <-chan T {
	out := make(chan T)
	go func() {
		defer close(out)
		for {
			var v T
			select {
			case received, ok := <-c:
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
