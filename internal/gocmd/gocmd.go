// Package gocmd starts the go command for primer's tools the same way
// every time: with the toolchain that is installed (never one downloaded
// on the way), outside any workspace, free to update the go.mod and go.sum
// of the temporary module it works in, and stopped gently when its context
// ends, so that it removes its own work directory before it exits.
package gocmd

import (
	"context"
	"os"
	"os/exec"
	"strings"
	"time"
)

// Grace is how long a go command has, after its context ends, to stop by
// itself before it and everything it started are killed.
const Grace = 5 * time.Second

// Command returns the go command with args, to run in dir. When ctx ends,
// the command and the compilers and linker it started are interrupted
// (they run in a process group of their own, where that exists), and
// killed Grace later if they are still running.
func Command(ctx context.Context, dir string, args ...string) *exec.Cmd {
	cmd := exec.CommandContext(ctx, "go", args...)
	cmd.Dir = dir
	cmd.Env = Env(os.Environ())
	cmd.WaitDelay = Grace
	ownGroup(cmd)
	return cmd
}

// Env returns environ with what a go command started by primer needs:
// GOTOOLCHAIN=local, GOWORK=off and -mod=mod added to GOFLAGS, which keeps
// whatever else the user put there.
func Env(environ []string) []string {
	flags := ""
	var env []string
	for _, kv := range environ {
		switch {
		case strings.HasPrefix(kv, "GOFLAGS="):
			flags = strings.TrimPrefix(kv, "GOFLAGS=")
		case strings.HasPrefix(kv, "GOTOOLCHAIN="), strings.HasPrefix(kv, "GOWORK="):
		default:
			env = append(env, kv)
		}
	}
	return append(env, "GOTOOLCHAIN=local", "GOWORK=off", "GOFLAGS="+strings.TrimSpace(flags+" -mod=mod"))
}
