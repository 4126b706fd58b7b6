// Package runner runs the examples of a program built by
// [github.com/goprimer/concurrency/internal/program], each in a process
// of its own, so that their outputs and whatever they leave running stay
// apart, and each bounded in time, so that one that hangs is reported by
// name instead of hanging primer. Asked to, it has each example record its
// runtime execution trace, into a file of its own, and returns the trace
// with the example's output.
package runner

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"sync"
	"time"

	"github.com/goprimer/concurrency/internal/program"
)

// Limit is how long an example may run before it is stopped and reported.
const Limit = 30 * time.Second

// Options says how to run examples.
type Options struct {
	// Limit is how long an example may run before it is stopped; the
	// package's Limit if zero.
	Limit time.Duration
	// TraceDir, if not empty, is a directory in which each example
	// records its runtime execution trace: the program, which must be
	// built with [program.TracedRun], gets in [program.TraceEnv] the name
	// of a new file of this directory, which Run reads into
	// [Result.Trace] and removes. If empty, [program.TraceEnv] is removed
	// from the program's environment, so nothing is traced.
	TraceDir string
}

// A Result is what running one example gave.
type Result struct {
	Name   string
	Stdout string
	Stderr string
	// Err says why the example failed: it exited with an error, was
	// stopped at its limit, or could not start. Nil if it exited 0.
	Err error
	// Trace is the execution trace the example recorded, if it was
	// traced: what the program wrote to its trace file, which may be
	// empty or cut short if the program failed.
	Trace []byte
}

// Run runs the example name of the program binary, stopping it after
// opts.Limit (or when ctx ends).
func Run(ctx context.Context, binary, name string, opts Options) Result {
	limit := opts.Limit
	if limit <= 0 {
		limit = Limit
	}
	ctx, cancel := context.WithTimeout(ctx, limit)
	defer cancel()
	r := Result{Name: name}
	env := withoutTraceEnv(os.Environ())
	var traceFile string
	if opts.TraceDir != "" {
		f, err := os.CreateTemp(opts.TraceDir, name+"-*.trace")
		if err != nil {
			r.Err = fmt.Errorf("%s: %v", name, err)
			return r
		}
		traceFile = f.Name()
		f.Close()
		defer os.Remove(traceFile)
		env = append(env, program.TraceEnv+"="+traceFile)
	}
	var stdout, stderr bytes.Buffer
	cmd := exec.CommandContext(ctx, binary, name)
	cmd.Env = env
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	cmd.WaitDelay = time.Second
	err := cmd.Run()
	r.Stdout, r.Stderr = stdout.String(), stderr.String()
	switch {
	case errors.Is(ctx.Err(), context.DeadlineExceeded):
		r.Err = fmt.Errorf("%s did not return within %v: stopped", name, limit)
	case err != nil:
		r.Err = fmt.Errorf("%s: %v", name, err)
	}
	if traceFile != "" {
		data, err := os.ReadFile(traceFile)
		if err != nil && r.Err == nil {
			r.Err = fmt.Errorf("%s: reading its trace: %v", name, err)
		}
		r.Trace = data
	}
	return r
}

// withoutTraceEnv returns environ without program.TraceEnv.
func withoutTraceEnv(environ []string) []string {
	var env []string
	for _, kv := range environ {
		if !strings.HasPrefix(kv, program.TraceEnv+"=") {
			env = append(env, kv)
		}
	}
	return env
}

// RunAll runs the examples names of binary, at most parallel at a time,
// and returns their results in the order of names. done, if not nil, is
// called after each example with how many have finished.
func RunAll(ctx context.Context, binary string, names []string, parallel int, opts Options, done func(n int)) []Result {
	results := make([]Result, len(names))
	sem := make(chan struct{}, max(parallel, 1))
	var mu sync.Mutex
	finished := 0
	var wg sync.WaitGroup
	for i, name := range names {
		wg.Go(func() {
			sem <- struct{}{}
			defer func() { <-sem }()
			results[i] = Run(ctx, binary, name, opts)
			if done != nil {
				mu.Lock()
				finished++
				done(finished)
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	return results
}

// Matches reports whether got is the output want, compared as go test
// compares an example's output: surrounding space aside, and with Windows
// line endings made plain.
func Matches(got, want string) bool {
	norm := func(s string) string { return strings.TrimSpace(strings.ReplaceAll(s, "\r\n", "\n")) }
	return norm(got) == norm(want)
}
