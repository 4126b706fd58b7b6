package main

import (
	"testing"

	"github.com/goprimer/concurrency/internal/lesson"
)

// BenchmarkSection times primer on a whole section and on one of its
// examples, build and runs included. With a warm build cache, the whole
// of ctxdemo (22 examples) should take at most twice as long as one:
// the examples share one build and one link.
func BenchmarkSection(b *testing.B) {
	for _, bc := range []struct {
		name string
		args []string
	}{
		{"ctxdemo-all", []string{"ctxdemo"}},
		{"ctxdemo-one", []string{"-run", "^ExampleHandle$", "ctxdemo"}},
	} {
		b.Run(bc.name, func(b *testing.B) {
			for b.Loop() {
				c, _, stderr := testCommand(b, "../..", lesson.Topics, realExec{})
				if status := c.run(b.Context(), bc.args); status != 0 {
					b.Fatalf("primer %v: exit status %d; stderr:\n%s", bc.args, status, stderr)
				}
			}
		})
	}
}
