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
// # Reading the SVG
//
// Each pixel of the SVG's width stands for a slice of time too. A span a
// pixel wide or more is a bar of its own, with its state and times in its
// tooltip, written in the axis's unit with two more decimals. Spans narrower than a pixel that follow one another and start
// in the same pixel column share one bar, coloured like a text cell by
// the state that lasts the longest in them; its tooltip says so and
// counts the spans of each state, as in "main from 1.2ms to 1.21ms
// (0.01ms): 9 spans too short to draw apart, mostly running: running 4
// times, blocked in select 4 times, runnable 1 time". Likewise, the wakes
// of a lane in the same pixel column by the same waker share one arrow,
// or notch, whose tooltip says how many there were and from when to
// when. A long timeline of many short spans thus draws at most two bars
// starting in each pixel column of a lane, while no span a pixel wide or
// more, a block or any other, is merged away.
//
// # Reading the text
//
// Each character cell of a lane stands for an equal slice of time, and
// shows what the goroutine did for most of that slice. With Unicode,
// running is '█', runnable '░' and a system call '▓'; in plain ASCII they
// are '#', '=' and '%'. Blocked is a letter naming the reason in both: r
// chan receive, s chan send, x select, m Mutex, w RWMutex, g WaitGroup, c
// Cond, z sleep, o other. A wake is '•', or '*' in ASCII, in the cell
// where it happened, after the letters of the block it ended.
//
// A state shorter than a slice can vanish behind a longer one in the same
// cell, with one exception: a block is not hidden behind the wake that
// ends it. When the cell of a wake would show the mark, but the block
// the wake ends shows neither in an earlier cell of its own nor in the
// cell just before, the cell shows the block's letter instead of the
// mark. So a goroutine blocked on a receive for less than a cell, between
// two cells of running, reads "█r█", not "█•█", and two such blocks in a
// row read "r•", not "••": a letter followed by a mark is a block and its
// wake, and a letter with no mark after it can be a block and its wake
// in one cell. The lines under the legend name every wake, and the SVG
// shows each span a pixel wide or more with its times in its tooltip.
//
// The legend lists only the glyphs drawn, and the lines under it say
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
