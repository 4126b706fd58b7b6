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
