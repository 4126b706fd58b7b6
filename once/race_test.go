package once_test

import (
	"os/exec"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/goprimer/concurrency/internal/crashtest"
)

// TestLazyInitWithoutOnceIsARace proves O5 with the race detector. It builds
// testdata/onceprog with -race and has two goroutines get a lazily built
// value in four ways. The plain nil check and the atomic flag set before the
// build (the incorrect Do described in sync/once.go) are each reported as a
// data race, and the child exits with status 66, whichever goroutine runs
// first: the detector looks for accesses that nothing orders, not for
// accesses that happened to overlap. sync.Once and sync.OnceValue run
// silent, having built the value once.
func TestLazyInitWithoutOnceIsARace(t *testing.T) {
	t.Parallel()
	bin := crashtest.Build(t, "./testdata/onceprog", "-race")

	for _, tc := range []struct{ form, racer string }{
		{"lazy-nilcheck", "main.nilCheck()"},
		{"lazy-casflag", "main.casFlag()"},
	} {
		t.Run(tc.form+" is a data race", func(t *testing.T) {
			r := crashtest.Run(t, exec.Command(bin, tc.form))
			require.Equal(t, raceExitCode, r.ExitCode, "exit status of %s built with -race (O5)\nstderr:\n%s", tc.form, r.Stderr)
			require.Contains(t, r.Stderr, "WARNING: DATA RACE", "the race detector's report (O5)")
			require.Contains(t, r.Stderr, tc.racer, "the report should name the lazy getter (O5)")
			require.Regexp(t, `^loads = [12]\n$`, r.Stdout, "the child still prints how often it built the value")
		})
	}

	for _, form := range []string{"lazy-once", "lazy-oncevalue"} {
		t.Run(form+" runs silent", func(t *testing.T) {
			r := crashtest.Run(t, exec.Command(bin, form))
			require.Equal(t, 0, r.ExitCode, "exit status of %s built with -race (O5)\nstderr:\n%s", form, r.Stderr)
			require.Empty(t, r.Stderr, "standard error of %s; want no race report (O5)", form)
			require.Equal(t, "loads = 1\n", r.Stdout, "output of %s: the value is built exactly once (O5)", form)
		})
	}
}
