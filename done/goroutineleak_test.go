package done_test

import (
	"go/version"
	"os"
	"os/exec"
	"runtime"
	"runtime/debug"
	"runtime/pprof"
	"slices"
	"strings"
	"testing"

	"github.com/goprimer/concurrency/internal/crashtest"
	"github.com/stretchr/testify/require"
)

const (
	// leakProfileStandard is the release from which every program has the
	// "goroutineleak" profile. In Go 1.26 only a program built with the
	// experiment below has it; Go 1.27 removed the experiment.
	leakProfileStandard = "go1.27"

	// leakProfileExperiment is the GOEXPERIMENT that adds the profile in
	// Go 1.26.
	leakProfileExperiment = "goroutineleakprofile"
)

// TestRuntimeReportsLeakedGoroutine shows the runtime's "goroutineleak"
// profile finding an abandoned generator, and nothing else. Writing the
// profile runs a garbage collection that marks as leaked every goroutine
// blocked on a channel or sync primitive that no runnable goroutine can
// reach. A leaked goroutine can never be woken, so the leak happens in a
// child process: testdata/leakprofile, whose generator is leakyGenerate's
// twin.
//
// How the child gets the profile depends on the release. From Go 1.27 every
// program has it, this test binary included. On Go 1.26 only a program
// built with GOEXPERIMENT=goroutineleakprofile has it, so the child is
// built with the experiment (the first such build also rebuilds the
// standard library, which takes minutes; later ones come from the build
// cache).
func TestRuntimeReportsLeakedGoroutine(t *testing.T) {
	t.Parallel()
	inThisBinary := pprof.Lookup("goroutineleak") != nil
	var env []string
	if version.Compare(runtime.Version(), leakProfileStandard) >= 0 {
		require.True(t, inThisBinary,
			"pprof.Lookup(\"goroutineleak\") = nil on %s; want the profile in every program from %s", runtime.Version(), leakProfileStandard)
		// The experiment is gone: naming it is an error, which is what
		// broke a CI step written for Go 1.26.
		out, err := goCommand(t, "GOEXPERIMENT="+leakProfileExperiment, "env", "GOEXPERIMENT").CombinedOutput()
		require.Error(t, err, "go env with GOEXPERIMENT=%s on %s printed %q; want it rejected", leakProfileExperiment, runtime.Version(), out)
		require.Equal(t, "go: unknown GOEXPERIMENT "+leakProfileExperiment+"\n", string(out))
	} else {
		withExperiment := builtWithExperiment(leakProfileExperiment)
		require.Equal(t, withExperiment, inThisBinary,
			"goroutineleak profile present on %s; want it exactly when the binary is built with GOEXPERIMENT=%s (here: %v)",
			runtime.Version(), leakProfileExperiment, withExperiment)
		env = []string{"GOEXPERIMENT=" + leakProfileExperiment}
	}

	exe := crashtest.BuildEnv(t, env, "./testdata/leakprofile")
	r := crashtest.Run(t, exec.Command(exe))
	require.Equal(t, 0, r.ExitCode, "exit status of testdata/leakprofile; stderr:\n%s", r.Stderr)
	childVersion, report, _ := strings.Cut(r.Stdout, "\n")
	// A release built with experiments says so: go1.26.8-X:goroutineleakprofile.
	release, _, _ := strings.Cut(runtime.Version(), "-X:")
	childRelease, _, _ := strings.Cut(childVersion, "-X:")
	require.Equal(t, release, childRelease, "the child's Go release (%s); want the parent's", childVersion)
	require.True(t, strings.HasPrefix(report, "goroutineleak profile: total 1\n"),
		"profile header; want exactly one leaked goroutine, the abandoned generator:\n%s", report)
	require.Contains(t, report, "main.leakyGenerate.func1", "leaked goroutine's function")
	t.Logf("the runtime's report:\n%s", report)
}

// builtWithExperiment reports whether this binary was built with the
// GOEXPERIMENT named.
func builtWithExperiment(name string) bool {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return false
	}
	for _, s := range info.Settings {
		if s.Key == "GOEXPERIMENT" && slices.Contains(strings.Split(s.Value, ","), name) {
			return true
		}
	}
	return false
}

// goCommand returns a command running the go command of the toolchain
// that built this test (go test puts its GOROOT/bin first on PATH) with
// args, with env added to its environment.
func goCommand(t *testing.T, env string, args ...string) *exec.Cmd {
	t.Helper()
	gocmd, err := exec.LookPath("go")
	require.NoError(t, err)
	cmd := exec.CommandContext(t.Context(), gocmd, args...)
	cmd.Env = append(os.Environ(), "GOTOOLCHAIN=local", "GOFLAGS=", env)
	return cmd
}
