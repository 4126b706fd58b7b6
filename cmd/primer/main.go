// Command primer reads the lessons of this module in a terminal and runs
// their examples, the way pkg.go.dev's Run button does.
//
// Usage, inside a clone of the module:
//
//	go run ./cmd/primer                  # list the sections
//	go run ./cmd/primer channel          # read a section, run its examples
//	go run ./cmd/primer -run table channel
//	go run ./cmd/primer -timeline -run unbuffered channel
//	go run ./cmd/primer -h               # usage and the sections
//
// or from any directory, without a clone:
//
//	go run github.com/goprimer/concurrency/cmd/primer@latest ctxdemo
//
// For a section it prints the package documentation, then each example: its
// doc comment, the program go/doc makes of it (the one pkg.go.dev runs),
// the import lines it needs beyond the standard library, and the output of
// running that program now, marked as matching or not matching the
// example's verified // Output: comment.
//
// The -run flag selects examples by a regular expression, as go test -run
// does, matched against their function names and also, ignoring case,
// against the names without Example_: -run table selects Example_table.
// A section may be named as its directory is written: channel, Channel,
// ./channel or channel/.
//
// The -timeline flag shows what the printed lines do not: which goroutine
// ran, which one waited, on what, and who woke it. Each example then runs
// with the runtime's execution trace recording (its output is unchanged,
// and still checked), and after its output primer draws its timeline, one
// lane for main and one for each goroutine the example started, in 80
// columns: in Unicode blocks, or in plain ASCII when the locale (LC_ALL,
// else LC_CTYPE, else LANG) is not UTF-8. The -svg flag writes the same
// timelines as standalone SVG pictures into a directory, one per example,
// named SECTION-EXAMPLE.svg; without -timeline it prints one line per
// picture instead of the lesson. The pictures in docs/timelines are drawn
// so: go generate ./docs/timelines draws them again.
//
// Primer never writes into the module, unless -svg names a directory in
// it: it writes the section's examples as one program into a temporary
// directory, builds it with one go build, runs each example in a process
// of its own (stopped after -timeout) that writes its trace, if asked,
// into that directory too, and removes the directory on exit, on Ctrl-C
// and on SIGTERM.
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"

	"github.com/goprimer/concurrency/internal/lesson"
)

func main() {
	os.Exit(primer(lesson.Topics, locateSource, os.Args[1:]))
}

// primer runs the command on the terminal with the given sections,
// stopping what it runs and removing what it wrote on Ctrl-C or SIGTERM.
// It returns the exit status.
func primer(topics []lesson.Topic, locate func(context.Context) (string, string, error), args []string) int {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	c := &command{
		topics:   topics,
		locate:   locate,
		load:     lesson.LoadDoc,
		exec:     realExec{},
		stdout:   os.Stdout,
		stderr:   os.Stderr,
		color:    isTerminal(os.Stdout) && os.Getenv("NO_COLOR") == "" && os.Getenv("TERM") != "dumb",
		progress: isTerminal(os.Stderr),
		rows:     screenRows(),
		ascii:    !utf8Locale(os.Getenv),
	}
	return c.run(ctx, args)
}
