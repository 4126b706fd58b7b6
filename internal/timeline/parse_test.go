package timeline_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"os"
	"os/exec"
	"runtime/trace"
	"strings"
	"sync"
	"testing"

	xtrace "golang.org/x/exp/trace"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/goprimer/concurrency/internal/crashtest"
	"github.com/goprimer/concurrency/internal/timeline"
)

// handoff is a small program for the tests of names and errors: main
// starts a goroutine and receives what it sends.
func handoff() {
	ch := make(chan int)
	go func() { ch <- 1 }()
	<-ch
}

// TestLaneNames checks that a lane is named after the function its
// goroutine started in: the function of a go statement (not the wrapper
// the compiler makes for its arguments), a closure, and for a goroutine
// that sync.WaitGroup.Go started, the function given to Go.
func TestLaneNames(t *testing.T) {
	tl := traceInBubble(t, func() {
		var wg sync.WaitGroup
		ch := make(chan int)
		go sender(ch)
		go func() {}()
		wg.Go(func() { <-ch }) // blocks, so the trace has a stack of it
		wg.Wait()
	})
	var names []string
	for _, l := range tl.Lanes {
		names = append(names, l.Name)
	}
	const pkg = "github.com/goprimer/concurrency/internal/timeline_test."
	require.Equal(t, []string{"main", pkg + "sender", pkg + "TestLaneNames.func1.1", pkg + "TestLaneNames.func1.2"}, names,
		"lane names, in the order the goroutines were created")
	ids := map[int64]bool{}
	for _, l := range tl.Lanes {
		ids[l.Goroutine] = true
	}
	require.Len(t, ids, len(tl.Lanes), "distinct goroutine IDs of the lanes\n%s", dump(tl))
}

// TestOnlyTheExamplesGoroutinesAreLanes checks that a goroutine started
// before the region opens, and one started by a goroutine that is no lane,
// are not lanes, while one started by a lane's goroutine, even after the
// goroutine that started it is gone, is.
func TestOnlyTheExamplesGoroutinesAreLanes(t *testing.T) {
	release, outsider := make(chan struct{}), make(chan struct{})
	go func() { // before the region: not a lane, nor what it starts
		<-release
		go func() { close(outsider) }()
	}()
	grandchild := make(chan struct{})
	tl := record(t, func() {
		child := make(chan struct{})
		go func() {
			go func() { close(grandchild) }()
			close(child)
		}()
		<-child
		<-grandchild
		close(release)
		<-outsider
	})
	require.Len(t, tl.Lanes, 3, "lanes: main, its child, the child's child\n%s", dump(tl))
	require.Equal(t, "github.com/goprimer/concurrency/internal/timeline_test.TestOnlyTheExamplesGoroutinesAreLanes.func2.1.1",
		tl.Lanes[2].Name, "the grandchild's lane")
}

// TestRuntimeGoroutinesAreNotLanes checks that the GC workers, which the
// goroutine that starts the process's first collection creates, are no
// lanes. The collection runs in a child process with GOGC=off, so it is
// the first; the test first checks, in the raw trace, that the main
// goroutine did create GC workers inside the region.
func TestRuntimeGoroutinesAreNotLanes(t *testing.T) {
	t.Parallel() // it waits on a child; the trace is the child's, not this process's
	exe, err := os.Executable()
	require.NoError(t, err)
	cmd := exec.Command(exe, "-test.run=^$")
	cmd.Env = append(os.Environ(), childEnv+"=gc", "GOGC=off")
	r := crashtest.Run(t, cmd)
	require.Zero(t, r.ExitCode, "the child's exit status; stderr:\n%s", r.Stderr)
	data := []byte(r.Stdout)

	require.Positive(t, gcWorkersCreatedInRegion(t, data), "GC workers the main goroutine created in the region")
	tl := parse(t, data)
	require.Len(t, tl.Lanes, 1, "lanes of runtime.GC: only main\n%s", dump(tl))
}

// gcWorkersCreatedInRegion counts, in a raw trace, the goroutines that
// start in runtime.gcBgMarkWorker created by the goroutine of the region
// while it is open.
func gcWorkersCreatedInRegion(t *testing.T, data []byte) int {
	t.Helper()
	rd, err := xtrace.NewReader(bytes.NewReader(data))
	require.NoError(t, err)
	n, open, main := 0, false, xtrace.NoGoroutine
	for {
		ev, err := rd.ReadEvent()
		if errors.Is(err, io.EOF) {
			return n
		}
		require.NoError(t, err)
		switch ev.Kind() {
		case xtrace.EventRegionBegin, xtrace.EventRegionEnd:
			if ev.Region().Type == timeline.Region {
				open, main = ev.Kind() == xtrace.EventRegionBegin, ev.Goroutine()
			}
		case xtrace.EventStateTransition:
			st := ev.StateTransition()
			if !open || st.Resource.Kind != xtrace.ResourceGoroutine || ev.Goroutine() != main {
				continue
			}
			if from, _ := st.Goroutine(); from != xtrace.GoNotExist {
				continue
			}
			for f := range st.Stack.Frames() {
				if f.Func == "runtime.gcBgMarkWorker" {
					n++
				}
			}
		}
	}
}

// TestBrokenTraces checks that what is not a whole execution trace with the
// example's region gives an error of one line, naming the example, and no
// panic.
func TestBrokenTraces(t *testing.T) {
	whole, err := timeline.Record(handoff)
	require.NoError(t, err)

	var noRegion, openRegion bytes.Buffer
	require.NoError(t, trace.Start(&noRegion))
	handoff()
	trace.Stop()
	require.NoError(t, trace.Start(&openRegion))
	region := trace.StartRegion(context.Background(), timeline.Region)
	trace.Stop()
	region.End()

	cases := map[string]struct {
		data []byte
		want string
	}{
		"empty":            {nil, "timeline: Example_x: not a Go execution trace: "},
		"foreign":          {[]byte("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"), "timeline: Example_x: not a Go execution trace: "},
		"header only":      {whole[:16], "timeline: Example_x: the trace is empty"},
		"cut in half":      {whole[:len(whole)/2], "timeline: Example_x: reading the trace: "},
		"last byte cut":    {whole[:len(whole)-1], "timeline: Example_x: reading the trace: "},
		"no region":        {noRegion.Bytes(), `timeline: Example_x: the trace has no region "example"`},
		"region not ended": {openRegion.Bytes(), `timeline: Example_x: the region "example" never ends in the trace`},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			tl, err := timeline.Parse(bytes.NewReader(c.data), "Example_x")
			require.Error(t, err, "parsing a trace that is %s", name)
			require.Nil(t, tl, "the timeline with the error")
			assert.True(t, strings.HasPrefix(err.Error(), c.want), "error = %q; want it to start with %q", err, c.want)
			assert.NotContains(t, err.Error(), "\n", "the error is one line")
		})
	}

	// Every cut of the trace, at a hundred places, is an error or (cut
	// after the region's end) the whole timeline; never a panic.
	for i := range 100 {
		cut := len(whole) * i / 100
		tl, err := timeline.Parse(bytes.NewReader(whole[:cut]), "Example_x")
		if err != nil {
			require.NotContains(t, err.Error(), "\n", "the error for the trace cut at byte %d is one line", cut)
			continue
		}
		checkTimeline(t, tl)
	}
}

// TestRecordWhileTracing checks that Record reports, rather than hides,
// that another trace is running, and that a panicking main stops its
// trace, so the next Record works.
func TestRecordWhileTracing(t *testing.T) {
	require.NoError(t, trace.Start(io.Discard))
	_, err := timeline.Record(handoff)
	again := trace.Start(io.Discard) // runtime/trace's own error, in its own words
	trace.Stop()
	require.Error(t, again, "starting a second trace")
	require.EqualError(t, err, "timeline: recording a trace: "+again.Error())

	require.PanicsWithValue(t, "boom", func() {
		_, _ = timeline.Record(func() { panic("boom") })
	})
	_, err = timeline.Record(handoff)
	require.NoError(t, err, "recording after a main that panicked")
}

// TestJSON checks that a timeline survives a round trip through JSON, as
// a drawing that carries it needs.
func TestJSON(t *testing.T) {
	tl := record(t, handoff)
	data, err := json.Marshal(tl)
	require.NoError(t, err)
	var back timeline.Timeline
	require.NoError(t, json.Unmarshal(data, &back))
	require.Equal(t, tl, &back, "the timeline after a JSON round trip")
}
