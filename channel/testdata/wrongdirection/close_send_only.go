//go:build ignore

// This file compiles: closing a channel is the sender's job, so a send-only
// channel may be closed. The tests check that neither the type checker nor
// go build reports anything here.

package wrongdirection

// finish may only send on ch, and closing it is allowed.
func finish(ch chan<- int) {
	close(ch)
}
