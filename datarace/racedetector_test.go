package datarace_test

import (
	"fmt"
	"os/exec"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/goprimer/concurrency/internal/crashtest"
)

// raceExitCode is the status a program built with -race exits with when the
// race detector has reported a race (GORACE's exitcode option, 66 unless
// changed).
const raceExitCode = 66

// racy builds testdata/racy with -race and returns a function that runs it
// in one mode. Every test that calls it builds the same program with the
// same flags, so crashtest runs the go command once for them all.
func racy(t *testing.T) func(t *testing.T, mode string) crashtest.Result {
	t.Helper()
	bin := crashtest.Build(t, "./testdata/racy", "-race")
	return func(t *testing.T, mode string) crashtest.Result {
		t.Helper()
		return crashtest.Run(t, exec.Command(bin, mode))
	}
}

// requireReported checks that the race detector reported the given number
// of data races in r and made the program exit with status 66.
func requireReported(t *testing.T, r crashtest.Result, races int, claim string) {
	t.Helper()
	require.Equal(t, raceExitCode, r.ExitCode, "exit status; want the race detector's 66 (%s)\nstderr:\n%s", claim, r.Stderr)
	require.Contains(t, r.Stderr, "WARNING: DATA RACE\n", "the race detector's report (%s)", claim)
	require.Contains(t, r.Stderr, fmt.Sprintf("Found %d data race(s)\n", races), "the count of races at exit (%s)\nstderr:\n%s", claim, r.Stderr)
}

// requireSilent checks that the program ran with no race report, exited
// with status 0 and printed wantStdout.
func requireSilent(t *testing.T, r crashtest.Result, wantStdout, claim string) {
	t.Helper()
	require.Empty(t, r.Stderr, "standard error; want no race report (%s)", claim)
	require.Equal(t, 0, r.ExitCode, "exit status (%s)", claim)
	require.Equal(t, wantStdout, r.Stdout, "output (%s)", claim)
}

// accessLine matches the first line of each access in a race report, such
// as "Previous write at 0x00c000012345 by goroutine 7:".
var accessLine = regexp.MustCompile(`(?m)^(Read|Write|Previous read|Previous write) at (0x[0-9a-f]+) by (goroutine \d+|main goroutine):$`)

// TestRaceDetectorReportsADataRace proves MM1. Two goroutines write one
// variable with nothing ordering the writes: built with -race, the program
// prints "WARNING: DATA RACE", then the write it caught with its goroutine's
// stack, then the earlier write it races with and that goroutine's stack,
// both at the same address, and exits with status 66, whichever goroutine
// ran first. Goroutines that only read a shared variable, or each write
// their own element of a slice, are no data race, and the detector is
// silent.
func TestRaceDetectorReportsADataRace(t *testing.T) {
	t.Parallel()
	run := racy(t)

	t.Run("two unordered writes are reported with both stacks", func(t *testing.T) {
		r := run(t, "race")
		requireReported(t, r, 1, "MM1")
		require.Equal(t, "race: written twice\n", r.Stdout, "the program runs on after the report (MM1)")

		// The report is "Write at" (the access caught) with its stack, a
		// blank line, "Previous write at" with its stack, then where the
		// goroutines were created.
		accesses := accessLine.FindAllStringSubmatch(r.Stderr, -1)
		require.Len(t, accesses, 2, "access lines in the report (MM1)\nstderr:\n%s", r.Stderr)
		require.Equal(t, "Write", accesses[0][1], "the access the detector caught (MM1)")
		require.Equal(t, "Previous write", accesses[1][1], "the access it races with (MM1)")
		require.Equal(t, accesses[0][2], accesses[1][2], "both accesses are to one variable (MM1)")
		require.NotEqual(t, accesses[0][3], accesses[1][3], "the accesses come from two goroutines (MM1)")

		caught, previous, ok := strings.Cut(r.Stderr, "Previous write at")
		require.True(t, ok)
		previous, _, _ = strings.Cut(previous, "\n\n")
		stacks := []string{caught[strings.Index(caught, "Write at"):], previous}
		left := 0
		if strings.Contains(stacks[1], "main.writeLeft()") {
			left = 1
		}
		require.Contains(t, stacks[left], "main.writeLeft()", "one racing goroutine's stack (MM1)\nstderr:\n%s", r.Stderr)
		require.Contains(t, stacks[1-left], "main.writeRight()", "the other racing goroutine's stack (MM1)\nstderr:\n%s", r.Stderr)
		require.Contains(t, r.Stderr, "testdata/racy/main.go:", "the stacks name file and line (MM1)")
	})

	t.Run("shared reads and distinct elements are no data race", func(t *testing.T) {
		requireSilent(t, run(t, "distinct"), "distinct: [0 1 4 9]\n", "MM1")
	})
}

// TestEachEdgeSilencesTheDetector proves MM2 edge by edge. Each mode writes
// in one goroutine and reads or writes again in another, ordered by one
// happens-before edge of the memory model: built with -race, it runs silent
// and prints the value written. Where the memory model draws a line close
// by, the near miss beside it (writing after the go statement, the swapped
// hand-off on a buffered channel, a semaphore of capacity 2 for two
// workers) is reported as a data race.
func TestEachEdgeSilencesTheDetector(t *testing.T) {
	t.Parallel()
	run := racy(t)

	for _, tc := range []struct {
		edge, mode, stdout string
		nearMiss           string // a mode without the edge, or ""
	}{
		{"the go statement before the goroutine starts", "go", "go: hello\n", "go-late"},
		{"a send before its receive completes", "send", "send: hello\n", ""},
		{"a close before a receive that sees it", "close", "close: hello\n", ""},
		{"an unbuffered receive before its send completes", "unbuffered", "handoff, capacity 0: \"hello\"\n", "buffered"},
		{"the k-th receive before the (k+C)-th send", "capacity1", "capacity 1: n = 2\n", "capacity2"},
		{"Unlock before the next Lock", "mutex", "mutex: 2\n", ""},
		{"Once's f before Do returns", "once", "once: [hello hello]\n", ""},
		{"Done before Wait returns", "waitgroup", "waitgroup: hello\n", ""},
		{"an atomic operation before one that observes it", "atomic", "atomic: hello world\n", ""},
	} {
		t.Run(tc.edge, func(t *testing.T) {
			requireSilent(t, run(t, tc.mode), tc.stdout, "MM2: "+tc.edge)
			if tc.nearMiss != "" {
				requireReported(t, run(t, tc.nearMiss), 1, "MM2: without "+tc.edge)
			}
		})
	}
}

// TestOnlyRaceFreeProgramsArePromisedSC proves the detector's half of MM3.
// The store-buffering litmus test with atomics is data-race-free, runs
// silent and ends in an outcome some interleaving explains; the same test
// with plain variables is a data race, which the detector reports: the
// memory model promises that program nothing.
func TestOnlyRaceFreeProgramsArePromisedSC(t *testing.T) {
	t.Parallel()
	run := racy(t)
	requireSilent(t, run(t, "litmus-atomic"), "litmus-atomic: sequentially consistent\n", "MM3")
	requireReported(t, run(t, "litmus-plain"), 2, "MM3: plain variables race on x and on y")
}

// TestDetectorSeesOnlyPathsThatRun proves MM4: one program, with a data
// race on a path that runs only in verbose mode. Run without it, the race
// detector reports nothing and the program exits with status 0; the race is
// there all the same, and the run that takes the path is reported.
func TestDetectorSeesOnlyPathsThatRun(t *testing.T) {
	t.Parallel()
	run := racy(t)
	requireSilent(t, run(t, "path-not-taken"), "total: 55\n", "MM4: a racy path not taken is not seen")

	r := run(t, "path-taken")
	requireReported(t, r, 1, "MM4: the same path, taken")
	require.Contains(t, r.Stderr, "main.count.func1()", "the report names the racy goroutine (MM4)")
	require.Regexp(t, `^total: 55 \(peeked \d+\)\n$`, r.Stdout, "the program still prints the total (MM4)")
}
