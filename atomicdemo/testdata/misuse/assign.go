package misuse

import "sync/atomic"

// hits is counted with the atomic functions, the form before the typed
// atomics: nothing stops code from touching it without them.
var hits int64

// count assigns the result of AddInt64 back to the variable it updates:
// the assignment is a plain write, which races with every other count and
// undoes their increments. vet's atomic check reports it, and go test runs
// that check. With an atomic.Int64 the mistake cannot be written, because
// its value is reached only through its methods.
func count() {
	hits = atomic.AddInt64(&hits, 1) // want "direct assignment to atomic value"
}
