// Command leakprofile abandons a generator, as a caller that returns early
// does, and prints the Go release that built it followed by the runtime's
// "goroutineleak" profile. TestRuntimeReportsLeakedGoroutine runs it.
package main

import (
	"bytes"
	"fmt"
	"os"
	"runtime"
	"runtime/pprof"
	"strings"
)

// leakyGenerate sends values on a channel that nothing but its caller can
// reach, and has no way to stop early.
func leakyGenerate(values ...int) <-chan int {
	out := make(chan int)
	go func() {
		defer close(out)
		for _, v := range values {
			out <- v // blocks until someone receives; nobody else can end it
		}
	}()
	return out
}

func main() {
	profile := pprof.Lookup("goroutineleak")
	if profile == nil {
		fmt.Fprintln(os.Stderr, "this program has no goroutineleak profile")
		os.Exit(1)
	}

	c := leakyGenerate(1, 2, 3)
	<-c // then walk away: the generator stays blocked sending 2

	// A goroutine counts as leaked only once it is parked, and nothing
	// tells main when the generator has reached its next send; so take the
	// profile again, after yielding, until it is there. The generator parks
	// within microseconds; the bound only keeps a broken runtime from
	// spinning for ever.
	var report bytes.Buffer
	for range 100 {
		report.Reset()
		if err := profile.WriteTo(&report, 1); err != nil {
			panic(err)
		}
		if strings.Contains(report.String(), "leakyGenerate") {
			break
		}
		runtime.Gosched()
	}
	fmt.Println(runtime.Version())
	fmt.Print(report.String())
}
