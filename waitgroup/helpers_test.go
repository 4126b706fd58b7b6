package waitgroup_test

// closed reports, without blocking, whether ch has been closed.
func closed(ch <-chan struct{}) bool {
	select {
	case <-ch:
		return true
	default:
		return false
	}
}

// waitInBackground calls wait in a new goroutine and returns a channel that
// is closed when wait returns.
func waitInBackground(wait func()) <-chan struct{} {
	returned := make(chan struct{})
	go func() {
		wait()
		close(returned)
	}()
	return returned
}
