package errgroupdemo_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"runtime"
	"strings"
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/require"
	"golang.org/x/sync/errgroup"

	"github.com/goprimer/concurrency/internal/crashtest"
	"github.com/goprimer/concurrency/internal/watchdog"
)

// TestPanicInATaskEndsTheProgram proves E4 as v0.25.0 behaves, in a child
// process: a task's panic is not recovered by the Group, so it ends the
// process from the task's own goroutine, with exit status 2, the panic
// value and the task's stack. A recover around Wait in main catches
// nothing.
func TestPanicInATaskEndsTheProgram(t *testing.T) {
	t.Parallel()
	r := crashtest.Child(t, func() {
		defer func() {
			if r := recover(); r != nil {
				fmt.Fprintln(os.Stderr, recoveredInMain, r)
				os.Exit(0)
			}
		}()
		var g errgroup.Group
		g.Go(explode)
		_ = g.Wait() // may return while the panic unwinds; see the next test
		// Give the panic time to end the process; reaching the end of this
		// sleep means it did not.
		time.Sleep(watchdog.Limit)
		fmt.Fprintln(os.Stderr, "still alive after", watchdog.Limit)
		os.Exit(0)
	})

	require.Equal(t, 2, r.ExitCode, "child's exit status; want 2, an unrecovered panic (E4)\nstderr:\n%s", r.Stderr)
	require.NotContains(t, r.Stderr, recoveredInMain, "main recovered the task's panic; want it out of main's reach (E4)")
	require.Equal(t, "panic: "+taskFailed, panicLine(r.Stderr),
		"child's panic line; want the task's value, not recovered and re-raised (E4)\nstderr:\n%s", r.Stderr)
	require.Contains(t, r.Stderr, "errgroupdemo_test.explode(",
		"child's trace; want the panicking task's own stack (E4)\nstderr:\n%s", r.Stderr)
	require.Contains(t, r.Stderr, "created by golang.org/x/sync/errgroup.(*Group).Go in goroutine ",
		"child's trace; want the goroutine the Group started (E4)\nstderr:\n%s", r.Stderr)
}

// TestWaitCanReturnNilWhileATaskPanics proves the subtler half of E4 in a
// child process: the Group's bookkeeping is deferred in the task's
// goroutine and runs while the panic unwinds, so Wait returns, with a nil
// error, before the runtime prints the panic. The panic value's Error
// method, which the runtime calls only after the deferred calls, holds the
// panic back until main has seen Wait return; main then exits with status
// 0 and the panic is never printed.
func TestWaitCanReturnNilWhileATaskPanics(t *testing.T) {
	t.Parallel()
	r := crashtest.Child(t, func() {
		returned := make(chan struct{})
		var g errgroup.Group
		g.Go(func() error { panic(heldPanic{waitReturned: returned}) })
		err := g.Wait()
		fmt.Fprintln(os.Stderr, waitReturned, err)
		close(returned)
		os.Exit(0)
	})

	require.Equal(t, 0, r.ExitCode, "child's exit status; want 0: main exits before the panic is printed (E4)\nstderr:\n%s", r.Stderr)
	require.Contains(t, r.Stderr, waitReturned+" <nil>", "child's stderr; want Wait returned with a nil error (E4)")
	require.Empty(t, panicLine(r.Stderr), "child's panic line; want none, the panic never printed (E4)\nstderr:\n%s", r.Stderr)
}

// TestGoexitInATaskIsNoError checks the other early way out of a task
// (E4): runtime.Goexit, as t.FailNow calls, is not a panic. The Group's
// deferred bookkeeping runs, no error is stored, and Wait returns nil.
func TestGoexitInATaskIsNoError(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		reached := false
		g, ctx := errgroup.WithContext(t.Context())
		g.Go(func() error {
			runtime.Goexit()
			reached = true
			return errors.New("never returned")
		})
		require.NoError(t, g.Wait(), "Wait's error after a task called runtime.Goexit (E4)")
		require.False(t, reached, "the task went on after runtime.Goexit")
		require.Equal(t, context.Canceled, context.Cause(ctx), "cause of the group's context; want Canceled by Wait, no task error")
	})
}

// TestRecoverInsideATaskMakesThePanicAnError shows the fix E4 leaves to
// the caller: a task that recovers its own panic and returns it as an
// error fails like any other task, cancelling its siblings with that
// error as the cause.
func TestRecoverInsideATaskMakesThePanicAnError(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		var siblingCause error
		g, ctx := errgroup.WithContext(t.Context())
		g.Go(func() (err error) {
			defer func() {
				if r := recover(); r != nil {
					err = fmt.Errorf("task panicked: %v", r)
				}
			}()
			return explode()
		})
		g.Go(func() error {
			select {
			case <-ctx.Done():
				siblingCause = context.Cause(ctx)
				return ctx.Err()
			case <-time.After(time.Hour): // on the fake clock: a bound, not a wait
				return nil
			}
		})
		require.EqualError(t, g.Wait(), "task panicked: "+taskFailed, "Wait's error (E4)")
		require.EqualError(t, siblingCause, "task panicked: "+taskFailed, "the sibling's context.Cause (E2, E4)")
	})
}

const (
	// taskFailed is what explode panics with.
	taskFailed = "task failed"

	// recoveredInMain starts the line a child writes if main recovers.
	recoveredInMain = "main: recovered"

	// waitReturned starts the line a child writes when Wait returns.
	waitReturned = "main: Wait returned"
)

// explode is a task that panics; its name shows in the child's trace.
func explode() error {
	panic(taskFailed)
}

// heldPanic is a panic value that holds the panic back until main has
// seen Wait return. The runtime calls Error after the panicking
// goroutine's deferred calls have run, and only then prints the panic and
// ends the process. If Wait never returns, Error gives up after
// watchdog.Limit and the panic is printed.
type heldPanic struct {
	waitReturned <-chan struct{}
}

func (p heldPanic) Error() string {
	select {
	case <-p.waitReturned:
		select {} // main is on its way to os.Exit(0)
	case <-time.After(watchdog.Limit):
		return taskFailed + " (Wait did not return within " + watchdog.Limit.String() + ")"
	}
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
