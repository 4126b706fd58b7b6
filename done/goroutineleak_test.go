package done_test

import (
	"bytes"
	"fmt"
	"go/version"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"runtime/pprof"
	"slices"
	"strings"
	"sync"
	"testing"

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

// abandonGenerator reads one value from leakyGenerate and returns. The
// generator's goroutine is left blocked on its next send, on a channel that
// no other goroutine can reach any more.
func abandonGenerator() {
	c := leakyGenerate(1, 2, 3)
	<-c
}

// TestRuntimeReportsLeakedGoroutine shows the runtime's "goroutineleak"
// profile finding the abandoned generator, and nothing else. Writing the
// profile runs a garbage collection that marks as leaked every goroutine
// blocked on a channel or sync primitive that no runnable goroutine can
// reach. A leaked goroutine can never be woken, so the leak happens in a
// child process.
//
// Where the child comes from depends on the release. On Go 1.27 and later
// the profile is in every program, this test binary included, so the child
// is this binary. On Go 1.26 it is only in a binary built with
// GOEXPERIMENT=goroutineleakprofile, so the test builds this package again
// with the experiment (the first such build also rebuilds the standard
// library, which takes minutes; later ones come from the build cache).
func TestRuntimeReportsLeakedGoroutine(t *testing.T) {
	const claim = "the goroutineleak profile reports the abandoned generator, and only it"
	if inChild(t) {
		profile := pprof.Lookup("goroutineleak")
		if profile == nil {
			panic("this binary has no goroutineleak profile")
		}
		abandonGenerator()
		var report bytes.Buffer
		// A goroutine counts as leaked only once it is parked, and nothing
		// tells the parent when the generator has reached its next send; so
		// take the profile again, after yielding, until it is there. The
		// generator parks within microseconds; the bound only keeps a
		// broken runtime from hanging the test.
		for range 100 {
			report.Reset()
			if err := profile.WriteTo(&report, 1); err != nil {
				panic(err)
			}
			if strings.Contains(report.String(), "leakyGenerate") {
				break
			}
			runtime.Gosched()
		}
		fmt.Println(runtime.Version())
		fmt.Print(report.String())
		os.Exit(0) // the goroutine leaks on purpose: skip TestMain's check
	}

	exe, err := os.Executable()
	require.NoError(t, err)
	inThisBinary := pprof.Lookup("goroutineleak") != nil
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
		if !inThisBinary {
			exe, err = experimentBinary()
			require.NoError(t, err, "building this package with GOEXPERIMENT=%s", leakProfileExperiment)
		}
	}

	out := runTestBinary(t, exe, claim)
	childVersion, report, _ := strings.Cut(out, "\n")
	// A release built with experiments says so: go1.26.8-X:goroutineleakprofile.
	release, _, _ := strings.Cut(runtime.Version(), "-X:")
	childRelease, _, _ := strings.Cut(childVersion, "-X:")
	require.Equal(t, release, childRelease, "the child's Go release (%s); want the parent's", childVersion)
	require.True(t, strings.HasPrefix(report, "goroutineleak profile: total 1\n"),
		"profile header; want exactly one leaked goroutine:\n%s", report)
	require.Contains(t, report, "done_test.leakyGenerate.func1", "leaked goroutine's function")
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

// experimentDir holds the test binary that experimentBinary builds, once
// per process; TestMain removes it.
var experimentDir string

// experimentBinary builds this package's test binary with the leak profile
// experiment, once per process, and returns its path.
var experimentBinary = sync.OnceValues(func() (string, error) {
	dir, err := os.MkdirTemp("", "done-goroutineleak-")
	if err != nil {
		return "", err
	}
	experimentDir = dir
	exe := filepath.Join(dir, "done.test")
	gocmd, err := exec.LookPath("go")
	if err != nil {
		return "", err
	}
	cmd := exec.Command(gocmd, "test", "-c", "-o", exe, ".")
	cmd.Env = append(os.Environ(), "GOTOOLCHAIN=local", "GOFLAGS=", "GOEXPERIMENT="+leakProfileExperiment)
	if out, err := cmd.CombinedOutput(); err != nil {
		return "", fmt.Errorf("%v\n%s", err, out)
	}
	return exe, nil
})
