//go:build ignore

// This file must not compile: the tests type-check it and build it with
// go build, and both must report the error. The ignore constraint keeps it
// out of every package, so go vet ./... and go build ./... never see it.

package wrongdirection

// drain may only send on ch: the chan<- type says so.
func drain(ch chan<- int) int {
	return <-ch
}
