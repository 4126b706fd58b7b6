// Command primer reads the lessons of this module in a terminal and runs
// their examples, the way pkg.go.dev's Run button does.
//
// Usage, from anywhere inside the module:
//
//	go run ./cmd/primer                 # list the sections
//	go run ./cmd/primer channel         # read a section and run its examples
//	go run ./cmd/primer -run Table channel
//
// For a section it prints the package documentation, then each example: its
// doc comment, the program go/doc makes of it (the one pkg.go.dev runs), and
// the output of running that program now with go run, marked as matching
// or not matching the example's verified // Output: comment.
//
// The -run flag selects examples by a regular expression matched against
// their function names, as go test -run does.
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// run is the whole command; it returns the exit status.
func run(args []string, stdout, stderr io.Writer) int {
	flags := flag.NewFlagSet("primer", flag.ContinueOnError)
	flags.SetOutput(stderr)
	pattern := flags.String("run", "", "run only the examples whose names match `regexp`")
	flags.Usage = func() {
		fmt.Fprintf(stderr, "usage: go run ./cmd/primer [-run regexp] [section]\n\n")
		flags.PrintDefaults()
	}
	if err := flags.Parse(args); err != nil {
		return 2
	}
	root, err := moduleRoot()
	if err != nil {
		fmt.Fprintf(stderr, "primer: %v\n", err)
		return 1
	}
	p := &primer{root: root, topics: defaultTopics(), stdout: stdout, stderr: stderr}
	switch flags.NArg() {
	case 0:
		if *pattern != "" {
			fmt.Fprintf(stderr, "primer: -run needs a section\n")
			return 2
		}
		return p.list()
	case 1:
		return p.lesson(flags.Arg(0), *pattern)
	default:
		flags.Usage()
		return 2
	}
}
