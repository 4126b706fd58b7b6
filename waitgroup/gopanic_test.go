package waitgroup_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"regexp"
	"runtime"
	"strings"
	"sync"
	"testing"
	"testing/synctest"

	"github.com/stretchr/testify/require"

	"github.com/goprimer/concurrency/internal/watchdog"
)

// TestGoSkipsDoneWhenFPanics runs, in a child process, a program whose
// goroutine panics while main waits for it, and forces the race between
// Wait returning and the panic ending the process: the panic value's Error
// method, which the runtime calls before it prints the panic, holds the
// panic back until main is seen parked in Wait or Wait has returned.
//
// Started with Go, the task's panic skips Done: Wait never returns, and
// the process dies of the panic with exit status 2. Started the way the
// article writes it, Add(1) and a deferred Done, the deferred Done runs
// while the panic unwinds, Wait returns, and main exits with status 0
// before the panic is printed: the crash disappears.
func TestGoSkipsDoneWhenFPanics(t *testing.T) {
	t.Run("Go: the panic ends the process and Wait never returns", func(t *testing.T) {
		stderr, code := runChild(t, "a panic in a task started with Go ends the process", func() {
			panicWhileWaiting(func(wg *sync.WaitGroup, f func()) { wg.Go(f) })
		})
		require.Equal(t, 2, code, "child's exit status; want 2, a fatal panic\nstderr:\n%s", stderr)
		require.NotContains(t, stderr, waitReturned, "Wait returned before the panic ended the process\nstderr:\n%s", stderr)
		// Go recovers the panic, skips Done and panics again with the same
		// value, which the runtime prints as "recovered, repanicked".
		require.Equal(t, "panic: "+taskFailed+" [recovered, repanicked]", panicLine(stderr),
			"first panic line of the child\nstderr:\n%s", stderr)
	})

	t.Run("Add and defer Done: Wait returns and the panic is lost", func(t *testing.T) {
		stderr, code := runChild(t, "with a deferred Done, Wait returns while the task panics", func() {
			panicWhileWaiting(func(wg *sync.WaitGroup, f func()) {
				wg.Add(1)
				go func() {
					defer wg.Done()
					f()
				}()
			})
		})
		require.Equal(t, 0, code, "child's exit status; want 0: main exits before the panic is printed\nstderr:\n%s", stderr)
		require.Contains(t, stderr, waitReturned, "child's stderr; want Wait returned\nstderr:\n%s", stderr)
		require.Empty(t, panicLine(stderr), "child's panic line; want none, the panic never printed\nstderr:\n%s", stderr)
	})
}

// TestGoCallsDoneWhenFExitsEarly checks the other way out of f: a call of
// runtime.Goexit, as t.FailNow makes, is no panic, so Go calls Done and
// Wait returns.
func TestGoCallsDoneWhenFExitsEarly(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		reached := false
		var wg sync.WaitGroup
		wg.Go(func() {
			runtime.Goexit()
			reached = true
		})
		wg.Wait() // a deadlock of the bubble, reported at once, if Done were skipped
		require.False(t, reached, "f went on after runtime.Goexit")
	})
}

const (
	// taskFailed is what the task panics with.
	taskFailed = "task failed"

	// waitReturned is what the child writes to standard error if Wait
	// returns.
	waitReturned = "main: Wait returned"

	// childEnv names the test whose child process this is.
	childEnv = "GOPRIMER_WAITGROUP_CHILD"
)

// panicWhileWaiting starts a task that panics with start, then waits for it.
// If Wait returns, it says so and exits with status 0, as a main function
// that returns would.
func panicWhileWaiting(start func(wg *sync.WaitGroup, f func())) {
	returned := make(chan struct{})
	var wg sync.WaitGroup
	start(&wg, func() { panic(heldPanic{waitReturned: returned}) })
	wg.Wait()
	close(returned)
	fmt.Fprintln(os.Stderr, waitReturned)
	os.Exit(0)
}

// heldPanic is a panic value that decides the race between the panic and
// main. The runtime calls Error after the panicking goroutine's deferred
// calls have run, and only then prints the panic and ends the process.
// Error returns once main is seen parked in Wait, which then cannot
// return unless a Done is still to come; if Wait returns instead, Error
// never returns, so main certainly exits first.
type heldPanic struct {
	waitReturned <-chan struct{}
}

func (p heldPanic) Error() string {
	const looks = 10_000
	for range looks {
		select {
		case <-p.waitReturned:
			select {} // main is on its way to os.Exit(0)
		default:
		}
		if waitParked() {
			return taskFailed
		}
		runtime.Gosched()
	}
	return fmt.Sprintf("%s (after %d looks, main was never seen parked in Wait)", taskFailed, looks)
}

// waitParked reports whether a goroutine of panicWhileWaiting is parked in
// WaitGroup.Wait, as a dump of all goroutines shows it:
// "goroutine 7 [sync.WaitGroup.Wait]:" with panicWhileWaiting in its
// frames. A goroutine that Done has woken shows "[runnable]" instead.
func waitParked() bool {
	buf := make([]byte, 64<<10)
	for {
		n := runtime.Stack(buf, true)
		if n < len(buf) {
			buf = buf[:n]
			break
		}
		buf = make([]byte, 2*len(buf))
	}
	for trace := range strings.SplitSeq(string(buf), "\n\n") {
		header, _, _ := strings.Cut(trace, "\n")
		if strings.Contains(header, " [sync.WaitGroup.Wait") && strings.Contains(trace, "waitgroup_test.panicWhileWaiting(") {
			return true
		}
	}
	return false
}

// panicLine returns the first line of stderr that starts with "panic: ".
func panicLine(stderr string) string {
	for line := range strings.Lines(stderr) {
		if strings.HasPrefix(line, "panic: ") {
			return strings.TrimRight(line, "\r\n")
		}
	}
	return ""
}

// runChild runs body in a child process, a copy of this test binary that
// runs only the calling test, and returns the child's standard error and
// exit status. In the child, runChild runs body instead; body must end the
// process. The child is killed, and the test fails naming claim, if it
// has not exited within watchdog.Limit.
func runChild(t *testing.T, claim string, body func()) (stderr string, code int) {
	t.Helper()
	if os.Getenv(childEnv) == t.Name() {
		body()
		t.Fatal("body returned; it must end the process")
	}
	exe, err := os.Executable()
	require.NoError(t, err)
	ctx, cancel := context.WithTimeout(t.Context(), watchdog.Limit)
	defer cancel()
	cmd := exec.CommandContext(ctx, exe, "-test.run="+runPattern(t.Name()), "-test.count=1")
	// A race-enabled child would otherwise sleep a second at exit.
	cmd.Env = append(os.Environ(), childEnv+"="+t.Name(), "GORACE="+os.Getenv("GORACE")+" atexit_sleep_ms=0")
	var errBuf bytes.Buffer
	cmd.Stderr = &errBuf
	err = cmd.Run()
	if ctx.Err() != nil {
		t.Fatalf("hung: %s\n(the child did not exit within %v)\nstderr:\n%s", claim, watchdog.Limit, errBuf.String())
	}
	if exit, ok := errors.AsType[*exec.ExitError](err); ok {
		return errBuf.String(), exit.ExitCode()
	}
	require.NoError(t, err, "running the child")
	return errBuf.String(), 0
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
