package timeline_test

import (
	"bytes"
	"context"
	"fmt"
	"runtime"
	"runtime/trace"
	"slices"
	"strings"
	"testing"
	"testing/synctest"

	"github.com/stretchr/testify/require"

	"github.com/goprimer/concurrency/internal/timeline"
)

// The fixtures trace small programs in this process. A process records
// one execution trace at a time, so no test here runs in parallel with
// another that traces.
//
// Each fixture forces its order by causality, never by timing, so that its
// story is the same on one CPU or many and under the race detector:
//
//   - Where the claim is about a block that a synctest bubble counts as
//     durable (a channel, a select, a WaitGroup, a Cond, a sleep), the
//     program runs in a bubble, and the goroutine that unblocks the other
//     first calls [synctest.Wait], which returns only once the other is
//     blocked.
//   - A goroutine blocked on a Mutex or an RWMutex is not durably blocked,
//     so no bubble can wait for it; only the runtime knows that it is
//     parked. [waitParked] asks it, through [runtime.Stack].

// traceInBubble runs body as the main lane of a traced example, inside a
// synctest bubble: the trace starts outside the bubble (its own goroutines
// must not join it), and the region opens on the bubble's root goroutine.
func traceInBubble(t *testing.T, body func()) *timeline.Timeline {
	t.Helper()
	var buf bytes.Buffer
	require.NoError(t, trace.Start(&buf), "starting the trace")
	stopped := false
	defer func() {
		if !stopped {
			trace.Stop()
		}
	}()
	synctest.Test(t, func(*testing.T) {
		trace.WithRegion(context.Background(), timeline.Region, body)
	})
	trace.Stop()
	stopped = true
	return parse(t, buf.Bytes())
}

// record runs body as the main lane of a traced example, with Record.
func record(t *testing.T, body func()) *timeline.Timeline {
	t.Helper()
	data, err := timeline.Record(body)
	require.NoError(t, err, "recording the trace")
	return parse(t, data)
}

// parse parses a recorded trace and checks what every timeline must hold.
func parse(t *testing.T, data []byte) *timeline.Timeline {
	t.Helper()
	tl, err := timeline.Parse(bytes.NewReader(data), t.Name())
	require.NoError(t, err, "parsing the trace")
	checkTimeline(t, tl)
	return tl
}

// waitParked returns once, for every function named in want, a goroutine
// with that function on its stack is parked with the wait reason that want
// gives it, such as "sync.Mutex.Lock" (the reasons goroutine dumps show).
// It looks again after each [runtime.Gosched]: the goroutines it waits
// for are already running towards the block, so it loops only until they
// reach it. Callers bound it with the watchdog.
func waitParked(want map[string]string) {
	buf := make([]byte, 1<<16)
	for {
		n := runtime.Stack(buf, true)
		if n == len(buf) {
			buf = make([]byte, 2*len(buf))
			continue
		}
		if allParked(string(buf[:n]), want) {
			return
		}
		runtime.Gosched()
	}
}

func allParked(dump string, want map[string]string) bool {
	for fn, reason := range want {
		found := false
		for g := range strings.SplitSeq(dump, "\n\n") {
			header, _, _ := strings.Cut(g, "\n")
			if strings.Contains(header, "["+reason) && strings.Contains(g, "."+fn+"(") {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// incidental are the blocks the runtime may impose on any goroutine at any
// time, for the garbage collector. A story leaves them out.
var incidental = []string{"GC mark assist wait for work", "wait until GC ends", "GC weak to strong wait"}

func isIncidental(s timeline.Span) bool {
	return s.State == timeline.Blocked && s.Reason == timeline.Other && slices.Contains(incidental, s.Detail)
}

// story tells each lane's states in order, one line a lane, such as
// "main: run, blocked chan receive, woken by sender, run". Running,
// runnable and in a system call all read "run": which of them a goroutine
// is in between its blocks, and how often it is preempted, is up to the
// scheduler. A block reads "blocked REASON" (with the runtime's words in
// parentheses for Other), and its wake "woken by LANE", or "woken by
// nobody" when no lane's goroutine woke it.
func story(tl *timeline.Timeline) []string {
	var lines []string
	for _, l := range tl.Lanes {
		wakes := map[int64]int{} // by At
		for _, w := range l.Wakes {
			wakes[int64(w.At)] = w.By
		}
		var words []string
		add := func(w string) {
			if len(words) == 0 || words[len(words)-1] != w || w != "run" {
				words = append(words, w)
			}
		}
		for _, s := range l.Spans {
			if s.State != timeline.Blocked || isIncidental(s) {
				add("run")
				continue
			}
			w := "blocked " + s.Reason
			if s.Reason == timeline.Other {
				w += " (" + s.Detail + ")"
			}
			add(w)
			if by, ok := wakes[int64(s.To)]; ok {
				who := "nobody"
				if by >= 0 {
					who = short(tl.Lanes[by].Name)
				}
				add("woken by " + who)
			}
		}
		lines = append(lines, short(l.Name)+": "+strings.Join(words, ", "))
	}
	return lines
}

// short drops the package path from a function name:
// "github.com/x/timeline_test.sender" is "sender".
func short(name string) string {
	if i := strings.LastIndex(name, "/"); i >= 0 {
		name = name[i+1:]
	}
	if pkg, rest, ok := strings.Cut(name, "."); ok && strings.HasSuffix(pkg, "_test") {
		return rest
	}
	return name
}

// requireStory checks the timeline's story, lane by lane, in lane order.
func requireStory(t *testing.T, tl *timeline.Timeline, want ...string) {
	t.Helper()
	got := story(tl)
	require.Equal(t, want, got, "each lane's states in order; the timeline:\n%s", dump(tl))
}

// dump shows a timeline with its timings, for failure messages.
func dump(tl *timeline.Timeline) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s: %v\n", tl.Example, tl.Duration)
	for i, l := range tl.Lanes {
		fmt.Fprintf(&b, "  lane %d: goroutine %d %s\n", i, l.Goroutine, l.Name)
		for _, s := range l.Spans {
			fmt.Fprintf(&b, "    %v..%v %s %s %s\n", s.From, s.To, s.State, s.Reason, s.Detail)
		}
		for _, w := range l.Wakes {
			fmt.Fprintf(&b, "    woken at %v by lane %d\n", w.At, w.By)
		}
	}
	return b.String()
}

var reasons = []string{
	timeline.ChanReceive, timeline.ChanSend, timeline.Select, timeline.Mutex, timeline.RWMutex,
	timeline.WaitGroup, timeline.Cond, timeline.Sleep, timeline.Other,
}

// checkTimeline checks what the trace proves of every timeline, whatever
// the scheduler did: each lane's spans follow each other within the
// example; the main lane starts running at 0 and every other lane starts
// runnable when it is created; a block ends only with a wake, after which
// the goroutine is runnable; and the goroutine that woke another was
// running at that moment, since waking is something a goroutine does.
func checkTimeline(t *testing.T, tl *timeline.Timeline) {
	t.Helper()
	require.Positive(t, tl.Duration, "duration of %s", tl.Example)
	require.NotEmpty(t, tl.Lanes, "lanes")
	require.Equal(t, "main", tl.Lanes[0].Name, "the first lane's name")
	for i, l := range tl.Lanes {
		require.NotEmpty(t, l.Spans, "spans of lane %d (%s)", i, l.Name)
		first := l.Spans[0]
		if i == 0 {
			require.Equal(t, timeline.Span{From: 0, To: first.To, State: timeline.Running}, first, "the main lane's first span")
		} else {
			require.Equal(t, timeline.Runnable, first.State, "lane %d (%s): a new goroutine's first state", i, l.Name)
			require.Positive(t, first.From, "lane %d (%s): creation time", i, l.Name)
		}
		for j, s := range l.Spans {
			require.Less(t, s.From, s.To, "lane %d (%s) span %d: from before to", i, l.Name, j)
			require.LessOrEqual(t, s.To, tl.Duration, "lane %d (%s) span %d: end within the example", i, l.Name, j)
			if j > 0 {
				prev := l.Spans[j-1]
				require.Equal(t, prev.To, s.From, "lane %d (%s) span %d starts where span %d ends", i, l.Name, j, j-1)
				require.False(t, prev.State == s.State && prev.Reason == s.Reason && prev.Detail == s.Detail,
					"lane %d (%s) spans %d and %d are the same state %s %s", i, l.Name, j-1, j, s.State, s.Reason)
			}
			switch {
			case s.State == timeline.Blocked:
				require.Contains(t, reasons, s.Reason, "lane %d (%s) span %d: reason", i, l.Name, j)
				require.Equal(t, s.Reason == timeline.Other, s.Detail != "", "lane %d (%s) span %d: a detail for other, only for other (detail %q)", i, l.Name, j, s.Detail)
				if s.To < tl.Duration && j+1 < len(l.Spans) {
					require.Equal(t, timeline.Runnable, l.Spans[j+1].State, "lane %d (%s) span %d: the state after a block", i, l.Name, j)
					require.True(t, slices.ContainsFunc(l.Wakes, func(w timeline.Wake) bool { return w.At == s.To }),
						"lane %d (%s) span %d: a block that ends at %v has a wake then", i, l.Name, j, s.To)
				}
			default:
				require.Empty(t, s.Reason+s.Detail, "lane %d (%s) span %d: %s has no reason", i, l.Name, j, s.State)
			}
		}
		for _, w := range l.Wakes {
			k := slices.IndexFunc(l.Spans, func(s timeline.Span) bool { return s.To == w.At })
			require.True(t, k >= 0 && l.Spans[k].State == timeline.Blocked, "lane %d (%s): the wake at %v ends a block", i, l.Name, w.At)
			require.True(t, w.By >= -1 && w.By < len(tl.Lanes), "lane %d (%s): waker %d is a lane or -1", i, l.Name, w.By)
			if w.By >= 0 {
				by := tl.Lanes[w.By]
				running := slices.ContainsFunc(by.Spans, func(s timeline.Span) bool {
					return s.State == timeline.Running && s.From < w.At && w.At < s.To
				})
				require.True(t, running, "lane %d (%s): its waker, lane %d (%s), runs at %v\n%s", i, l.Name, w.By, by.Name, w.At, dump(tl))
			}
		}
	}
}
