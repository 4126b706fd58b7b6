package mutex_test

import (
	"os/exec"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/goprimer/concurrency/internal/crashtest"
	"github.com/goprimer/concurrency/internal/watchdog"
)

// TestOneHolderAtATime proves, inside the test process, that a Mutex admits a
// single holder. TryLock is the probe: a successful TryLock is a Lock, so if
// a second holder could get in, TryLock would say so.
func TestOneHolderAtATime(t *testing.T) {
	t.Run("TryLock fails while another goroutine holds the lock", func(t *testing.T) {
		var mu sync.Mutex
		locked := make(chan struct{})
		release := make(chan struct{})
		var wg sync.WaitGroup
		wg.Go(func() {
			mu.Lock()
			close(locked)
			<-release
			mu.Unlock()
		})
		watchdog.Within(t, "M1: Lock on a free Mutex returns at once", func() { <-locked })
		require.False(t, mu.TryLock(), "TryLock while another goroutine holds the lock = true; want false")
		close(release)
		watchdog.Within(t, "M1: the holder unlocks and returns once released", wg.Wait)
		require.True(t, mu.TryLock(), "TryLock after the holder unlocked = false; want true")
		mu.Unlock()
	})

	t.Run("the holder cannot lock it again", func(t *testing.T) {
		var mu sync.Mutex
		mu.Lock()
		defer mu.Unlock()
		require.False(t, mu.TryLock(), "TryLock by the goroutine holding the lock = true; want false (a Mutex is not reentrant)")
	})

	t.Run("second locker proceeds after Unlock and sees the holder's writes", func(t *testing.T) {
		var mu sync.Mutex
		phase := "start" // guarded by mu
		asking := make(chan struct{})
		seen := make(chan string, 1)
		var wg sync.WaitGroup

		mu.Lock()
		wg.Go(func() {
			close(asking)
			mu.Lock()
			defer mu.Unlock()
			seen <- phase
			phase = "second locker done"
		})
		watchdog.Within(t, "the second locker starts", func() { <-asking })
		phase = "first holder done"
		// The second locker may or may not have reached Lock yet; either
		// way it must not have got past it. (TestSecondLockerBlocks
		// proves that it really waits.)
		select {
		case got := <-seen:
			t.Fatalf("second locker got the lock while it was held and saw phase %q", got)
		default:
		}
		mu.Unlock()
		// Unlock happens before the next Lock returns, so the second locker
		// sees everything the first holder wrote.
		var got string
		watchdog.Within(t, "M1: Unlock lets the waiting locker in", func() {
			got = <-seen
			wg.Wait()
		})
		require.Equal(t, "first holder done", got, "phase seen by the second locker")
		require.Equal(t, "second locker done", phase, "phase after both holders")
	})
}

// TestSecondLockerBlocks proves that Lock waits while the Mutex is held, with
// no timing involved: the child program holds a Mutex for good and waits for
// a goroutine that calls Lock on it. The runtime ends a program whose
// goroutines are all blocked, so the child dies of a deadlock, and its trace
// shows the goroutine parked in sync.Mutex.Lock. Had Lock let the goroutine
// in, the child would have exited normally and the test would fail.
//
// The child is a separate program built without cgo: the runtime's deadlock
// detector stays silent in a test binary.
func TestSecondLockerBlocks(t *testing.T) {
	t.Parallel()
	bin := crashtest.BuildNoCgo(t, "./testdata/secondlocker", "-ldflags=-s -w")

	child := exec.Command(bin)
	child.Env = append(child.Environ(), "GOTRACEBACK=all") // list every goroutine
	stderr := crashtest.Expect(t, child, "fatal error: all goroutines are asleep - deadlock!").Stderr
	require.Contains(t, stderr, "goroutine 1 [chan receive]:", "the main goroutine should wait for the second locker")
	var parked string // the trace of the goroutine waiting in Lock
	for block := range strings.SplitSeq(stderr, "\n\n") {
		if strings.Contains(block, "[sync.Mutex.Lock]:") {
			parked = block
		}
	}
	require.NotEmpty(t, parked, "no goroutine is parked in sync.Mutex.Lock; stderr:\n%s", stderr)
	require.Contains(t, parked, "main.main.func1()", "the parked goroutine should be the second locker")
}
