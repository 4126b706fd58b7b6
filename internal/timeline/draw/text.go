package draw

import (
	"cmp"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/goprimer/concurrency/internal/timeline"
)

// MinWidth is the narrowest width [Text] draws in.
const MinWidth = 20

// maxWakeLines is how many wakes Text names below the lanes; it counts
// the rest.
const maxWakeLines = 10

// wakeGlyph marks, in a lane, the moment its goroutine was woken.
func wakeGlyph(ascii bool) rune {
	if ascii {
		return '*'
	}
	return '•'
}

// Text draws tl as text at most width columns wide: a title, one row per
// lane, a time axis, a legend of the glyphs drawn, and the wakes, each
// with the lane that woke it. With ascii it writes plain ASCII only;
// otherwise it uses Unicode blocks and box-drawing characters, all one
// column wide. The package doc says how to read it.
func Text(w io.Writer, tl *timeline.Timeline, width int, ascii bool) error {
	if tl == nil {
		return errors.New("draw: no timeline")
	}
	if width < MinWidth {
		return fmt.Errorf("draw: width %d is too narrow for a timeline; need at least %d columns", width, MinWidth)
	}
	u := unitFor(tl.Duration, ascii)
	names := laneNames(tl, max(4, width/4), ascii)
	nameW := max(4, widest(names))
	cells := width - nameW - 3 // a space and two borders

	var lines []string
	add := func(s string) { lines = append(lines, keepStart(s, width, ascii)) }

	title := clean(tl.Example, ascii)
	if title == "" {
		title = "timeline"
	}
	rest := fmt.Sprintf(": %s, %s", plural(len(tl.Lanes), "goroutine"), u.format(tl.Duration))
	add(keepStart(title, max(1, width-cols(rest)), ascii) + rest)

	left, right, axis, tick, bottomLeft, bottomRight := '│', '│', '─', '┴', '└', '┘'
	if ascii {
		left, right, axis, tick, bottomLeft, bottomRight = '|', '|', '-', '+', '+', '+'
	}
	var used [nKinds]bool
	woken := false
	for i, l := range tl.Lanes {
		row := laneRow(l, tl.Duration, cells)
		var b strings.Builder
		b.WriteString(names[i])
		b.WriteString(strings.Repeat(" ", nameW-cols(names[i])+1))
		b.WriteRune(left)
		for _, c := range row {
			switch {
			case c.woken:
				b.WriteRune(wakeGlyph(ascii))
				woken = true
			case c.kind < 0:
				b.WriteByte(' ')
			default:
				b.WriteRune(c.kind.glyph(ascii))
				used[c.kind] = true
			}
		}
		b.WriteRune(right)
		add(b.String())
	}

	// The axis: ticks under the lanes, then their times.
	pad := strings.Repeat(" ", nameW+1)
	axisRow := []rune(strings.Repeat(string(axis), cells))
	labels := []rune(strings.Repeat(" ", width))
	origin := nameW + 1 // the column of the left border, time 0
	put := func(col int, s string) bool {
		rs := []rune(s)
		if col < 0 || col+len(rs) > width {
			return false
		}
		for i := max(0, col-1); i < min(width, col+len(rs)+1); i++ {
			if labels[i] != ' ' {
				return false
			}
		}
		copy(labels[col:], rs)
		return true
	}
	put(origin, "0")
	end := u.format(tl.Duration)
	put(origin+cells+2-len([]rune(end)), end)
	if tl.Duration > 0 {
		s := scale{d: tl.Duration, n: int64(cells)}
		step := tickStep(tl.Duration, max(1, cells/10))
		for t := step; t < tl.Duration; t += step {
			c := int(s.part(t))
			label := u.format(t)
			if put(origin+1+c-len([]rune(label))/2, label) {
				axisRow[c] = tick
			}
		}
	}
	add(pad + string(bottomLeft) + string(axisRow) + string(bottomRight))
	add(strings.TrimRight(string(labels), " "))

	if tl.Duration <= 0 && len(tl.Lanes) > 0 {
		add("No time passed: nothing to draw.")
	}

	// The legend: only the glyphs drawn.
	var items []string
	for k := range nKinds {
		if used[k] {
			items = append(items, string(k.glyph(ascii))+" "+kinds[k].label)
		}
	}
	if woken {
		items = append(items, string(wakeGlyph(ascii))+" woken")
	}
	line := ""
	for _, it := range items {
		if line != "" && cols(line)+2+cols(it) > width {
			add(line)
			line = ""
		}
		if line != "" {
			line += "  "
		}
		line += it
	}
	if line != "" {
		add(line)
	}

	// Who woke whom.
	wakes := sortedWakes(tl)
	for i, wk := range wakes {
		if i == maxWakeLines-1 && len(wakes) > maxWakeLines {
			add(fmt.Sprintf("%c and %d more wakes", wakeGlyph(ascii), len(wakes)-i))
			break
		}
		add(string(wakeGlyph(ascii)) + " " + wakeText(wk, names, u))
	}

	var b strings.Builder
	for _, l := range lines {
		b.WriteString(l)
		b.WriteByte('\n')
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// A cell is one character of a lane: the kind it shows, or -1 if the
// goroutine did not exist then, and whether it shows the wake mark.
type cell struct {
	kind  kind
	woken bool
}

// laneRow returns the n cells of lane l in a timeline lasting d. A cell
// shows the kind that fills the most of its time; of kinds filling equal
// parts, or a span of no length, the first in the order of kinds. A cell
// in which the goroutine was woken shows the wake mark instead, unless a
// block that one of its wakes ends shows neither in an earlier cell of
// the block nor in the cell just before: then it shows that block's kind
// (of several such blocks, the kind they last the longest in, then the
// first in the order of kinds), so that a block shorter than a cell does
// not vanish behind the wake that ends it.
func laneRow(l timeline.Lane, d time.Duration, n int) []cell {
	row := make([]cell, n)
	for i := range row {
		row[i].kind = -1
	}
	if d <= 0 || n <= 0 {
		return row
	}
	s := scale{d: d, n: int64(n)}
	fill := make([][nKinds]time.Duration, n)
	seen := make([][nKinds]bool, n)
	for _, sp := range l.Spans {
		from := s.clamp(sp.From)
		to := max(from, s.clamp(sp.To))
		first, last := s.part(from), s.part(to)
		if to > from {
			last = s.part(to - 1)
		}
		k := kindOf(sp)
		for c := first; c <= last; c++ {
			seen[c][k] = true
			fill[c][k] += min(to, s.start(c+1)) - max(from, s.start(c))
		}
	}
	for c := range row {
		for k := range nKinds {
			if seen[c][k] && (row[c].kind < 0 || fill[c][k] > fill[c][row[c].kind]) {
				row[c].kind = k
			}
		}
	}

	// The wakes, cell by cell from the left, so that whether a block shows
	// in an earlier cell is already settled.
	for i := 0; i < len(l.Wakes); {
		c := s.part(l.Wakes[i].At)
		var hidden [nKinds]time.Duration
		someHidden := false
		for ; i < len(l.Wakes) && s.part(l.Wakes[i].At) == c; i++ {
			b, ok := blockEndingAt(l.Spans, l.Wakes[i].At)
			if !ok {
				continue
			}
			k := kindOf(b)
			shown := false
			for e := max(0, min(s.part(b.From), c-1)); e < c; e++ {
				if row[e].kind == k && !row[e].woken {
					shown = true
					break
				}
			}
			if !shown {
				hidden[k] += b.To - b.From
				someHidden = true
			}
		}
		if !someHidden {
			row[c].woken = true
			continue
		}
		best := kind(-1)
		for k := range nKinds {
			if hidden[k] > 0 && (best < 0 || hidden[k] > hidden[best]) {
				best = k
			}
		}
		row[c] = cell{kind: best}
	}
	return row
}

// blockEndingAt returns the blocked span of spans that ends at t, a wake's
// time, if there is one that lasts some time.
func blockEndingAt(spans []timeline.Span, t time.Duration) (timeline.Span, bool) {
	i, found := slices.BinarySearchFunc(spans, t, func(sp timeline.Span, t time.Duration) int { return cmp.Compare(sp.To, t) })
	for ; found && i < len(spans) && spans[i].To == t; i++ {
		if sp := spans[i]; sp.State == timeline.Blocked && sp.From < sp.To {
			return sp, true
		}
	}
	return timeline.Span{}, false
}

// A laneWake is a wake and the lane woken.
type laneWake struct {
	timeline.Wake
	lane int
}

// sortedWakes returns the wakes of all lanes in the order of their times,
// then of their lanes.
func sortedWakes(tl *timeline.Timeline) []laneWake {
	var ws []laneWake
	for i, l := range tl.Lanes {
		for _, w := range l.Wakes {
			ws = append(ws, laneWake{w, i})
		}
	}
	slices.SortStableFunc(ws, func(a, b laneWake) int { return cmp.Compare(a.At, b.At) })
	return ws
}

// wakeText says who woke whom, and when.
func wakeText(w laneWake, names []string, u unit) string {
	if w.By < 0 || w.By >= len(names) {
		return fmt.Sprintf("%s woken by none of the lanes at %s", names[w.lane], u.format(w.At))
	}
	return fmt.Sprintf("%s woken by %s at %s", names[w.lane], names[w.By], u.format(w.At))
}

// plural returns "1 goroutine" or "2 goroutines".
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return strconv.Itoa(n) + " " + noun + "s"
}
