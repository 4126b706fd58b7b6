package draw

import (
	"os"
	"strings"
	"testing"
	"time"
	"unicode"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/goprimer/concurrency/internal/timeline"
)

// text draws tl as Text does, and fails the test on an error.
func text(t *testing.T, tl *timeline.Timeline, width int, ascii bool) string {
	t.Helper()
	var b strings.Builder
	require.NoError(t, Text(&b, tl, width, ascii), "Text(%q, %d, %v)", tl.Example, width, ascii)
	return b.String()
}

// columns counts the columns of s in a terminal independently of the
// package: two for a Han character, one for any other.
func columns(s string) int {
	n := 0
	for _, r := range s {
		n++
		if unicode.Is(unicode.Han, r) {
			n++
		}
	}
	return n
}

// TestTextMatchesTheDocSample checks the drawing the package doc shows,
// 60 columns of Unicode, against what Text draws from the same timeline.
func TestTextMatchesTheDocSample(t *testing.T) {
	src, err := os.ReadFile("doc.go")
	require.NoError(t, err)
	var want strings.Builder
	for line := range strings.Lines(string(src)) {
		if s, ok := strings.CutPrefix(line, "//\t"); ok {
			want.WriteString(s)
		}
	}
	require.NotEmpty(t, want.String(), "the package doc shows no drawing")
	assert.Equal(t, want.String(), text(t, handoff(), 60, false), "Text(handoff, 60, unicode) differs from the package doc's drawing")
}

// TestTextInASCII checks the exact ASCII drawing of the doc's timeline.
func TestTextInASCII(t *testing.T) {
	want := `Example_handoff: 2 goroutines, 2ms
main  |#####rrrrrrrrrrrrrrrrrrrrr*==#######gggggggg*#######|
func1 |     =====################mmmmmmmmmmmmm*#####       |
      +-------------+------------+------------+------------+
      0           0.5ms         1ms         1.5ms        2ms
# running  = runnable  r blocked on chan receive
m blocked on sync.Mutex  g blocked on sync.WaitGroup
* woken
* main woken by func1 at 1ms
* func1 woken by main at 1.5ms
* main woken by func1 at 1.7ms
`
	assert.Equal(t, want, text(t, handoff(), 60, true))
}

// TestTextWidths checks, for every fixture, at the narrowest width and at
// 60, 80 and 120 columns, in Unicode and in ASCII, that no line is wider
// than asked, that ASCII is ASCII, and that there is one row per lane.
func TestTextWidths(t *testing.T) {
	for _, f := range fixtures() {
		for _, width := range []int{MinWidth, 60, 80, 120} {
			for _, ascii := range []bool{false, true} {
				out := text(t, f.tl, width, ascii)
				lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
				// Plain comparisons: an assert per line and rune was most
				// of the test's time under -race.
				for i, line := range lines {
					if columns(line) > width {
						t.Errorf("%s at %d columns, ascii %v: line %d is too wide: %q", f.name, width, ascii, i+1, line)
					}
					if strings.TrimRight(line, " ") != line {
						t.Errorf("%s: line %d ends in spaces: %q", f.name, i+1, line)
					}
					if j := strings.IndexFunc(line, func(r rune) bool { return r > unicode.MaxASCII }); ascii && j >= 0 {
						t.Errorf("%s at %d columns in ASCII: line %d has %q: %q", f.name, width, i+1, []rune(line[j:])[0], line)
					}
				}
				border := "│"
				if ascii {
					border = "|"
				}
				rows := 0
				for _, line := range lines {
					if strings.HasSuffix(line, border) {
						rows++
					}
				}
				assert.Equal(t, len(f.tl.Lanes), rows, "%s at %d columns, ascii %v: lane rows", f.name, width, ascii)
			}
		}
	}
}

// TestTextWiderUsesTheRoom checks that a lane row takes the whole width.
func TestTextWiderUsesTheRoom(t *testing.T) {
	for _, width := range []int{60, 80, 120} {
		lines := strings.Split(text(t, handoff(), width, false), "\n")
		assert.Equal(t, width, columns(lines[1]), "the main lane's row at %d columns: %q", width, lines[1])
	}
}

// TestTextLegendListsOnlyTheGlyphsDrawn checks, for every fixture, that
// the legend names every glyph in the lanes, and no other.
func TestTextLegendListsOnlyTheGlyphsDrawn(t *testing.T) {
	for _, f := range fixtures() {
		for _, ascii := range []bool{false, true} {
			out := text(t, f.tl, 80, ascii)
			lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
			left, right, mark := "│", "│", "•"
			if ascii {
				left, right, mark = "|", "|", "*"
			}
			drawn := map[rune]bool{}
			for _, line := range lines[1 : 1+len(f.tl.Lanes)] {
				_, cells, ok := strings.Cut(line, left)
				require.True(t, ok, "%s: lane row %q", f.name, line)
				for _, r := range strings.TrimSuffix(cells, right) {
					if r != ' ' {
						drawn[r] = true
					}
				}
			}
			listed := map[rune]bool{}
			for _, line := range lines[3+len(f.tl.Lanes):] {
				if strings.HasPrefix(line, mark+" ") && strings.Contains(line, " woken by ") || strings.HasPrefix(line, "No time") {
					continue
				}
				for item := range strings.SplitSeq(line, "  ") {
					r := []rune(item)
					require.GreaterOrEqual(t, len(r), 3, "%s: legend item %q in %q", f.name, item, line)
					assert.Equal(t, ' ', r[1], "%s: legend item %q", f.name, item)
					listed[r[0]] = true
				}
			}
			assert.Equal(t, drawn, listed, "%s, ascii %v: glyphs listed in the legend, want the glyphs drawn:\n%s", f.name, ascii, out)
		}
	}
	lines := strings.Split(text(t, every(), 80, false), "\n")
	var kinds []rune
	for _, r := range lines[1] {
		if len(kinds) == 0 || kinds[len(kinds)-1] != r {
			kinds = append(kinds, r)
		}
	}
	assert.Equal(t, "main │█░▓rsxmwgczo•o│", string(kinds), "every kind, in order, in one lane")
}

// TestTextWakes checks the lines that say who woke whom: in order of
// time, naming a waker outside the lanes, and counting those beyond ten.
func TestTextWakes(t *testing.T) {
	out := text(t, every(), 80, false)
	assert.Contains(t, out, "\n• main woken by none of the lanes at 12ms\n")

	out = text(t, many(30), 80, true)
	var wakes []string
	for line := range strings.Lines(out) {
		if strings.HasPrefix(line, "* ") {
			wakes = append(wakes, strings.TrimSuffix(line, "\n"))
		}
	}
	require.Len(t, wakes, maxWakeLines, "wake lines of 30 wakes:\n%s", out)
	assert.Equal(t, "* func1#1 woken by main at 0.1ms", wakes[0])
	assert.Equal(t, "* func1#9 woken by func1#8 at 0.9ms", wakes[8])
	assert.Equal(t, "* and 21 more wakes", wakes[9])
}

// TestTextZeroDuration checks that a timeline in which no time passed
// draws blank lanes and says why.
func TestTextZeroDuration(t *testing.T) {
	want := `Example_zero: 1 goroutine, 0s
main |                                 |
     +---------------------------------+
     0                                0s
No time passed: nothing to draw.
* main woken by none of the lanes at 0s
`
	assert.Equal(t, want, text(t, zero(), 40, true))
}

// TestTextSingleLane checks a lane running throughout fills its row.
func TestTextSingleLane(t *testing.T) {
	want := `Example: 1 goroutine, 42us
main |#################################|
     +---------------+-----------------+
     0             20us             42us
# running
`
	assert.Equal(t, want, text(t, single(), 40, true))
}

// TestTextErrors checks what Text refuses to draw.
func TestTextErrors(t *testing.T) {
	var b strings.Builder
	err := Text(&b, handoff(), MinWidth-1, false)
	assert.EqualError(t, err, "draw: width 19 is too narrow for a timeline; need at least 20 columns")
	err = Text(&b, nil, 80, false)
	assert.EqualError(t, err, "draw: no timeline")
	assert.Empty(t, b.String(), "Text wrote despite its error")
}

// TestLaneRowDominantState checks that a cell shows the kind that fills
// most of its slice of time, that a span too short to fill any still
// shows, that a lane is blank outside its spans, and that a block too
// short to show is shown in the cell of its wake instead of the mark.
func TestLaneRowDominantState(t *testing.T) {
	l := timeline.Lane{Spans: []timeline.Span{
		{From: 10, To: 13, State: timeline.Running},
		{From: 13, To: 20, State: timeline.Blocked, Reason: timeline.ChanReceive},
		{From: 20, To: 25, State: timeline.Runnable}, // half of cell 2: a tie
		{From: 25, To: 30, State: timeline.Blocked, Reason: timeline.Mutex},
		{From: 35, To: 35, State: timeline.Syscall}, // no length
	}, Wakes: []timeline.Wake{{At: 39, By: 0}}}
	row := laneRow(l, 40, 4)
	var got []string
	for _, c := range row {
		s := "blank"
		if c.kind >= 0 {
			s = kinds[c.kind].label
		}
		if c.woken {
			s += ", woken"
		}
		got = append(got, s)
	}
	assert.Equal(t, []string{"blank", "blocked on chan receive", "runnable", "in a system call, woken"}, got)

	// A block of 2ns, woken in a cell that running fills the most of,
	// shows its kind instead of the wake mark.
	l = timeline.Lane{Spans: []timeline.Span{
		{From: 0, To: 14, State: timeline.Running},
		{From: 14, To: 16, State: timeline.Blocked, Reason: timeline.Cond},
		{From: 16, To: 40, State: timeline.Running},
	}, Wakes: []timeline.Wake{{At: 16, By: 0}}}
	assert.Equal(t, []cell{{running, false}, {cond, false}, {running, false}, {running, false}}, laneRow(l, 40, 4))
}

// TestLaneNames checks how lanes are named: without "main." or a package
// path, numbered when they start in the same function, without the
// example's name when names need the room, and cut at the start when
// still too long.
func TestLaneNames(t *testing.T) {
	lanes := func(names ...string) *timeline.Timeline {
		tl := &timeline.Timeline{Example: "Example_handoff"}
		for i, n := range names {
			tl.Lanes = append(tl.Lanes, timeline.Lane{Goroutine: int64(i + 1), Name: n})
		}
		return tl
	}
	for _, c := range []struct {
		name  string
		tl    *timeline.Timeline
		limit int
		ascii bool
		want  []string
	}{
		{"main. goes", lanes("main", "main.worker"), 20, false, []string{"main", "worker"}},
		{"the example's name stays with room", lanes("main", "main.Example_handoff.func1"), 30, false, []string{"main", "Example_handoff.func1"}},
		{"the example's name goes without room", lanes("main", "main.Example_handoff.func1", "main.worker"), 15, false, []string{"main", "func1", "worker"}},
		{"a package path goes", lanes("golang.org/x/sync/errgroup.(*Group).Go.func1"), 40, false, []string{"errgroup.(*Group).Go.func1"}},
		{"the end stays", lanes("golang.org/x/sync/errgroup.(*Group).Go.func1"), 12, false, []string{"…p).Go.func1"}},
		{"the end stays in ASCII", lanes("golang.org/x/sync/errgroup.(*Group).Go.func1"), 12, true, []string{"~p).Go.func1"}},
		{"repeats are numbered", lanes("main", "main.Example_handoff.func1", "main.Example_handoff.func1"), 15, false, []string{"main", "func1#1", "func1#2"}},
		{"ends alike are told apart", lanes("main.aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.x", "main.baaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.x"), 8, false, []string{"…aaaaa.x", "…aaa.x#1"}},
		{"no name is the goroutine", lanes(""), 10, false, []string{"g1"}},
		{"wide characters count twice", lanes("main.生产者消费者"), 7, false, []string{"…消费者"}},
		{"ASCII replaces the rest", lanes("main.生产者"), 10, true, []string{"???"}},
	} {
		assert.Equal(t, c.want, laneNames(c.tl, c.limit, c.ascii), c.name)
	}
}

// TestUnits checks how times are written: in one unit per timeline, to
// three significant digits of the whole, without trailing zeros.
func TestUnits(t *testing.T) {
	for _, c := range []struct {
		whole, at time.Duration
		ascii     bool
		want      string
	}{
		{0, 0, false, "0s"},
		{999, 999, false, "999ns"},
		{42 * µs, 10 * µs, false, "10µs"},
		{42 * µs, 10 * µs, true, "10us"},
		{1234567, 1234567, false, "1.23ms"},
		{1234567, 1000000, false, "1ms"},
		{12345678, 5 * ms, false, "5ms"},
		{12345678, 12345678, false, "12.3ms"},
		{123456789, 123456789, false, "123ms"},
		{90 * time.Second, 90 * time.Second, false, "90s"},
		{2 * time.Hour, 2 * time.Hour, false, "7200s"},
	} {
		assert.Equal(t, c.want, unitFor(c.whole, c.ascii).format(c.at), "%v in a timeline of %v", c.at, c.whole)
	}
	assert.Equal(t, 500*µs, tickStep(2*ms, 4))
	assert.Equal(t, 200*µs, tickStep(1234567, 8))
	assert.Equal(t, 5*time.Second, tickStep(42*time.Second, 10))
	assert.Equal(t, "1.2346ms", unitFor(1234567, false).finer().format(1234567), "finer, as SVG's tooltips write times")
	assert.Equal(t, "999ns", unitFor(999, false).finer().format(999), "finer nanoseconds")
}

// blips is a timeline lasting d in which main runs, but is blocked on a
// receive from and to each pair of times given, and woken by func1 at the
// end of each. Func1 runs throughout.
func blips(d time.Duration, blocks ...[2]time.Duration) *timeline.Timeline {
	main := timeline.Lane{Goroutine: 1, Name: "main"}
	t := time.Duration(0)
	for _, b := range blocks {
		main.Spans = append(main.Spans,
			timeline.Span{From: t, To: b[0], State: timeline.Running},
			timeline.Span{From: b[0], To: b[1], State: timeline.Blocked, Reason: timeline.ChanReceive})
		main.Wakes = append(main.Wakes, timeline.Wake{At: b[1], By: 1})
		t = b[1]
	}
	main.Spans = append(main.Spans, timeline.Span{From: t, To: d, State: timeline.Running})
	return &timeline.Timeline{Example: "Example_blips", Duration: d, Lanes: []timeline.Lane{main, {
		Goroutine: 2, Name: "main.func1",
		Spans: []timeline.Span{{From: 0, To: d, State: timeline.Running}},
	}}}
}

// TestTextShortBlockIsNotHiddenByItsWake checks that a block shorter than
// a cell, woken in the same cell, shows its letter rather than only the
// wake mark, unless the cell just before already shows it, and that the
// legend lists what is drawn.
func TestTextShortBlockIsNotHiddenByItsWake(t *testing.T) {
	// 20 cells of 100ns each.
	for _, c := range []struct {
		name   string
		blocks [][2]time.Duration
		row    string
	}{
		{"one short block", [][2]time.Duration{{520, 540}}, "main  |#####r##############|"},
		{"one short block across two cells", [][2]time.Duration{{590, 610}}, "main  |######r#############|"},
		{"short blocks in cells in a row", [][2]time.Duration{{510, 520}, {530, 540}, {610, 620}, {710, 720}, {810, 820}}, "main  |#####r*r*###########|"},
		{"a long block and its wake", [][2]time.Duration{{200, 620}}, "main  |##rrrr*#############|"},
		{"a long block, and a short one woken in the same cell", [][2]time.Duration{{200, 610}, {615, 620}}, "main  |##rrrr*#############|"},
		{"a long block, and a short one in the next cell", [][2]time.Duration{{200, 610}, {715, 720}}, "main  |##rrrr*r############|"},
	} {
		out := text(t, blips(2*µs, c.blocks...), 28, true)
		lines := strings.Split(out, "\n")
		assert.Equal(t, c.row, lines[1], "%s: main's row:\n%s", c.name, out)
		assert.Contains(t, out, "\nr blocked on chan receive\n", "%s: the legend", c.name)
		if strings.Contains(c.row, "*") {
			assert.Contains(t, out, "\n* woken\n", "%s: the legend", c.name)
		} else {
			assert.NotContains(t, out, "\n* woken\n", "%s: the legend", c.name)
		}
	}
}
