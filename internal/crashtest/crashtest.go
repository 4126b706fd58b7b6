// Package crashtest lets a test assert on failures that end the whole
// process: the runtime's fatal errors, which recover cannot catch, such as
// "fatal error: sync: unlock of unlocked mutex" or
// "fatal error: all goroutines are asleep - deadlock!".
//
// The crashing code runs in a child process. [Fatal] re-runs the current test
// binary, selecting only the calling test and marking the child with an
// environment variable; in the child, Fatal runs the body instead. [Expect]
// runs any prepared command, such as a program built from testdata.
package crashtest

import (
	"bytes"
	"context"
	"errors"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
)

// childEnv marks a child process; its value is the name of the test whose
// body the child runs.
const childEnv = "GOPRIMER_CRASHTEST"

// fatalExitCode is the status the Go runtime exits with after a fatal error
// (and after an unrecovered panic).
const fatalExitCode = 2

// Fatal runs body in a child process and checks that the process dies of a
// fatal runtime error whose first line is exactly want, for example
// "fatal error: sync: unlock of unlocked mutex". It returns the child's
// standard error, goroutine traces included, for further checks.
//
// The test calling Fatal must not do anything before it that would matter in
// the child: the child re-runs the same test from its start.
func Fatal(t *testing.T, want string, body func()) string {
	t.Helper()
	if os.Getenv(childEnv) == t.Name() {
		body()
		// Reaching here means body did not crash: the child test passes,
		// exits with status 0, and the parent reports that.
		return ""
	}
	return Expect(t, rerun(t), want).Stderr
}

// Child runs body in a child process, as [Fatal] does, and returns what the
// child printed and how it exited, whatever the status: for a process that
// ends some other way than a fatal error, such as an unrecovered panic
// (exit status 2) or an os.Exit. In the child, Child runs body instead;
// body must end the process, and if it returns, the child test fails
// saying so.
func Child(t *testing.T, body func()) Result {
	t.Helper()
	if os.Getenv(childEnv) == t.Name() {
		body()
		t.Fatal("crashtest: the child's body returned; it must end the process")
		return Result{}
	}
	return Run(t, rerun(t))
}

// rerun returns the command that runs this test binary again as the child
// of the calling test, selecting only that test.
func rerun(t *testing.T) *exec.Cmd {
	t.Helper()
	exe, err := os.Executable()
	if err != nil {
		t.Fatalf("crashtest: cannot find the test binary: %v", err)
	}
	cmd := exec.Command(exe, "-test.run="+runPattern(t.Name()), "-test.count=1")
	cmd.Env = append(os.Environ(), childEnv+"="+t.Name())
	return cmd
}

// Expect runs cmd, as [Run] does, and checks that it exits with the
// runtime's fatal-error status 2 and that the first line of its standard
// error starting with "fatal error: " is exactly want. It returns what the
// child printed.
func Expect(t *testing.T, cmd *exec.Cmd, want string) Result {
	t.Helper()
	if !strings.HasPrefix(want, "fatal error: ") {
		t.Fatalf("crashtest: want %q must start with %q", want, "fatal error: ")
	}
	r := Run(t, cmd)
	switch {
	case r.ExitCode == 0:
		t.Fatalf("crashtest: child exited normally; want %q\nstderr:\n%s", want, r.Stderr)
	case r.ExitCode != fatalExitCode:
		t.Fatalf("crashtest: child exit status = %d; want %d with %q\nstderr:\n%s", r.ExitCode, fatalExitCode, want, r.Stderr)
	}
	if got := FatalLine(r.Stderr); got != want {
		t.Fatalf("crashtest: child's fatal error = %q; want %q\nstderr:\n%s", got, want, r.Stderr)
	}
	return r
}

// Build builds the main package pkg, a path the go command accepts such as
// "./testdata/racecounter", with the given build flags, and returns the path
// of the executable, in a directory the test removes.
//
// It builds with go run, which keeps the executables it links in the build
// cache (since Go 1.24), and lets go run's -exec copy the executable out of
// it. A program built before with the same sources, flags and toolchain is
// copied, not linked again, so a test suite that builds children stays
// nearly as fast as one that does not. The flag -race turns cgo on, which
// the race detector needs.
func Build(t *testing.T, pkg string, flags ...string) string {
	t.Helper()
	var env []string
	if slices.Contains(flags, "-race") {
		env = append(env, "CGO_ENABLED=1")
	}
	return BuildEnv(t, env, pkg, flags...)
}

// BuildNoCgo is [Build] with cgo turned off. A program that is to die of
// "all goroutines are asleep - deadlock!" needs it: in a binary that links
// cgo (one that imports net, as a test binary with testify does), a thread
// the runtime counts as running stays, and the deadlock detector is silent.
func BuildNoCgo(t *testing.T, pkg string, flags ...string) string {
	t.Helper()
	return BuildEnv(t, []string{"CGO_ENABLED=0"}, pkg, flags...)
}

// BuildEnv is [Build] with env added to the go command's environment, for
// settings that are not flags, such as GOEXPERIMENT.
//
// Within one test binary, a program built before is linked to (a hard
// link, sharing the file) while a test that built or linked it still
// holds it: parallel tests of one package that build the same child then
// run the go command once, which takes a tenth of a second or more even
// when go run's cache holds the program.
func BuildEnv(t *testing.T, env []string, pkg string, flags ...string) string {
	t.Helper()
	exe := filepath.Join(t.TempDir(), path.Base(pkg))
	wd, err := os.Getwd()
	if err != nil {
		t.Fatalf("crashtest: %v", err)
	}
	key := strings.Join(slices.Concat([]string{wd, pkg}, env, []string{"--"}, flags), "\x00")
	b, _ := built.LoadOrStore(key, new(executable))
	last := b.(*executable)
	last.mu.Lock()
	defer last.mu.Unlock()
	if last.path != "" && os.Link(last.path, exe) == nil {
		last.path = exe // the newest link outlives the others longest
		return exe
	}
	args := slices.Concat([]string{"run", "-exec", "cp"}, flags, []string{pkg, exe})
	cmd := exec.CommandContext(t.Context(), "go", args...)
	cmd.Env = append(cmd.Environ(), env...)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("crashtest: go %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	last.path = exe
	return exe
}

// built maps each program BuildEnv built in this process, by directory,
// package, environment and flags, to its last executable.
var built sync.Map // string → *executable

// An executable is the path of the last executable built or linked of a
// program, in the directory of the test that asked for it, which may have
// removed it since.
type executable struct {
	mu   sync.Mutex
	path string
}

// A Result is what a child process printed and how it exited.
type Result struct {
	Stdout, Stderr string
	ExitCode       int
}

// Run runs cmd to its end and returns its output and exit status, whatever
// the status. A race-enabled child's one-second sleep at exit is turned off.
//
// The command is killed if it has not exited within 20 seconds, or shortly
// before the test's deadline if that comes first, and the test fails: a
// process the runtime fails to stop (a deadlock the detector cannot see,
// say) then fails the test in seconds instead of hanging the suite. Every
// child here exits in milliseconds.
func Run(t *testing.T, cmd *exec.Cmd) Result {
	t.Helper()
	ctx, cancel := context.WithTimeout(t.Context(), limit(t))
	defer cancel()
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	cmd.Env = append(cmd.Environ(), "GORACE="+os.Getenv("GORACE")+" atexit_sleep_ms=0")
	if err := cmd.Start(); err != nil {
		t.Fatalf("crashtest: %v", err)
	}
	stop := context.AfterFunc(ctx, func() { _ = cmd.Process.Kill() })
	err := cmd.Wait()
	stop()
	if ctx.Err() != nil {
		t.Fatalf("crashtest: %s did not exit within %v\nstderr:\n%s", cmd, limit(t), stderr.String())
	}
	var exit *exec.ExitError
	if err != nil && !errors.As(err, &exit) {
		t.Fatalf("crashtest: %v", err)
	}
	return Result{stdout.String(), stderr.String(), cmd.ProcessState.ExitCode()}
}

// FatalLine returns the first line of stderr that starts with
// "fatal error: ", or "" if there is none.
func FatalLine(stderr string) string {
	for line := range strings.Lines(stderr) {
		if strings.HasPrefix(line, "fatal error: ") {
			return strings.TrimRight(line, "\r\n")
		}
	}
	return ""
}

// runPattern turns a test name such as "TestX/sub_test" into a -test.run
// pattern that selects exactly that test.
func runPattern(name string) string {
	parts := strings.Split(name, "/")
	for i, p := range parts {
		parts[i] = "^" + regexp.QuoteMeta(p) + "$"
	}
	return strings.Join(parts, "/")
}

// limit is how long a child may run: a safety net, never a wait.
func limit(t *testing.T) time.Duration {
	d := 20 * time.Second
	if deadline, ok := t.Deadline(); ok {
		if left := time.Until(deadline) - 5*time.Second; left > 0 && left < d {
			d = left
		}
	}
	return d
}
