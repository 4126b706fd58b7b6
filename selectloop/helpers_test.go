package selectloop_test

// received returns the values ready on c without waiting for more.
func received[T any](c <-chan T) []T {
	var got []T
	for {
		select {
		case v := <-c:
			got = append(got, v)
		default:
			return got
		}
	}
}

// isClosed reports whether c is closed, without waiting. It must only be used
// on channels that nobody sends on.
func isClosed[T any](c <-chan T) bool {
	select {
	case <-c:
		return true
	default:
		return false
	}
}
