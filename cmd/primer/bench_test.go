package main

import (
	"go/doc"
	"testing"

	"github.com/goprimer/concurrency/internal/lesson"
	"github.com/goprimer/concurrency/internal/program"
	"github.com/goprimer/concurrency/internal/runner"
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

// BenchmarkTracing measures what recording the execution trace costs:
// one example's run, in a process of its own as primer runs it, with
// trace=off and trace=on (the trace written to its file and read back),
// and primer on that one example, build included, without and with
// -timeline (which also parses the trace and draws it). Compare with
//
//	go test -run '^$' -bench Tracing -count 10 ./cmd/primer > bench.txt
//	benchstat -col /trace bench.txt
//
// The target is at most twice the untraced time.
func BenchmarkTracing(b *testing.B) {
	for _, ex := range []struct{ section, name string }{
		{"channel", "Example"},              // six goroutines on one channel
		{"ctxdemo", "ExampleHandle_cancel"}, // a cancelled tree of workers
		{"rwmutex", "Example_readersShare"}, // readers at a barrier
		{"timer", "Example_loopDeadline"},   // 10 ms of ping-pong: a long trace
	} {
		var topic lesson.Topic
		for _, t := range lesson.Topics {
			if t.Package == ex.section {
				topic = t
			}
		}
		s, err := lesson.LoadDoc("../..", topic)
		if err != nil {
			b.Fatal(err)
		}
		var exs []*doc.Example
		for _, e := range s.Examples {
			if lesson.FuncName(e) == ex.name {
				exs = append(exs, e)
			}
		}
		p, err := program.New(b.TempDir(), "../..", s, exs, program.Options{Run: program.TracedRun})
		if err != nil {
			b.Fatal(err)
		}
		if err := p.Write(); err != nil {
			b.Fatal(err)
		}
		if err := p.Build(b.Context()); err != nil {
			b.Fatal(err)
		}
		traces := b.TempDir()
		for _, trace := range []string{"off", "on"} {
			opts := runner.Options{}
			if trace == "on" {
				opts.TraceDir = traces
			}
			b.Run("run="+ex.section+"."+ex.name+"/trace="+trace, func(b *testing.B) {
				for b.Loop() {
					if r := runner.Run(b.Context(), p.Binary, ex.name, opts); r.Err != nil {
						b.Fatalf("%v\n%s", r.Err, r.Stderr)
					}
				}
			})
		}
		for _, trace := range []string{"off", "on"} {
			args := []string{"-run", "^" + ex.name + "$", ex.section}
			if trace == "on" {
				args = append([]string{"-timeline"}, args...)
			}
			b.Run("primer="+ex.section+"."+ex.name+"/trace="+trace, func(b *testing.B) {
				for b.Loop() {
					c, _, stderr := testCommand(b, "../..", lesson.Topics, realExec{})
					if status := c.run(b.Context(), args); status != 0 {
						b.Fatalf("primer %v: exit status %d; stderr:\n%s", args, status, stderr)
					}
				}
			})
		}
	}
}
