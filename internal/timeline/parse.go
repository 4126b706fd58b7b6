package timeline

import (
	"errors"
	"fmt"
	"io"
	"regexp"
	"strings"
	"time"

	"golang.org/x/exp/trace"
)

// Parse reads a runtime execution trace, as [runtime/trace.Start] writes
// it, and returns the timeline of the example that ran in it, named
// example. The example's main function must have run inside the region
// [Region] (see [Record]); the goroutine that opened the region is the
// main lane, and the region's begin and end are the timeline's start and
// end.
//
// A trace that is not an execution trace, that is cut short (anywhere but
// between two of the generations the runtime writes it in, where what
// remains is a whole trace), or that has no complete region [Region] gives
// an error of one line.
func Parse(r io.Reader, example string) (tl *Timeline, err error) {
	defer func() {
		// The reader validates the trace, but it is a young package and a
		// malformed trace must never crash a drawing: report its panic as
		// an error instead.
		if p := recover(); p != nil {
			tl, err = nil, fmt.Errorf("timeline: %s: malformed trace: %s", example, oneLine(fmt.Sprint(p)))
		}
	}()
	rd, err := trace.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("timeline: %s: not a Go execution trace: %s", example, oneLine(err.Error()))
	}
	p := &parser{tl: &Timeline{Example: example}, lanes: map[trace.GoID]*laneState{}}
	for {
		ev, err := rd.ReadEvent()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("timeline: %s: reading the trace: %s", example, oneLine(err.Error()))
		}
		if ev.Kind() != trace.EventSync {
			p.events++
		}
		if err := p.event(ev); err != nil {
			return nil, fmt.Errorf("timeline: %s: %s", example, err)
		}
	}
	switch {
	case p.events == 0:
		return nil, fmt.Errorf("timeline: %s: the trace is empty", example)
	case !p.begun:
		return nil, fmt.Errorf("timeline: %s: the trace has no region %q", example, Region)
	case !p.ended:
		return nil, fmt.Errorf("timeline: %s: the region %q never ends in the trace", example, Region)
	}
	return p.tl, nil
}

// oneLine joins the lines of a message, so that an error stays on one line.
func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// A parser follows the trace's events and builds the timeline.
type parser struct {
	tl           *Timeline
	events       int // read, apart from the reader's Sync events
	begun, ended bool
	start        trace.Time
	main         trace.GoID
	depth        int // nesting of regions named Region on the main goroutine
	lanes        map[trace.GoID]*laneState
}

// A laneState is the parser's view of one lane's goroutine.
type laneState struct {
	index  int    // in Timeline.Lanes
	state  State  // since the start of the open span
	reason string // for Blocked
	detail string // for Blocked with reason Other
	from   trace.Time
	alive  bool // false once the goroutine has exited
	unwrap bool // Name is a Go method's wrapper; see wrapper
}

func (p *parser) event(ev trace.Event) error {
	switch ev.Kind() {
	case trace.EventRegionBegin:
		if ev.Region().Type != Region {
			return nil
		}
		switch {
		case p.ended:
			return fmt.Errorf("the trace has more than one region %q", Region)
		case p.begun:
			if ev.Goroutine() == p.main {
				p.depth++
			}
			return nil
		}
		p.begun, p.depth = true, 1
		p.start, p.main = ev.Time(), ev.Goroutine()
		p.addLane(p.main, "main", Running, ev.Time())
	case trace.EventRegionEnd:
		if !p.begun || p.ended || ev.Region().Type != Region || ev.Goroutine() != p.main {
			return nil
		}
		if p.depth--; p.depth > 0 {
			return nil
		}
		p.ended = true
		p.tl.Duration = p.at(ev.Time())
		for _, l := range p.lanes {
			if l.alive {
				p.closeSpan(l, ev.Time())
			}
		}
	case trace.EventStateTransition:
		if !p.begun || p.ended {
			return nil
		}
		st := ev.StateTransition()
		if st.Resource.Kind != trace.ResourceGoroutine {
			return nil
		}
		p.transition(ev, st)
	}
	if p.begun && !p.ended {
		p.refineName(ev)
	}
	return nil
}

// transition applies one goroutine state transition inside the region.
func (p *parser) transition(ev trace.Event, st trace.StateTransition) {
	g := st.Resource.Goroutine()
	from, to := st.Goroutine()
	if from == trace.GoNotExist {
		// Creation: the event's goroutine is the creator, and the
		// transition's stack is the new goroutine's start function.
		if _, ok := p.lanes[ev.Goroutine()]; !ok {
			return
		}
		name := startFunc(st.Stack)
		if strings.HasPrefix(name, "runtime.") {
			return // a GC worker or another goroutine of the runtime's own
		}
		state, ok := laneStates[to]
		if !ok {
			return
		}
		l := p.addLane(g, name, state, ev.Time())
		l.unwrap = wrapper.MatchString(name)
		if state == Blocked {
			l.reason, l.detail = Other, "created blocked"
		}
		return
	}
	l, ok := p.lanes[g]
	if !ok || !l.alive || from == to {
		return // not a lane, or a status event restating what is known
	}
	p.closeSpan(l, ev.Time())
	if to == trace.GoNotExist {
		l.alive = false
		return
	}
	if from == trace.GoWaiting && to == trace.GoRunnable {
		by := -1
		if w, ok := p.lanes[ev.Goroutine()]; ok {
			by = w.index
		}
		lane := &p.tl.Lanes[l.index]
		lane.Wakes = append(lane.Wakes, Wake{At: p.at(ev.Time()), By: by})
	}
	l.state, l.from = laneStates[to], ev.Time()
	if l.state == "" {
		l.state = Blocked // a state this package does not know: call it blocked, on something else
		l.reason, l.detail = Other, to.String()
	}
	if to == trace.GoWaiting {
		l.reason, l.detail = reason(st.Reason, st.Stack)
	}
}

// laneStates maps the trace's goroutine states to a lane's.
var laneStates = map[trace.GoState]State{
	trace.GoRunning:  Running,
	trace.GoRunnable: Runnable,
	trace.GoWaiting:  Blocked,
	trace.GoSyscall:  Syscall,
}

func (p *parser) addLane(g trace.GoID, name string, state State, at trace.Time) *laneState {
	l := &laneState{index: len(p.tl.Lanes), state: state, from: at, alive: true}
	p.lanes[g] = l
	p.tl.Lanes = append(p.tl.Lanes, Lane{Goroutine: int64(g), Name: name})
	return l
}

// closeSpan ends the lane's open span at t.
func (p *parser) closeSpan(l *laneState, t trace.Time) {
	if t <= l.from {
		return // nothing to show: the state lasted no time
	}
	s := Span{From: p.at(l.from), To: p.at(t), State: l.state}
	if l.state == Blocked {
		s.Reason, s.Detail = l.reason, l.detail
	}
	lane := &p.tl.Lanes[l.index]
	lane.Spans = append(lane.Spans, s)
}

// at is the offset of t from the start of the example.
func (p *parser) at(t trace.Time) time.Duration {
	return time.Duration(t - p.start)
}

// startFunc is the function a goroutine started in: the creation event's
// transition carries a stack of one frame, the new goroutine's start PC
// (the runtime resolves the go statement's wrapper to the function it
// wraps).
func startFunc(s trace.Stack) string {
	for f := range s.Frames() {
		return f.Func
	}
	return "?"
}

// wrapper matches the closure that a Go method starts, such as
// sync.(*WaitGroup).Go.func1 or errgroup.(*Group).Go.func1: the goroutine
// is better named after the function it calls, which only a later stack of
// that goroutine shows.
var wrapper = regexp.MustCompile(`\.\(\*[^)]+\)\.Go\.func\d+$`)

// refineName names a lane whose goroutine started in a Go method's wrapper
// after the function the wrapper called, from the first stack of that
// goroutine the trace records (when it blocks, is preempted, or starts a
// goroutine itself). Its stack reads from the innermost frame out: the
// frame just inside the wrapper's is the function passed to Go.
func (p *parser) refineName(ev trace.Event) {
	l, ok := p.lanes[ev.Goroutine()]
	if !ok || !l.unwrap {
		return
	}
	lane := &p.tl.Lanes[l.index]
	inner := ""
	for f := range ev.Stack().Frames() {
		if f.Func == lane.Name {
			if inner != "" {
				lane.Name = inner
				l.unwrap = false
			}
			return
		}
		inner = f.Func
	}
}

// reason normalises the trace's reason for a block, with the stack of
// the blocking goroutine, to one of the package's reasons; for Other it
// also returns the trace's own words.
func reason(traceReason string, stack trace.Stack) (reason, detail string) {
	switch traceReason {
	case "chan receive":
		return ChanReceive, ""
	case "chan send":
		return ChanSend, ""
	case "select":
		return Select, ""
	case "sleep":
		return Sleep, ""
	case "sync.(*Cond).Wait":
		return Cond, ""
	case "sync":
		if r := syncReason(stack); r != "" {
			return r, ""
		}
	}
	return Other, traceReason
}

// syncReason tells which type of package sync a goroutine blocked in, from
// the stack of its block: the runtime gives the same reason, "sync", for
// every semaphore wait. The stack starts at the sync method called (the
// runtime's own frames are skipped). The innermost method names the type,
// except that a wait inside an RWMutex method (whose Lock locks a Mutex)
// is the RWMutex's, and a Mutex.Lock inside Cond.Wait (relocking c.L) is
// the Mutex's. It returns "" for a semaphore outside package sync, such
// as a file descriptor's lock.
func syncReason(stack trace.Stack) string {
	kind := ""
	for f := range stack.Frames() {
		fn := f.Func
		switch {
		case strings.HasPrefix(fn, "sync.(*RWMutex)."), strings.HasPrefix(fn, "sync.(*rlocker)."):
			return RWMutex
		case strings.HasPrefix(fn, "sync.(*Mutex)."), strings.HasPrefix(fn, "internal/sync.(*Mutex)."):
			if kind == "" {
				kind = Mutex
			}
		case strings.HasPrefix(fn, "sync.(*WaitGroup)."):
			if kind == "" {
				kind = WaitGroup
			}
		case strings.HasPrefix(fn, "sync.(*Cond)."):
			if kind == "" {
				kind = Cond
			}
		case strings.HasPrefix(fn, "sync."), strings.HasPrefix(fn, "internal/sync."), strings.HasPrefix(fn, "runtime."):
		default:
			return kind // the caller's code: the sync frames are behind us
		}
	}
	return kind
}
