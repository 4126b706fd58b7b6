package done

// Generate returns a channel that delivers values in order and is then
// closed. Its goroutine ends when the last value has been received or when
// done is closed, whichever comes first, and it closes the returned channel
// as it ends.
//
// A consumer that stops reading early must close done: otherwise the
// goroutine stays blocked on its next send for the life of the program.
// Closing done is a request, not an interruption: a reader that keeps
// reading afterwards may still receive a value or two, because when both
// the send and done are ready, select picks one of them at random. The
// channel is closed soon after, so either stop reading or read to the end.
func Generate[T any](done <-chan struct{}, values ...T) <-chan T {
	out := make(chan T)
	go func() {
		defer close(out)
		for _, v := range values {
			select {
			case out <- v:
			case <-done:
				return
			}
		}
	}()
	return out
}

// Repeat returns a channel that delivers values in order, over and over,
// without end. With no values it has nothing to deliver and is closed at
// once. Its goroutine ends when done is closed: that is the only way it
// stops, so the caller must close done when it has read enough, even if a
// later stage such as [Take] has stopped reading.
func Repeat[T any](done <-chan struct{}, values ...T) <-chan T {
	out := make(chan T)
	go func() {
		defer close(out)
		if len(values) == 0 {
			return
		}
		for {
			for _, v := range values {
				select {
				case out <- v:
				case <-done:
					return
				}
			}
		}
	}()
	return out
}
