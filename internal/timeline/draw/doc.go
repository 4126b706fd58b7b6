// Package draw draws a [timeline.Timeline] as text for a terminal, with
// [Text], or as a standalone SVG picture, with [SVG]. It knows nothing of
// traces: package [github.com/goprimer/concurrency/internal/timeline]
// turns an example's runtime trace into the Timeline it draws.
//
// # What the drawing shows
//
// Time runs from left to right, from the start of the example to its end,
// on an axis labelled in one unit (ns, µs, ms or s). Each goroutine gets a
// lane, one row: main first, then the goroutines the example started, in
// the order they were created. A lane is named after the function its
// goroutine started in, without its package path or "main.": "worker",
// or "Example_handoff.func1" for the first func literal of
// Example_handoff, which becomes "func1" when the names need the room.
// Goroutines started in the same function are numbered, "func1#1",
// "func1#2"; a name still too long keeps its end, so the func literal
// suffix stays. A lane is blank before its goroutine was created and
// after it ended.
//
// A lane is coloured, or in text filled with a glyph, by what its
// goroutine was doing: running on a processor, runnable (ready, waiting
// for a processor), in a system call, or blocked, and then on what: a
// channel receive or send, a select, a [sync.Mutex], a [sync.RWMutex], a
// [sync.WaitGroup], a [sync.Cond], a sleep, or another reason. A wake is
// the moment a blocked goroutine became runnable again. The SVG draws it
// as an arrow from the lane whose goroutine woke it, such as the sender
// that woke a receiver, and as a notch above the bar when no lane of the
// example did (a timer, the runtime, or a goroutine outside the example).
// The text marks it in the woken lane and names, below the legend, who
// woke whom and when.
//
// # Reading the text
//
// Each character cell of a lane stands for an equal slice of time, and
// shows what the goroutine did for most of that slice. A state shorter
// than a slice can therefore vanish behind a longer one in the same cell:
// the SVG, which draws every span to a hundredth of a pixel, shows them
// all, with each span's times in its tooltip. With Unicode, running is
// '█', runnable '░' and a system call '▓'; in plain ASCII they are '#',
// '=' and '%'. Blocked is a letter naming the reason in both: r chan
// receive, s chan send, x select, m Mutex, w RWMutex, g WaitGroup, c
// Cond, z sleep, o other. A wake is '•', or '*' in ASCII. The legend
// lists only the glyphs drawn, and the lines under it say
// "main woken by worker at 1.2ms", at most ten of them.
//
// This drawing of a small timeline is 60 columns wide. Main blocks on a
// receive until func1 sends, func1 then waits for a Mutex that main
// unlocks, and main waits on a WaitGroup until func1 is done:
//
//	Example_handoff: 2 goroutines, 2ms
//	main  │█████rrrrrrrrrrrrrrrrrrrrr•░░███████gggggggg•███████│
//	func1 │     ░░░░░████████████████mmmmmmmmmmmmm•█████       │
//	      └─────────────┴────────────┴────────────┴────────────┘
//	      0           0.5ms         1ms         1.5ms        2ms
//	█ running  ░ runnable  r blocked on chan receive
//	m blocked on sync.Mutex  g blocked on sync.WaitGroup
//	• woken
//	• main woken by func1 at 1ms
//	• func1 woken by main at 1.5ms
//	• main woken by func1 at 1.7ms
//
// Every line fits in the width asked for, counting an East Asian wide
// character as two columns. The blocks and box-drawing characters are one
// column wide in most terminals; a terminal set to draw East Asian
// ambiguous-width characters wide will draw the lanes wider.
//
// # Pictures that stay fresh
//
// A picture drawn by [SVG] holds, in its <metadata>, the Timeline it was
// drawn from, as JSON, and the [Version] of the renderer. [Redraw] reads
// that timeline back and draws it again; a picture the current renderer
// drew comes back byte for byte, since the same Timeline always gives the
// same bytes: no map is ranged over, and every coordinate is computed in
// integers. So a test can check that a committed picture was made by the
// current renderer, with [CheckFresh], without comparing its timings,
// which are real time and differ from run to run.
package draw
