package draw

import (
	"math/bits"
	"strconv"
	"strings"
	"time"

	"github.com/goprimer/concurrency/internal/timeline"
)

// A kind is what a span shows: a state, or for a blocked span its reason.
// The order is the order of the legends, and breaks ties between kinds
// that fill equal parts of a character cell.
type kind int

const (
	running kind = iota
	runnable
	syscall
	chanReceive
	chanSend
	selectCase
	mutex
	rwMutex
	waitGroup
	cond
	sleep
	other
	nKinds
)

// kinds gives each kind its words, its glyphs and its colour.
var kinds = [nKinds]struct {
	label   string // as the legends say it
	unicode rune   // the text glyph, with Unicode
	ascii   rune   // the text glyph, in plain ASCII
	color   string // the SVG fill
}{
	running:     {"running", '█', '#', "#2e7d32"},
	runnable:    {"runnable", '░', '=', "#a5d6a7"},
	syscall:     {"in a system call", '▓', '%', "#f9a825"},
	chanReceive: {"blocked on chan receive", 'r', 'r', "#1565c0"},
	chanSend:    {"blocked on chan send", 's', 's', "#64b5f6"},
	selectCase:  {"blocked in select", 'x', 'x', "#7e57c2"},
	mutex:       {"blocked on sync.Mutex", 'm', 'm', "#c62828"},
	rwMutex:     {"blocked on sync.RWMutex", 'w', 'w', "#ef6c00"},
	waitGroup:   {"blocked on sync.WaitGroup", 'g', 'g', "#6d4c41"},
	cond:        {"blocked on sync.Cond", 'c', 'c', "#ad1457"},
	sleep:       {"asleep", 'z', 'z', "#b0bec5"},
	other:       {"blocked, other reason", 'o', 'o', "#546e7a"},
}

// kindOf says what a span shows. A state or reason this package does not
// know is drawn as other.
func kindOf(s timeline.Span) kind {
	switch s.State {
	case timeline.Running:
		return running
	case timeline.Runnable:
		return runnable
	case timeline.Syscall:
		return syscall
	case timeline.Blocked:
		switch s.Reason {
		case timeline.ChanReceive:
			return chanReceive
		case timeline.ChanSend:
			return chanSend
		case timeline.Select:
			return selectCase
		case timeline.Mutex:
			return mutex
		case timeline.RWMutex:
			return rwMutex
		case timeline.WaitGroup:
			return waitGroup
		case timeline.Cond:
			return cond
		case timeline.Sleep:
			return sleep
		}
	}
	return other
}

// glyph is the text glyph of k.
func (k kind) glyph(ascii bool) rune {
	if ascii {
		return kinds[k].ascii
	}
	return kinds[k].unicode
}

// scale maps the time of one timeline onto n equal parts, with integer
// arithmetic only, so that a drawing is the same on every machine.
type scale struct {
	d time.Duration // the whole timeline; positive
	n int64         // parts
}

// clamp returns t within [0, s.d].
func (s scale) clamp(t time.Duration) time.Duration {
	return min(max(t, 0), s.d)
}

// part returns the part in which t falls, from 0 to n-1; s.d falls in the
// last part.
func (s scale) part(t time.Duration) int64 {
	return min(muldiv(int64(s.clamp(t)), s.n, int64(s.d)), s.n-1)
}

// start returns the time at which part i starts; start(n) is s.d.
func (s scale) start(i int64) time.Duration {
	return time.Duration(muldiv(i, int64(s.d), s.n))
}

// muldiv returns a*b/c, rounded down, for a, b >= 0, c > 0 and a <= c or
// b <= c, without overflowing.
func muldiv(a, b, c int64) int64 {
	hi, lo := bits.Mul64(uint64(a), uint64(b))
	q, _ := bits.Div64(hi, lo, uint64(c))
	return int64(q)
}

// A unit is how a drawing writes times: in one unit for the whole
// timeline, with as many decimals as tell apart a thousandth of it.
type unit struct {
	size     time.Duration
	symbol   string
	decimals int
}

// unitFor returns the unit for a timeline lasting d.
func unitFor(d time.Duration, ascii bool) unit {
	u := unit{size: time.Second, symbol: "s"}
	switch {
	case d <= 0:
		return u
	case d < time.Microsecond:
		u = unit{size: time.Nanosecond, symbol: "ns"}
	case d < time.Millisecond:
		u = unit{size: time.Microsecond, symbol: "µs"}
		if ascii {
			u.symbol = "us"
		}
	case d < time.Second:
		u = unit{size: time.Millisecond, symbol: "ms"}
	}
	switch v := d / u.size; {
	case v < 10:
		u.decimals = 2
	case v < 100:
		u.decimals = 1
	}
	if u.size == time.Nanosecond {
		u.decimals = 0
	}
	return u
}

// finer returns the unit with two more decimals, which tell apart a
// ten-thousandth of the timeline, less than a pixel of the SVG; times in
// nanoseconds are whole, and get none.
func (u unit) finer() unit {
	if u.size > time.Nanosecond {
		u.decimals += 2
	}
	return u
}

// format writes t in the unit, without trailing zeros.
func (u unit) format(t time.Duration) string {
	s := strconv.FormatFloat(float64(t)/float64(u.size), 'f', u.decimals, 64)
	if strings.Contains(s, ".") {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	if s == "-0" {
		s = "0"
	}
	return s + u.symbol
}

// tickStep returns the step between labelled ticks on an axis of a
// timeline lasting d, with at most n ticks after 0: the smallest of 1, 2
// or 5 times a power of ten that is at least d/n.
func tickStep(d time.Duration, n int) time.Duration {
	if d <= 0 || n < 1 {
		return 0
	}
	raw := (d + time.Duration(n) - 1) / time.Duration(n)
	for p := time.Duration(1); ; p *= 10 {
		for _, m := range []time.Duration{1, 2, 5} {
			if m*p >= raw {
				return m * p
			}
		}
		if p > time.Duration(1<<62)/10 {
			return d
		}
	}
}
