package mutex_test

import (
	"sync"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/goprimer/concurrency/internal/crashtest"
	"github.com/goprimer/concurrency/internal/vettest"
)

// TestUnlockOfUnlockedMutexIsFatal runs each misuse in a child process: the
// runtime ends the whole program with a fatal error, which no recover can
// catch. If it were an ordinary panic, the recovering child would exit
// normally and crashtest.Fatal would fail the test.
func TestUnlockOfUnlockedMutexIsFatal(t *testing.T) {
	const want = "fatal error: sync: unlock of unlocked mutex"

	t.Run("unlock of a mutex never locked", func(t *testing.T) {
		t.Parallel()
		crashtest.Fatal(t, want, func() {
			var mu sync.Mutex
			mu.Unlock()
		})
	})

	t.Run("explicit unlock plus deferred unlock", func(t *testing.T) {
		t.Parallel()
		crashtest.Fatal(t, want, func() {
			var mu sync.Mutex
			mu.Lock()
			defer mu.Unlock() // the second Unlock: the mutex is already unlocked
			mu.Unlock()
		})
	})

	t.Run("recover does not stop it", func(t *testing.T) {
		t.Parallel()
		crashtest.Fatal(t, want, func() {
			defer func() { _ = recover() }() // never gets the chance
			var mu sync.Mutex
			mu.Unlock()
		})
	})
}

// TestCopyingAMutexIsReportedByVet runs go vet on testdata/copylocks, which
// copies a Mutex-holding struct through a value receiver, a by-value
// parameter, a range variable and an assignment, and checks that the
// copylocks analyzer reports exactly those four lines, and nothing else.
func TestCopyingAMutexIsReportedByVet(t *testing.T) {
	t.Parallel()
	diags := vettest.Check(t, "testdata/copylocks")
	require.Len(t, diags, 4, "vet diagnostics for testdata/copylocks")
	for _, d := range diags {
		require.Equal(t, "copylocks", d.Analyzer, "analyzer reporting %s", d)
	}
}
