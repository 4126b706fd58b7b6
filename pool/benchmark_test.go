package pool_test

import (
	"io"
	"strings"
	"testing"
)

// The benchmarks measure P3 on the hot path of example_allocs_test.go:
// countLines reads a short text through a 4 KiB buffer from a Pool,
// countLinesFresh through a new buffer per call. "serial" runs one caller;
// "parallel" runs one caller per P at once (RunParallel), where each P has
// a cache of its own and the Pool needs no lock. Each benchmark checks the
// line count, so a broken counter fails rather than looking fast. Run with
//
//	go test -run '^$' -bench . -benchmem -count=6 ./pool/

const benchText = "one\ntwo\nthree\n"

func BenchmarkCountLines(b *testing.B) {
	for _, tc := range []struct {
		name  string
		count func(io.Reader) (int, error)
	}{
		{"fresh", countLinesFresh},
		{"pooled", countLines},
	} {
		b.Run(tc.name+"/serial", func(b *testing.B) {
			r := strings.NewReader(benchText)
			for b.Loop() {
				r.Reset(benchText)
				if n, err := tc.count(r); n != 3 || err != nil {
					b.Fatalf("P3: countLines = %d, %v; want 3, nil", n, err)
				}
			}
		})
		b.Run(tc.name+"/parallel", func(b *testing.B) {
			b.RunParallel(func(pb *testing.PB) {
				r := strings.NewReader(benchText)
				for pb.Next() {
					r.Reset(benchText)
					n, err := tc.count(r)
					if n != 3 || err != nil {
						b.Errorf("P3: countLines = %d, %v; want 3, nil", n, err)
						return
					}
				}
			})
		})
	}
}
