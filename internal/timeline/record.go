package timeline

import (
	"bytes"
	"context"
	"fmt"
	"runtime/trace"
)

// Record runs main on the calling goroutine inside the region [Region],
// with the runtime's execution trace recording from just before to just
// after, and returns the trace for [Parse]. The goroutine that calls
// Record becomes the main lane, and every goroutine that main starts, and
// that those start, becomes a lane of its own.
//
// A process records one execution trace at a time: Record returns the
// error of [runtime/trace.Start] if a trace is already running, such as the one
// go test -trace records, and tests that call it must not run in
// parallel with each other. If main panics or calls [runtime.Goexit],
// Record stops the trace before the panic goes on.
func Record(main func()) ([]byte, error) {
	var buf bytes.Buffer
	if err := trace.Start(&buf); err != nil {
		return nil, fmt.Errorf("timeline: recording a trace: %w", err)
	}
	stopped := false
	defer func() {
		if !stopped {
			trace.Stop()
		}
	}()
	trace.WithRegion(context.Background(), Region, main)
	trace.Stop()
	stopped = true
	return buf.Bytes(), nil
}
