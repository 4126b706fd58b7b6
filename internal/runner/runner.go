// Package runner runs the examples of a program built by
// [github.com/goprimer/concurrency/internal/program], each in a process
// of its own, so that their outputs and whatever they leave running stay
// apart, and each bounded in time, so that one that hangs is reported by
// name instead of hanging primer.
package runner

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os/exec"
	"strings"
	"sync"
	"time"
)

// Limit is how long an example may run before it is stopped and reported.
const Limit = 30 * time.Second

// A Result is what running one example gave.
type Result struct {
	Name   string
	Stdout string
	Stderr string
	// Err says why the example failed: it exited with an error, was
	// stopped at its limit, or could not start. Nil if it exited 0.
	Err error
}

// Run runs the example name of the program binary, stopping it after
// limit (or when ctx ends).
func Run(ctx context.Context, binary, name string, limit time.Duration) Result {
	ctx, cancel := context.WithTimeout(ctx, limit)
	defer cancel()
	r := Result{Name: name}
	var stdout, stderr bytes.Buffer
	cmd := exec.CommandContext(ctx, binary, name)
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
	return r
}

// RunAll runs the examples names of binary, at most parallel at a time,
// and returns their results in the order of names. done, if not nil, is
// called after each example with how many have finished.
func RunAll(ctx context.Context, binary string, names []string, parallel int, limit time.Duration, done func(n int)) []Result {
	results := make([]Result, len(names))
	sem := make(chan struct{}, max(parallel, 1))
	var mu sync.Mutex
	finished := 0
	var wg sync.WaitGroup
	for i, name := range names {
		wg.Go(func() {
			sem <- struct{}{}
			defer func() { <-sem }()
			results[i] = Run(ctx, binary, name, limit)
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
