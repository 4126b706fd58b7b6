package crashtest_test

import (
	"debug/buildinfo"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"sync"
	"testing"

	"go.uber.org/goleak"

	"github.com/goprimer/concurrency/internal/crashtest"
)

func TestMain(m *testing.M) {
	goleak.VerifyTestMain(m)
}

func TestFatalSeesTheChildsFatalError(t *testing.T) {
	stderr := crashtest.Fatal(t, "fatal error: sync: unlock of unlocked mutex", func() {
		var mu sync.Mutex
		mu.Unlock()
	})
	if !strings.Contains(stderr, "goroutine ") {
		t.Errorf("stderr has no goroutine trace:\n%s", stderr)
	}
}

func TestFatalSelectsSubtests(t *testing.T) {
	t.Run("a sub test", func(t *testing.T) {
		crashtest.Fatal(t, "fatal error: sync: RUnlock of unlocked RWMutex", func() {
			var mu sync.RWMutex
			mu.RUnlock()
		})
	})
}

// TestFatalFailsOnAWrongChild checks that Fatal can fail: a test that runs
// Fatal on a body that does not crash, or that crashes differently, fails.
// The failing test runs in a process of its own, so its failure is observed
// rather than suffered.
func TestFatalFailsOnAWrongChild(t *testing.T) {
	const selfTest = "CRASHTEST_SELFTEST"
	switch os.Getenv(selfTest) {
	case "exits":
		crashtest.Fatal(t, "fatal error: never", func() {})
		return
	case "differs":
		crashtest.Fatal(t, "fatal error: never", func() {
			var mu sync.Mutex
			mu.Unlock()
		})
		return
	}
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ mode, want string }{
		{"exits", `crashtest: child exited normally; want "fatal error: never"`},
		{"differs", `crashtest: child's fatal error = "fatal error: sync: unlock of unlocked mutex"; want "fatal error: never"`},
	} {
		cmd := exec.Command(exe, "-test.run=^TestFatalFailsOnAWrongChild$", "-test.count=1")
		cmd.Env = append(os.Environ(), selfTest+"="+tc.mode, "GORACE=atexit_sleep_ms=0")
		out, err := cmd.CombinedOutput()
		var exit *exec.ExitError
		if !errors.As(err, &exit) || exit.ExitCode() != 1 {
			t.Errorf("%s: the test run ended with %v; want exit status 1\n%s", tc.mode, err, out)
		}
		if !strings.Contains(string(out), tc.want) {
			t.Errorf("%s: output lacks %q:\n%s", tc.mode, tc.want, out)
		}
	}
}

func TestFatalLine(t *testing.T) {
	for _, tc := range []struct{ stderr, want string }{
		{"fatal error: sync: unlock of unlocked mutex\n\ngoroutine 1 [running]:\n", "fatal error: sync: unlock of unlocked mutex"},
		{"panic: boom\r\n", ""},
		{"some noise\nfatal error: all goroutines are asleep - deadlock!\r\n", "fatal error: all goroutines are asleep - deadlock!"},
		{"", ""},
	} {
		if got := crashtest.FatalLine(tc.stderr); got != tc.want {
			t.Errorf("FatalLine(%q) = %q; want %q", tc.stderr, got, tc.want)
		}
	}
}

// Run returns what the child printed on each stream and its exit status,
// whatever the status.
func TestRunReturnsOutputAndStatus(t *testing.T) {
	const selfTest = "CRASHTEST_RUN_SELFTEST"
	if os.Getenv(selfTest) != "" {
		fmt.Print("to stdout")
		fmt.Fprint(os.Stderr, "to stderr")
		os.Exit(3)
	}
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(exe, "-test.run=^TestRunReturnsOutputAndStatus$", "-test.count=1")
	cmd.Env = append(os.Environ(), selfTest+"=1")
	got := crashtest.Run(t, cmd)
	want := crashtest.Result{Stdout: "to stdout", Stderr: "to stderr", ExitCode: 3}
	if got != want {
		t.Errorf("Run = %+v; want %+v", got, want)
	}
}

// TestBuildSetsCgoAsAsked builds a program two ways and reads back, from
// each executable's build information, the settings Build promised. A
// second Build of the same program, while the first's test holds it, is
// the same file under another name; once the tests that held it have
// removed it, Build builds it again.
func TestBuildSetsCgoAsAsked(t *testing.T) {
	for _, tc := range []struct {
		name  string
		build func(*testing.T, string, ...string) string
		flags []string
		want  map[string]string
	}{
		{"Build -race", crashtest.Build, []string{"-race"}, map[string]string{"-race": "true", "CGO_ENABLED": "1"}},
		{"BuildNoCgo -ldflags", crashtest.BuildNoCgo, []string{"-ldflags=-s -w"}, map[string]string{"-race": "", "-ldflags": "-s -w", "CGO_ENABLED": "0"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			exe := tc.build(t, "./testdata/hello", tc.flags...)
			info, err := buildinfo.ReadFile(exe)
			if err != nil {
				t.Fatal(err)
			}
			settings := map[string]string{}
			for _, s := range info.Settings {
				settings[s.Key] = s.Value
			}
			for k, want := range tc.want {
				if got := settings[k]; got != want {
					t.Errorf("build setting %s = %q; want %q", k, got, want)
				}
			}
			r := crashtest.Run(t, exec.Command(exe, "a", "b"))
			if r.Stdout != "[a b]\n" || r.ExitCode != 0 {
				t.Errorf("built program printed %q and exited %d; want %q and 0", r.Stdout, r.ExitCode, "[a b]\n")
			}

			again := tc.build(t, "./testdata/hello", tc.flags...)
			first, err := os.Stat(exe)
			if err != nil {
				t.Fatal(err)
			}
			second, err := os.Stat(again)
			if err != nil {
				t.Fatal(err)
			}
			if exe == again || !os.SameFile(first, second) {
				t.Errorf("a second build of the same program is %s, a file of its own; want another name of %s", again, exe)
			}
		})
	}
	exe := crashtest.Build(t, "./testdata/hello", "-race")
	if r := crashtest.Run(t, exec.Command(exe, "c")); r.Stdout != "[c]\n" || r.ExitCode != 0 {
		t.Errorf("the program built again printed %q and exited %d; want %q and 0", r.Stdout, r.ExitCode, "[c]\n")
	}
}

// TestChildReturnsWhatTheChildDid runs bodies that end their process in
// three ways, and one that does not end it, in child processes.
func TestChildReturnsWhatTheChildDid(t *testing.T) {
	t.Run("panic", func(t *testing.T) {
		r := crashtest.Child(t, func() { panic("boom") })
		if r.ExitCode != 2 || !strings.HasPrefix(r.Stderr, "panic: boom") {
			t.Errorf("child exited %d with stderr %q; want 2 and %q first", r.ExitCode, r.Stderr, "panic: boom")
		}
	})
	t.Run("exit", func(t *testing.T) {
		r := crashtest.Child(t, func() { fmt.Println("bye"); os.Exit(7) })
		if r.ExitCode != 7 || r.Stdout != "bye\n" {
			t.Errorf("child exited %d and printed %q; want 7 and %q", r.ExitCode, r.Stdout, "bye\n")
		}
	})
	t.Run("returns", func(t *testing.T) {
		r := crashtest.Child(t, func() {})
		if r.ExitCode != 1 || !strings.Contains(r.Stdout, "the child's body returned; it must end the process") {
			t.Errorf("child exited %d and printed %q; want 1 and the test's failure", r.ExitCode, r.Stdout)
		}
	})
}
