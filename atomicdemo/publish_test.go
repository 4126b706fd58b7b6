package atomicdemo_test

import (
	"maps"
	"os/exec"
	"slices"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/goprimer/concurrency/internal/crashtest"
	"github.com/goprimer/concurrency/internal/watchdog"
)

// raceExitCode is the status a program built with -race exits with when the
// race detector has reported a race (GORACE's exitcode option, 66 unless
// changed).
const raceExitCode = 66

// TestRaceDetectorJudgesPublication is the race detector's proof of claim
// A5. It builds testdata/publish with -race and runs both forms: a writer
// publishing configurations through a plain *config must be reported as a
// data race and exit with status 66, whatever order the goroutines ran
// in; published through an atomic.Pointer, the same program must run
// silent and exit with status 0.
func TestRaceDetectorJudgesPublication(t *testing.T) {
	t.Parallel()
	bin := crashtest.Build(t, "./testdata/publish", "-race")

	t.Run("a plain pointer is reported as a data race", func(t *testing.T) {
		r := crashtest.Run(t, exec.Command(bin, "plain"))
		require.Equal(t, raceExitCode, r.ExitCode, "exit status of the plain publication built with -race\nstderr:\n%s", r.Stderr)
		require.Contains(t, r.Stderr, "WARNING: DATA RACE", "the race detector's report")
		require.Contains(t, r.Stderr, "main.run.func1()", "the report shows the writer's stack")
		require.Contains(t, r.Stderr, "main.run.func2()", "the report shows the reader's stack")
	})

	t.Run("an atomic.Pointer runs silent (A5)", func(t *testing.T) {
		r := crashtest.Run(t, exec.Command(bin, "atomic"))
		require.Equal(t, 0, r.ExitCode, "exit status of the atomic publication built with -race\nstderr:\n%s", r.Stderr)
		require.Empty(t, r.Stderr, "standard error of the atomic publication; want no race report (A5)")
		require.Equal(t, "last version: 200\n", r.Stdout, "output of the atomic publication")
	})
}

// settings is an immutable configuration: once published it is never
// changed, only replaced by a changed copy.
type settings struct {
	version int
	flags   map[string]bool
}

// setFlag publishes a copy of the current settings with flag set, retrying
// if another writer published in between (claim A5, with the loop of A3).
func setFlag(cur *atomic.Pointer[settings], flag string) {
	for {
		old := cur.Load()
		next := &settings{version: old.version + 1, flags: maps.Clone(old.flags)}
		next.flags[flag] = true
		if cur.CompareAndSwap(old, next) {
			return
		}
	}
}

// TestCopyOnWriteKeepsSnapshotsIntact runs eight writers that each publish
// settings with one more flag, by copy-on-write through an atomic.Pointer,
// while eight readers load the current settings and check them (claim A5).
// Every snapshot a reader sees is whole (its version equals its number of
// flags), a snapshot taken at the start is unchanged at the end, and no
// writer's flag is lost. Under go test -race the race detector also
// checks that the readers' field reads are ordered after the writes.
func TestCopyOnWriteKeepsSnapshotsIntact(t *testing.T) {
	const writers, readers, loads = 8, 8, 200
	var cur atomic.Pointer[settings]
	cur.Store(&settings{flags: map[string]bool{}})
	first := cur.Load()

	start := make(chan struct{})
	var wg sync.WaitGroup
	for w := range writers {
		wg.Go(func() {
			<-start
			setFlag(&cur, string(rune('a'+w)))
		})
	}
	for range readers {
		wg.Go(func() {
			<-start
			for range loads {
				s := cur.Load()
				assert.Equal(t, s.version, len(s.flags), "a published snapshot's version and flag count (A5)")
			}
		})
	}
	watchdog.Within(t, "A5: copy-on-write writers and readers of an atomic.Pointer finish", func() {
		close(start)
		wg.Wait()
	})
	last := cur.Load()
	require.Equal(t, []string{"a", "b", "c", "d", "e", "f", "g", "h"}, slices.Sorted(maps.Keys(last.flags)), "flags of the last published settings; want every writer's (A5)")
	require.Equal(t, writers, last.version, "version of the last published settings")
	require.Equal(t, 0, first.version, "version of the snapshot taken before the writers ran; want it unchanged")
	require.Empty(t, first.flags, "flags of the snapshot taken before the writers ran; want it unchanged")
}
