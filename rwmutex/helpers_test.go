package rwmutex_test

import (
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"
)

// canLock reports whether a writer could take mu right now. It probes with
// TryLock, which never blocks, and gives back a lock it got, so probing does
// not change the state it looks at. A test that probed with Lock instead
// would hang, not fail, when the lock is (wrongly) held.
func canLock(mu *sync.RWMutex) bool {
	if mu.TryLock() {
		mu.Unlock()
		return true
	}
	return false
}

// canRLock reports whether a new reader could take mu right now, like canLock
// but with TryRLock.
func canRLock(mu *sync.RWMutex) bool {
	if mu.TryRLock() {
		mu.RUnlock()
		return true
	}
	return false
}

// waitUntilParked returns once a goroutine started by the calling test is
// parked with the given wait reason, such as "sync.RWMutex.Lock": the word a
// goroutine dump shows in brackets, as in "goroutine 7 [sync.RWMutex.Lock]:".
// If returned is closed first, meaning that the call expected to block came
// back instead, the test fails with msg.
//
// Why a goroutine dump: nothing in the sync API tells that a goroutine is
// blocked in Lock or RLock, no statement of that goroutine can signal after
// it has blocked, and synctest cannot help, because it does not count a
// goroutine blocked on a mutex as durably blocked. The runtime's own record
// of the goroutine's state is the one deterministic witness. Retrying
// TryRLock until it fails would be worse: that loop ends only if the claim
// under test holds, so a false claim would hang the test instead of failing
// it, and bounding it by a guessed number of rounds could fail a true claim.
//
// This loop ends whatever the claim: the goroutine either blocks (the dump
// shows it) or returns from the call (returned is closed). Between looks it
// yields the processor, so the goroutine runs, and it needs one or two: the
// goroutine has only a few instructions to run before it blocks. The bound
// is no timeout but a guard against a future runtime that words its dumps
// differently: that should fail the test with the reasons it saw, not hang.
func waitUntilParked(t *testing.T, reason string, returned <-chan struct{}, msg string) {
	t.Helper()
	const looks = 10_000
	var seen map[string]int
	start := time.Now()
	for range looks {
		select {
		case <-returned:
			t.Fatal(msg)
		default:
		}
		if seen = parked(t); seen[reason] > 0 {
			return
		}
		runtime.Gosched()
	}
	t.Fatalf("after %d looks in %v, no goroutine of this test is parked as %q; the last dump shows %v", looks, time.Since(start).Round(time.Millisecond), reason, seen)
}

// parked counts the goroutines started by the calling test by the reason
// they are parked for, read from a dump of all goroutines. It recognizes
// them by the test's function literals in their frames, so the test must be
// a top-level test function, not a subtest.
func parked(t *testing.T) map[string]int {
	buf := make([]byte, 64<<10)
	for {
		n := runtime.Stack(buf, true)
		if n < len(buf) {
			buf = buf[:n]
			break
		}
		buf = make([]byte, 2*len(buf))
	}
	// A goroutine this test started runs one of the test's function
	// literals, whose frames read "rwmutex_test.TestX.func2()", whether it
	// was started with a go statement or with WaitGroup.Go.
	ownFrame := "rwmutex_test." + t.Name() + ".func"
	counts := make(map[string]int)
	for trace := range strings.SplitSeq(string(buf), "\n\n") {
		// The first line reads "goroutine 7 [reason]:" or, after a minute
		// or more, "goroutine 7 [reason, 2 minutes]:".
		header, _, _ := strings.Cut(trace, "\n")
		_, state, ok := strings.Cut(header, " [")
		if !ok || !strings.Contains(trace, ownFrame) {
			continue
		}
		state, _, _ = strings.Cut(state, "]")
		state, _, _ = strings.Cut(state, ",")
		counts[state]++
	}
	return counts
}
