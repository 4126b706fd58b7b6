//go:build ignore

// This file must not compile: the tests type-check it and build it with
// go build, and both must report the error. The ignore constraint keeps it
// out of every package, so go vet ./... and go build ./... never see it.

package wrongdirection

// stop may only receive from ch, and closing is not receiving: only a
// sender may close a channel.
func stop(ch <-chan int) {
	close(ch)
}
