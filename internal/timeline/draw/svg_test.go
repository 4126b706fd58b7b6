package draw

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/goprimer/concurrency/internal/timeline"
)

// The parts of a picture the tests look at.
type (
	xSVG struct {
		XMLName  xml.Name `xml:"http://www.w3.org/2000/svg svg"`
		Width    string   `xml:"width,attr"`
		Height   string   `xml:"height,attr"`
		ViewBox  string   `xml:"viewBox,attr"`
		Title    string   `xml:"title"`
		Metadata struct {
			Timelines []struct {
				Renderer string `xml:"renderer,attr"`
				JSON     string `xml:",chardata"`
			} `xml:"https://github.com/goprimer/concurrency/internal/timeline timeline"`
		} `xml:"metadata"`
		Groups []xGroup `xml:"g"`
	}
	xGroup struct {
		Class    string     `xml:"class,attr"`
		ID       string     `xml:"id,attr"`
		Title    string     `xml:"title"`
		Texts    []string   `xml:"text"`
		Rects    []xElement `xml:"rect"`
		Lines    []xElement `xml:"line"`
		Polygons []xElement `xml:"polygon"`
	}
	xElement struct {
		X     string `xml:"x,attr"`
		Fill  string `xml:"fill,attr"`
		Width string `xml:"width,attr"`
		Title string `xml:"title"`
	}
)

// draw returns the picture SVG draws of tl, and the picture parsed.
func drawSVG(t *testing.T, tl *timeline.Timeline) ([]byte, xSVG) {
	t.Helper()
	var b bytes.Buffer
	require.NoError(t, SVG(&b, tl), "SVG(%q)", tl.Example)
	var doc xSVG
	require.NoError(t, xml.Unmarshal(b.Bytes(), &doc), "the picture of %q is not valid XML", tl.Example)
	return b.Bytes(), doc
}

// groups returns the picture's groups of a class.
func groups(doc xSVG, class string) []xGroup {
	var gs []xGroup
	for _, g := range doc.Groups {
		if g.Class == class {
			gs = append(gs, g)
		}
	}
	return gs
}

// TestSVGStructure checks the picture of the doc's timeline: the root's
// size, the axis, one group per lane with its name and a bar per span,
// an arrow per wake, and a legend of the colours drawn.
func TestSVGStructure(t *testing.T) {
	tl := handoff()
	_, doc := drawSVG(t, tl)
	assert.Equal(t, "960", doc.Width)
	assert.NotEmpty(t, doc.Height)
	assert.Equal(t, "0 0 960 "+doc.Height, doc.ViewBox)
	assert.Equal(t, "Example_handoff: 2 goroutines, 2ms", doc.Title)

	axis := groups(doc, "axis")
	require.Len(t, axis, 1, "axis groups")
	assert.Equal(t, []string{"0", "0.5ms", "1ms", "1.5ms", "2ms"}, axis[0].Texts, "axis labels")

	lanes := groups(doc, "lane")
	require.Len(t, lanes, len(tl.Lanes), "lane groups")
	wantNames := []string{"main", "Example_handoff.func1"}
	for i, g := range lanes {
		l := tl.Lanes[i]
		assert.Equal(t, []string{wantNames[i]}, g.Texts, "lane %d's name", i)
		assert.Contains(t, g.Title, l.Name, "lane %d's tooltip", i)
		require.Len(t, g.Rects, len(l.Spans), "lane %d's bars", i)
		for j, r := range g.Rects {
			k := kindOf(l.Spans[j])
			assert.Equal(t, kinds[k].color, r.Fill, "lane %d, span %d: colour", i, j)
			assert.Contains(t, r.Title, kinds[k].label, "lane %d, span %d: tooltip", i, j)
		}
	}
	assert.Equal(t, "main blocked on chan receive from 0.2ms to 1ms (0.8ms)", lanes[0].Rects[1].Title)
	assert.Equal(t, "296", lanes[0].Rects[1].Width, "0.8ms of 2ms is 296 of 740 pixels")

	wakes := groups(doc, "wakes")
	require.Len(t, wakes, 1, "wake groups")
	var titles []string
	for _, l := range wakes[0].Lines {
		titles = append(titles, l.Title)
	}
	assert.Equal(t, []string{
		"main woken by Example_handoff.func1 at 1ms",
		"Example_handoff.func1 woken by main at 1.5ms",
		"main woken by Example_handoff.func1 at 1.7ms",
	}, titles, "wake arrows")
	assert.Empty(t, wakes[0].Polygons, "notches, for wakes from outside the lanes")

	legend := groups(doc, "legend")
	require.Len(t, legend, 1, "legend groups")
	assert.Equal(t, []string{"running", "runnable", "blocked on chan receive", "blocked on sync.Mutex", "blocked on sync.WaitGroup", "woken by the lane the arrow comes from"}, legend[0].Texts, "legend")
}

// TestSVGLegendOfEveryKind checks that the legend lists every kind a
// timeline shows, in order, and the notch of a wake from outside.
func TestSVGLegendOfEveryKind(t *testing.T) {
	_, doc := drawSVG(t, every())
	var want []string
	for k := range nKinds {
		want = append(want, kinds[k].label)
	}
	want = append(want, "woken by none of the lanes")
	legend := groups(doc, "legend")
	require.Len(t, legend, 1, "legend groups")
	assert.Equal(t, want, legend[0].Texts)
	wakes := groups(doc, "wakes")
	require.Len(t, wakes, 1, "wake groups")
	require.Len(t, wakes[0].Polygons, 1, "notches")
	assert.Equal(t, "main woken by none of the lanes at 12ms", wakes[0].Polygons[0].Title)
}

// TestSVGIsStandalone checks, for every fixture, that the picture parses,
// has a group per lane, a legend, and neither script nor anything fetched
// from elsewhere.
func TestSVGIsStandalone(t *testing.T) {
	for _, f := range fixtures() {
		out, doc := drawSVG(t, f.tl)
		assert.Len(t, groups(doc, "lane"), len(f.tl.Lanes), "%s: lane groups", f.name)
		assert.Len(t, groups(doc, "legend"), 1, "%s: legend groups", f.name)
		for _, bad := range []string{"<script", "href", "javascript", "<image", "<foreignObject", "@import"} {
			assert.NotContains(t, string(out), bad, "%s", f.name)
		}
		assert.Equal(t, 2, strings.Count(string(out), "://"), "%s: URLs other than the two namespaces", f.name)
	}
}

// TestSVGMetadataHoldsTheTimeline checks that the picture holds the
// timeline it was drawn from and the renderer's version.
func TestSVGMetadataHoldsTheTimeline(t *testing.T) {
	for _, f := range append(fixtures(), struct {
		name string
		tl   *timeline.Timeline
	}{"hostile names", hostile()}) {
		_, doc := drawSVG(t, f.tl)
		require.Len(t, doc.Metadata.Timelines, 1, "%s: timelines in the metadata", f.name)
		m := doc.Metadata.Timelines[0]
		assert.Equal(t, "draw "+Version, m.Renderer, f.name)
		var got timeline.Timeline
		require.NoError(t, json.Unmarshal([]byte(m.JSON), &got), f.name)
		assert.Equal(t, f.tl, &got, "%s: the timeline in the metadata", f.name)
	}
}

// hostile has names that XML, JSON and CDATA must escape.
func hostile() *timeline.Timeline {
	tl := handoff()
	tl.Example = `Example_<&>"']]>`
	tl.Lanes[1].Name = `main.</metadata>]]><script>alert(1)</script>&amp;"'`
	return tl
}

// TestRedrawRoundTrip checks that Redraw gives back, byte for byte, every
// picture SVG drew, and that CheckFresh finds them fresh.
func TestRedrawRoundTrip(t *testing.T) {
	for _, f := range append(fixtures(), struct {
		name string
		tl   *timeline.Timeline
	}{"hostile names", hostile()}) {
		out, _ := drawSVG(t, f.tl)
		again, err := Redraw(out)
		require.NoError(t, err, f.name)
		assert.Equal(t, string(out), string(again), "%s: Redraw(SVG(tl))", f.name)
		assert.NoError(t, CheckFresh(out), f.name)
	}
}

// TestRedrawTampered checks that a picture changed after it was drawn is
// found stale, and that one whose timeline cannot be read is an error.
func TestRedrawTampered(t *testing.T) {
	out, _ := drawSVG(t, handoff())
	tamper := func(old, new string) []byte {
		t.Helper()
		require.Contains(t, string(out), old, "the text to tamper with")
		return []byte(strings.Replace(string(out), old, new, 1))
	}

	t.Run("a changed drawing is redrawn as it was", func(t *testing.T) {
		changed := tamper(`fill="#1565c0"`, `fill="#000000"`)
		again, err := Redraw(changed)
		require.NoError(t, err)
		assert.Equal(t, string(out), string(again))
		err = CheckFresh(changed)
		require.Error(t, err)
		assert.Contains(t, err.Error(), `line 33 is "  <rect x=\"274\" y=\"68\" width=\"296\" height=\"14\" fill=\"#000000\">", want "  <rect x=\"274\" y=\"68\" width=\"296\" height=\"14\" fill=\"#1565c0\">"`)
	})
	t.Run("a changed timeline no longer matches the drawing", func(t *testing.T) {
		changed := tamper(`"Duration":2000000`, `"Duration":2100000`)
		again, err := Redraw(changed)
		require.NoError(t, err)
		assert.NotEqual(t, string(changed), string(again))
		assert.ErrorContains(t, CheckFresh(changed), "is not what the current renderer draws from its timeline")
	})
	t.Run("another renderer is named", func(t *testing.T) {
		changed := tamper(`renderer="draw `+Version+`"`, `renderer="draw 0"`)
		assert.EqualError(t, CheckFresh(changed), `draw: the picture was drawn by renderer "draw 0", not by the current "draw `+Version+`": draw it again`)
	})
	for _, c := range []struct {
		name    string
		picture []byte
		err     string
	}{
		{"a broken timeline", tamper(`"Duration":2000000`, `"Duration":"2ms"`), "draw: the timeline in the picture's <metadata> is not valid: json: cannot unmarshal"},
		{"an unknown field", tamper(`"Duration":2000000`, `"Duration":2000000,"Colour":"red"`), `draw: the timeline in the picture's <metadata> is not valid: json: unknown field "Colour"`},
		{"more after the timeline", tamper(`]]></timeline>`, `{}]]></timeline>`), "draw: the timeline in the picture's <metadata> is followed by more data"},
		{"no metadata", tamper(`<metadata>`, `<desc>`), "not an SVG picture"},
		{"no timeline", []byte(`<svg xmlns="http://www.w3.org/2000/svg"><metadata></metadata></svg>`), "draw: the picture holds no timeline in its <metadata>, so it was not drawn by this package"},
		{"two timelines", tamper(`</metadata>`, `<timeline xmlns="https://github.com/goprimer/concurrency/internal/timeline">{}</timeline></metadata>`), "draw: the picture holds 2 timelines in its <metadata>, not one"},
		{"a truncated picture", out[:len(out)/2], "draw: not an SVG picture: XML syntax error"},
		{"not SVG", []byte(`<html></html>`), "draw: not an SVG picture: its root is <html>"},
		{"nothing", nil, "draw: the picture holds no timeline"},
	} {
		_, err := Redraw(c.picture)
		assert.ErrorContains(t, err, c.err, c.name)
		assert.ErrorContains(t, CheckFresh(c.picture), c.err, c.name)
	}
}

// TestSVGErrors checks what SVG refuses to draw.
func TestSVGErrors(t *testing.T) {
	var b bytes.Buffer
	assert.EqualError(t, SVG(&b, nil), "draw: no timeline")
	assert.Empty(t, b.String())
}

// TestPixels checks how coordinates are written.
func TestPixels(t *testing.T) {
	for h, want := range map[int64]string{0: "0", 100: "1", 150: "1.5", 105: "1.05", 74000: "740", -400: "-4", -5: "-0.05"} {
		assert.Equal(t, want, px(h), "px(%d)", h)
	}
}

// TestSpanWords checks what a bar's tooltip says its goroutine did.
func TestSpanWords(t *testing.T) {
	for _, c := range []struct {
		span timeline.Span
		want string
	}{
		{timeline.Span{State: timeline.Running}, "running"},
		{timeline.Span{State: timeline.Blocked, Reason: timeline.Cond}, "blocked on sync.Cond"},
		{timeline.Span{State: timeline.Blocked, Reason: timeline.Other, Detail: "network"}, "blocked: network"},
		{timeline.Span{State: timeline.Blocked, Reason: timeline.Other}, "blocked, other reason"},
		{timeline.Span{State: timeline.Blocked, Reason: "something new"}, "blocked on something new"},
		{timeline.Span{State: "waiting"}, "waiting"},
	} {
		assert.Equal(t, c.want, spanWords(c.span), "%+v", c.span)
	}
}

// TestSVGMergesSpansNarrowerThanAPixel checks the picture of thousands of
// spans far narrower than a pixel: each lane's bars tile it from its
// first span to its last, each pixel column starts at most two bars, a
// shared bar says how many spans it stands for and has the colour of the
// kind that lasts the longest in it, and the one block 9.25 pixels wide
// is still a bar of its own, with its tooltip. The wakes of a lane by one
// waker in one pixel column share an arrow or a notch.
func TestSVGMergesSpansNarrowerThanAPixel(t *testing.T) {
	tl := busy()
	out, doc := drawSVG(t, tl)
	assert.NoError(t, CheckFresh(out), "a picture of merged bars is redrawn byte for byte")
	assert.Less(t, len(out)-len(doc.Metadata.Timelines[0].JSON), 600_000, "bytes of the picture besides its timeline")
	lanes := groups(doc, "lane")
	require.Len(t, lanes, 2, "lane groups")
	for i, g := range lanes {
		assert.LessOrEqual(t, len(g.Rects), 2*(plotW+1), "lane %d: bars of %d spans, want at most two starting in each of the %d pixel columns", i, len(tl.Lanes[i].Spans), plotW+1)
		starts := map[int]int{} // bars starting in each pixel column
		var gaps []string
		x := float64(plotX)
		for j, r := range g.Rects {
			rx := r.x(t)
			starts[int(rx)]++
			if math.Abs(rx-x) > 0.001 {
				gaps = append(gaps, fmt.Sprintf("bar %d starts at %g, the one before ends at %g", j, rx, x))
			}
			x = rx + r.width(t)
		}
		assert.Empty(t, gaps, "lane %d: bars that do not start where the one before ends", i)
		var crowded []string
		for col := range svgWidth {
			if starts[col] > 2 {
				crowded = append(crowded, fmt.Sprintf("%d bars start at x %d", starts[col], col))
			}
		}
		assert.Empty(t, crowded, "lane %d: pixel columns in which more than two bars start", i)
		assert.InDelta(t, float64(plotX+plotW), x, 0.001, "lane %d: the last bar ends at the end", i)
	}

	main := lanes[0].Rects
	long := slices.IndexFunc(main, func(r xElement) bool { return r.Title == "main blocked in select from 1.504µs to 1.754µs (0.25µs)" })
	require.GreaterOrEqual(t, long, 0, "the one long block has no bar of its own, with its tooltip")
	assert.Equal(t, "9.25", main[long].Width, "250ns of 20µs is 9.25 of 740 pixels")
	assert.Equal(t, kinds[selectCase].color, main[long].Fill)
	shared := regexp.MustCompile(`^main from [\d.]+µs to [\d.]+µs \([\d.]+µs\): (\d+) spans too short to draw apart, mostly ([a-z ]+): `)
	spans, shares := 0, 0
	var wrong []string
	for _, r := range main {
		m := shared.FindStringSubmatch(r.Title)
		if m == nil {
			if strings.Contains(r.Title, "spans") {
				wrong = append(wrong, fmt.Sprintf("%q says spans but is not a shared bar", r.Title))
			}
			spans++
			continue
		}
		shares++
		n, _ := strconv.Atoi(m[1])
		spans += n
		k := kind(-1)
		for c := range nKinds {
			if kinds[c].label == m[2] {
				k = c
			}
		}
		if k < 0 || kinds[k].color != r.Fill {
			wrong = append(wrong, fmt.Sprintf("%q is coloured %s", r.Title, r.Fill))
		}
	}
	assert.Empty(t, wrong, "bars of main whose tooltip and colour disagree")
	assert.Greater(t, shares, 100, "shared bars of main")
	assert.Equal(t, len(tl.Lanes[0].Spans), spans, "spans main's bars stand for")

	wakes := groups(doc, "wakes")
	require.Len(t, wakes, 1, "wake groups")
	assert.LessOrEqual(t, len(wakes[0].Lines), plotW+1, "arrows of main's 250 wakes, all by func1")
	assert.LessOrEqual(t, len(wakes[0].Polygons), plotW+1, "notches of func1's 250 wakes, all by none of the lanes")
	// A pixel is 27.03ns: main is woken at 8ns and 20ns in the first pixel
	// column, func1 at 12ns and 24ns, then at 36ns and 48ns in the next.
	assert.Equal(t, "main woken 2 times by Example_busy.func1 from 0.008µs to 0.02µs", wakes[0].Lines[0].Title)
	assert.Equal(t, "Example_busy.func1 woken 2 times by none of the lanes from 0.012µs to 0.024µs", wakes[0].Polygons[0].Title)
	assert.Equal(t, "Example_busy.func1 woken 2 times by none of the lanes from 0.036µs to 0.048µs", wakes[0].Polygons[1].Title)
	assert.True(t, slices.Contains(titles(wakes[0].Lines), "main woken by Example_busy.func1 at 1.754µs"), "the long block's wake, alone in its pixel column")
}

// TestSVGMergedBarColour checks that a shared bar is coloured by the kind
// that lasts the longest in it, of equal ones the first in the order of
// kinds, and that its tooltip lists the kinds, the longest first.
func TestSVGMergedBarColour(t *testing.T) {
	xh := func(t time.Duration) int64 { return int64(t) } // a pixel is 100ns
	bars := laneBars([]timeline.Span{
		{From: 0, To: 10, State: timeline.Running},
		{From: 10, To: 50, State: timeline.Blocked, Reason: timeline.Mutex},
		{From: 50, To: 60, State: timeline.Runnable},
		{From: 60, To: 80, State: timeline.Running},
		{From: 80, To: 100, State: timeline.Runnable},
		{From: 100, To: 130, State: timeline.Blocked, Reason: timeline.ChanSend}, // the next pixel column
		{From: 130, To: 160, State: timeline.Runnable},                           // a tie: runnable is the first kind
		{From: 160, To: 400, State: timeline.Blocked, Reason: timeline.Sleep},    // a pixel wide or more
	}, xh)
	u := unitFor(400, false)
	var got []string
	for _, b := range bars {
		got = append(got, fmt.Sprintf("%d-%d %s: %s", b.from, b.to, kinds[b.kind].label, b.title("main", u)))
	}
	assert.Equal(t, []string{
		"0-100 blocked on sync.Mutex: main from 0ns to 100ns (100ns): 5 spans too short to draw apart, mostly blocked on sync.Mutex: blocked on sync.Mutex 1 time, running 2 times, runnable 2 times",
		"100-160 runnable: main from 100ns to 160ns (60ns): 2 spans too short to draw apart, mostly runnable: runnable 1 time, blocked on chan send 1 time",
		"160-400 asleep: main asleep from 160ns to 400ns (240ns)",
	}, got)
}

// titles returns the tooltips of elements.
func titles(es []xElement) []string {
	var ts []string
	for _, e := range es {
		ts = append(ts, e.Title)
	}
	return ts
}

// x is the element's x, in pixels.
func (e xElement) x(t *testing.T) float64 {
	t.Helper()
	f, err := strconv.ParseFloat(e.X, 64)
	require.NoError(t, err, "x of %q", e.Title)
	return f
}

// width is the element's width, in pixels.
func (e xElement) width(t *testing.T) float64 {
	t.Helper()
	f, err := strconv.ParseFloat(e.Width, 64)
	require.NoError(t, err, "width of %q", e.Title)
	return f
}
