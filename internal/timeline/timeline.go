// Package timeline turns the runtime execution trace of one example into
// lanes: one for the goroutine that ran the example's main, and one for
// each goroutine the example started, each lane a sequence of spans in
// which the goroutine was running, runnable, blocked (and on what) or in a
// system call, with the moments it was woken and by which lane.
//
// It only models and parses; the text and SVG drawings of a Timeline are
// in package draw, and cmd/primer wires both to its -timeline and -svg
// flags. A Timeline marshals to JSON, so a drawing can carry the timeline
// it was drawn from.
//
// # Recording and parsing
//
// A traced program runs the example's main inside the region [Region], on
// its main goroutine, while [runtime/trace] records; [Record] does that in
// the calling process. [Parse] reads the trace with golang.org/x/exp/trace,
// which reads the format that Go 1.26 and Go 1.27 both write, and keeps
// what happened between the region's begin and end:
//
//   - The lanes are the goroutine that opened the region, and every
//     goroutine that a lane's goroutine created while the region was open,
//     down any number of generations. Goroutines that start in package
//     runtime, such as the GC workers that the goroutine starting the
//     first collection creates, are left out, and so is any goroutine that
//     was started before the region or by a goroutine that is no lane.
//   - A lane is named after the function its goroutine started in, which
//     the trace records with the creation (the go statement's wrapper for
//     its arguments already resolved to the function it wraps). A
//     goroutine that a Go method starts, such as [sync.WaitGroup.Go], runs
//     that method's closure first: its lane is named after the function
//     given to Go once the trace has a stack of the goroutine (when it
//     blocks, for one), and after the closure if it has none.
//   - The spans are the goroutine's states, cut to the region: Running,
//     Runnable (created, woken, preempted or yielding), Blocked, and Syscall.
//   - A wake is a move from blocked to runnable. The trace records which
//     goroutine made it, and Wake.By is that goroutine's lane. It is -1 when
//     that goroutine is no lane, or when the runtime made the move between
//     goroutines, as it does when a timer fires or a sleep ends.
//
// # Blocking reasons
//
// The runtime gives each block one of a few reasons, the same words in Go
// 1.26 and Go 1.27. Parse maps them to the package's reasons:
//
//   - "chan receive", "chan send" and "select" are [ChanReceive],
//     [ChanSend] and [Select]. A select with one case and no default is
//     compiled to a plain send or receive, and shows as one.
//   - "sleep" is [Sleep], from [time.Sleep]. A wait for a timer's channel,
//     such as <-[time.After](d), is a channel receive (or a select) like any
//     other: the trace does not say which channel it was, only that no
//     goroutine of the example sent on it.
//   - "sync.(*Cond).Wait" is [Cond].
//   - "sync" is every semaphore wait, so Parse reads the stack of the
//     block, which starts at the method of package sync that was called:
//     [Mutex] for sync.Mutex.Lock, [WaitGroup] for sync.WaitGroup.Wait,
//     [RWMutex] for any RWMutex method, including a Lock that waits on the
//     Mutex inside the RWMutex. A Cond.Wait that, woken, waits to lock c.L
//     again is blocked on a [Mutex] (or an RWMutex), not on the Cond.
//   - Anything else is [Other], with the runtime's words in Span.Detail:
//     "forever" for a nil channel or an empty select, "network",
//     "synctest" for [testing/synctest.Wait], the garbage collector's waits,
//     and "sync" for a semaphore outside package sync.
package timeline

import "time"

// A State is what a goroutine is doing during a span.
type State string

const (
	Running  State = "running"  // on a processor
	Runnable State = "runnable" // ready, waiting for a processor
	Blocked  State = "blocked"  // waiting for something; the span's Reason says what
	Syscall  State = "syscall"  // in a system call
)

// Reasons a goroutine is blocked, as Span.Reason gives them.
const (
	ChanReceive = "chan receive"
	ChanSend    = "chan send"
	Select      = "select"
	Mutex       = "sync.Mutex"
	RWMutex     = "sync.RWMutex"
	WaitGroup   = "sync.WaitGroup"
	Cond        = "sync.Cond"
	Sleep       = "sleep" // time.Sleep
	Other       = "other" // anything else the trace reports, such as network I/O; Span.Detail says what
)

// A Span is a stretch of time during which a goroutine stays in one state.
// Times are offsets from the start of the example.
type Span struct {
	From, To time.Duration
	State    State
	Reason   string `json:",omitempty"` // for Blocked: one of the reasons above
	// Detail is, for Blocked with Reason Other, the runtime's own words
	// for the block as the trace records them, such as "network",
	// "synctest" or "GC mark assist wait for work".
	Detail string `json:",omitempty"`
}

// A Wake is the moment a blocked goroutine became runnable again.
type Wake struct {
	At time.Duration
	// By is the index in Timeline.Lanes of the lane whose goroutine
	// unblocked this one (the sender that woke a receiver, say), or -1
	// if the trace names no goroutine of the example: a timer, the
	// runtime, or a goroutine outside the example.
	By int
}

// A Lane is one goroutine's part of the timeline.
type Lane struct {
	Goroutine int64 // the goroutine's ID in the trace
	// Name is the function the goroutine started in, as the Go runtime
	// names it, such as "main.Example_handoff.func1"; for the first lane
	// it is "main", the goroutine that ran the example's main function.
	Name  string
	Spans []Span // in order, each starting where the previous one ended
	Wakes []Wake `json:",omitempty"` // in order
}

// A Timeline is the lanes of one run of one example.
type Timeline struct {
	Example  string        // the example's function name, such as "Example_handoff"
	Duration time.Duration // from the start of the example to its end
	Lanes    []Lane        // the main lane first, then in the order the goroutines were created
}

// Region is the name of the runtime/trace region in which a traced program
// runs the example's main function, on the goroutine that becomes the main
// lane. Parse takes the example's start and end, and its main goroutine,
// from that region.
const Region = "example"
