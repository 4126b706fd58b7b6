package draw

import (
	"time"

	"github.com/goprimer/concurrency/internal/timeline"
)

const (
	µs = time.Microsecond
	ms = time.Millisecond
)

// handoff is the package doc's timeline: main blocks on a receive until
// func1 sends, func1 then waits for a Mutex that main unlocks, and main
// waits on a WaitGroup until func1 is done.
func handoff() *timeline.Timeline {
	return &timeline.Timeline{
		Example:  "Example_handoff",
		Duration: 2 * ms,
		Lanes: []timeline.Lane{
			{
				Goroutine: 1, Name: "main",
				Spans: []timeline.Span{
					{From: 0, To: 200 * µs, State: timeline.Running},
					{From: 200 * µs, To: 1000 * µs, State: timeline.Blocked, Reason: timeline.ChanReceive},
					{From: 1000 * µs, To: 1100 * µs, State: timeline.Runnable},
					{From: 1100 * µs, To: 1400 * µs, State: timeline.Running},
					{From: 1400 * µs, To: 1700 * µs, State: timeline.Blocked, Reason: timeline.WaitGroup},
					{From: 1700 * µs, To: 2000 * µs, State: timeline.Running},
				},
				Wakes: []timeline.Wake{{At: 1000 * µs, By: 1}, {At: 1700 * µs, By: 1}},
			},
			{
				Goroutine: 7, Name: "main.Example_handoff.func1",
				Spans: []timeline.Span{
					{From: 200 * µs, To: 400 * µs, State: timeline.Runnable},
					{From: 400 * µs, To: 1000 * µs, State: timeline.Running},
					{From: 1000 * µs, To: 1500 * µs, State: timeline.Blocked, Reason: timeline.Mutex},
					{From: 1500 * µs, To: 1700 * µs, State: timeline.Running},
				},
				Wakes: []timeline.Wake{{At: 1500 * µs, By: 0}},
			},
		},
	}
}

// every has one lane per kind, each in turn, and a wake from outside.
func every() *timeline.Timeline {
	reasons := []string{timeline.ChanReceive, timeline.ChanSend, timeline.Select, timeline.Mutex, timeline.RWMutex, timeline.WaitGroup, timeline.Cond, timeline.Sleep, timeline.Other, "something new"}
	tl := &timeline.Timeline{Example: "Example_every", Duration: 13 * ms}
	var spans []timeline.Span
	t := time.Duration(0)
	add := func(s timeline.State, r string) {
		spans = append(spans, timeline.Span{From: t, To: t + ms, State: s, Reason: r})
		t += ms
	}
	add(timeline.Running, "")
	add(timeline.Runnable, "")
	add(timeline.Syscall, "")
	for _, r := range reasons {
		add(timeline.Blocked, r)
	}
	tl.Lanes = []timeline.Lane{{Goroutine: 1, Name: "main", Spans: spans, Wakes: []timeline.Wake{{At: 12 * ms, By: -1}}}}
	return tl
}

// many has n lanes of workers started from one func literal, each woken
// by the one before.
func many(n int) *timeline.Timeline {
	tl := &timeline.Timeline{Example: "Example_fanOut", Duration: time.Duration(n+1) * 100 * µs}
	tl.Lanes = append(tl.Lanes, timeline.Lane{Goroutine: 1, Name: "main", Spans: []timeline.Span{
		{From: 0, To: 50 * µs, State: timeline.Running},
		{From: 50 * µs, To: tl.Duration, State: timeline.Blocked, Reason: timeline.WaitGroup},
	}})
	for i := range n {
		at := time.Duration(i+1) * 100 * µs
		l := timeline.Lane{Goroutine: int64(10 + i), Name: "main.Example_fanOut.func1", Spans: []timeline.Span{
			{From: 50 * µs, To: at, State: timeline.Blocked, Reason: timeline.ChanReceive},
			{From: at, To: at + 30*µs, State: timeline.Running},
		}, Wakes: []timeline.Wake{{At: at, By: i}}}
		tl.Lanes = append(tl.Lanes, l)
	}
	return tl
}

// longNames has lanes whose functions have long names, a package path, a
// wide character and a name like another's end.
func longNames() *timeline.Timeline {
	names := []string{
		"main",
		"main.Example_aVeryLongExampleNameIndeedForTesting.func1",
		"main.Example_aVeryLongExampleNameIndeedForTesting.func1.2",
		"golang.org/x/sync/errgroup.(*Group).Go.func1",
		"main.(*pipelineStageWithALongName).runTheStageUntilDone",
		"main.(*anotherStageWithALongName).runTheStageUntilDone",
		"main.生产者消费者",
		"",
	}
	tl := &timeline.Timeline{Example: "Example_aVeryLongExampleNameIndeedForTesting", Duration: 1234567 * time.Nanosecond}
	for i, n := range names {
		tl.Lanes = append(tl.Lanes, timeline.Lane{Goroutine: int64(i + 1), Name: n, Spans: []timeline.Span{
			{From: 0, To: tl.Duration / 2, State: timeline.Running},
			{From: tl.Duration / 2, To: tl.Duration, State: timeline.Blocked, Reason: timeline.Select},
		}, Wakes: []timeline.Wake{{At: tl.Duration / 3, By: (i + 1) % len(names)}}})
	}
	return tl
}

// zero is a timeline in which no time passed.
func zero() *timeline.Timeline {
	return &timeline.Timeline{Example: "Example_zero", Lanes: []timeline.Lane{{
		Goroutine: 1, Name: "main",
		Spans: []timeline.Span{{State: timeline.Running}},
		Wakes: []timeline.Wake{{At: 0, By: -1}},
	}}}
}

// single has one lane, running throughout.
func single() *timeline.Timeline {
	return &timeline.Timeline{Example: "Example", Duration: 42 * µs, Lanes: []timeline.Lane{{
		Goroutine: 1, Name: "main",
		Spans: []timeline.Span{{From: 0, To: 42 * µs, State: timeline.Running}},
	}}}
}

// busy has, over 20µs, a main lane that loops 250 times through a select:
// running 4ns, blocked 4ns, runnable 4ns, woken each time by func1;
// but one of its blocks lasts 250ns, 9.25 pixels of the SVG. Func1 runs
// while main does and is blocked, then sleeps while main is runnable,
// woken by none of the lanes. Each lane ends running. It is not one of
// the fixtures, which every test draws: only the tests of merging draw
// it, since its 1250 spans take a while to read back under -race.
func busy() *timeline.Timeline {
	const step = 4 * time.Nanosecond
	tl := &timeline.Timeline{Example: "Example_busy", Duration: 20 * µs}
	main := timeline.Lane{Goroutine: 1, Name: "main"}
	func1 := timeline.Lane{Goroutine: 2, Name: "main.Example_busy.func1"}
	t := time.Duration(0)
	for i := range 250 {
		block := step
		if i == 125 {
			block = 250 * time.Nanosecond
		}
		woken := t + step + block
		main.Spans = append(main.Spans,
			timeline.Span{From: t, To: t + step, State: timeline.Running},
			timeline.Span{From: t + step, To: woken, State: timeline.Blocked, Reason: timeline.Select},
			timeline.Span{From: woken, To: woken + step, State: timeline.Runnable})
		main.Wakes = append(main.Wakes, timeline.Wake{At: woken, By: 1})
		func1.Spans = append(func1.Spans,
			timeline.Span{From: t, To: woken, State: timeline.Running},
			timeline.Span{From: woken, To: woken + step, State: timeline.Blocked, Reason: timeline.Sleep})
		func1.Wakes = append(func1.Wakes, timeline.Wake{At: woken + step, By: -1})
		t = woken + step
	}
	main.Spans = append(main.Spans, timeline.Span{From: t, To: tl.Duration, State: timeline.Running})
	func1.Spans = append(func1.Spans, timeline.Span{From: t, To: tl.Duration, State: timeline.Running})
	tl.Lanes = []timeline.Lane{main, func1}
	return tl
}

// fixtures are all the timelines above, by name.
func fixtures() []struct {
	name string
	tl   *timeline.Timeline
} {
	return []struct {
		name string
		tl   *timeline.Timeline
	}{
		{"handoff", handoff()},
		{"every kind", every()},
		{"many lanes", many(30)},
		{"long names", longNames()},
		{"zero duration", zero()},
		{"single lane", single()},
		{"no lanes", &timeline.Timeline{Duration: ms}},
	}
}
