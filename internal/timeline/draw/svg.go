package draw

import (
	"bytes"
	"cmp"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/goprimer/concurrency/internal/timeline"
)

// Version names this renderer in the pictures it draws. Change it with
// any change to what SVG writes, so that a stale picture says which
// renderer drew it; [Redraw] and [CheckFresh] find a stale picture by its
// bytes either way.
const Version = "2"

// metadataSpace is the XML namespace of the element, inside the picture's
// <metadata>, that holds the timeline it was drawn from.
const metadataSpace = "https://github.com/goprimer/concurrency/internal/timeline"

// The SVG's geometry, in pixels.
const (
	svgWidth   = 960
	nameX      = 8   // where lane names start
	plotX      = 200 // where time 0 is
	plotW      = 740 // how wide the whole timeline is
	axisY      = 52  // the axis line, with its labels above it
	lanesY     = 62  // the top of the first lane
	laneH      = 26  // each lane's height
	barY       = 6   // a bar's top, within its lane
	barH       = 14  // a bar's height
	legendRowH = 20
	charW      = 7 // a character of the 12px monospace font, a little wide
	nameChars  = (plotX - nameX - 8) / charW
	maxTicks   = 8 // labelled ticks between 0 and the end, at most
)

// SVG draws tl as a standalone SVG picture, with no script and nothing
// fetched from elsewhere: a title, a time axis with ticks, one group per
// lane with its name and a coloured bar per span, an arrow for each wake
// from the lane that woke it, and a legend of the colours drawn. Every bar
// and arrow has a <title>, which viewers show as a tooltip. Spans and
// wakes too close together to tell apart share a bar or an arrow (see
// the package doc), so that however long the timeline, each pixel column
// of a lane starts at most two bars, and has at most one arrow or notch
// per lane that woke it there. The picture's <metadata> holds tl as JSON
// and this renderer's [Version], so [Redraw] can draw it again. The same
// tl always gives the same bytes.
func SVG(w io.Writer, tl *timeline.Timeline) error {
	if tl == nil {
		return errors.New("draw: no timeline")
	}
	data, err := json.Marshal(tl)
	if err != nil {
		return fmt.Errorf("draw: %v", err)
	}
	u := unitFor(tl.Duration, false)
	tip := u.finer() // for tooltips, which tell apart times a pixel apart
	names := laneNames(tl, nameChars, false)
	lanesBottom := lanesY + len(tl.Lanes)*laneH
	legend := legendItems(tl)
	legendRows := layoutLegend(legend)
	height := lanesBottom + 16 + legendRows*legendRowH + 8
	if tl.Duration <= 0 {
		height += legendRowH
	}

	var buf bytes.Buffer
	buf.WriteString(xml.Header)
	s := &svgWriter{e: xml.NewEncoder(&buf)}
	s.e.Indent("", " ")
	s.open("svg", "xmlns", "http://www.w3.org/2000/svg",
		"width", itoa(svgWidth), "height", itoa(height),
		"viewBox", "0 0 "+itoa(svgWidth)+" "+itoa(height),
		"font-family", "monospace", "font-size", "12")
	title := tl.Example
	if title == "" {
		title = "timeline"
	}
	title = fmt.Sprintf("%s: %s, %s", title, plural(len(tl.Lanes), "goroutine"), u.format(tl.Duration))
	s.leaf("title", title)
	s.open("metadata")
	if s.err == nil {
		s.err = s.e.EncodeElement(struct {
			Renderer string `xml:"renderer,attr"`
			JSON     string `xml:",cdata"`
		}{"draw " + Version, string(data)}, xml.StartElement{Name: xml.Name{Space: metadataSpace, Local: "timeline"}})
	}
	s.close("metadata")
	s.open("defs")
	s.open("marker", "id", "wake", "viewBox", "0 0 6 6", "refX", "6", "refY", "3",
		"markerWidth", "6", "markerHeight", "6", "orient", "auto")
	s.leaf("path", "", "d", "M0,0 L6,3 L0,6 z", "fill", "#212121")
	s.close("marker")
	s.close("defs")
	s.leaf("rect", "", "width", "100%", "height", "100%", "fill", "#ffffff")
	s.leaf("text", title, "x", itoa(nameX), "y", "22", "font-size", "14", "font-weight", "bold")

	// xh returns the x of time t in hundredths of a pixel, x as text.
	xh := func(time.Duration) int64 { return plotX * 100 }
	if tl.Duration > 0 {
		sc := scale{d: tl.Duration, n: plotW * 100}
		xh = func(t time.Duration) int64 { return plotX*100 + muldiv(int64(sc.clamp(t)), sc.n, int64(sc.d)) }
	}
	x := func(t time.Duration) string { return px(xh(t)) }

	// The axis, its ticks and grid lines.
	s.open("g", "class", "axis", "stroke", "#9e9e9e", "fill", "#424242")
	s.leaf("line", "", "x1", itoa(plotX), "y1", itoa(axisY), "x2", itoa(plotX+plotW), "y2", itoa(axisY))
	tickAt := func(t time.Duration, label, anchor string) {
		s.leaf("line", "", "x1", x(t), "y1", itoa(axisY), "x2", x(t), "y2", itoa(lanesBottom), "stroke-dasharray", "2,3")
		if label != "" {
			s.leaf("text", label, "x", x(t), "y", itoa(axisY-6), "text-anchor", anchor, "stroke", "none")
		}
	}
	tickAt(0, "0", "start")
	if step := tickStep(tl.Duration, maxTicks); step > 0 {
		for t := step; t < tl.Duration; t += step {
			label := u.format(t)
			if muldiv(int64(tl.Duration-t), plotW, int64(tl.Duration)) < 70 {
				label = "" // too close to the end's label
			}
			tickAt(t, label, "middle")
		}
	}
	tickAt(tl.Duration, u.format(tl.Duration), "end")
	s.close("g")

	// The lanes.
	for i, l := range tl.Lanes {
		top := lanesY + i*laneH
		s.open("g", "class", "lane", "id", "lane-"+itoa(i))
		s.leaf("title", fmt.Sprintf("%s (goroutine %d)", displayName(l.Name), l.Goroutine))
		s.leaf("text", names[i], "x", itoa(nameX), "y", itoa(top+barY+barH-3))
		for _, b := range laneBars(l.Spans, xh) {
			s.open("rect", "x", x(b.from), "y", itoa(top+barY), "width", px(xh(b.to)-xh(b.from)), "height", itoa(barH), "fill", kinds[b.kind].color)
			s.leaf("title", b.title(names[i], tip))
			s.close("rect")
		}
		s.close("g")
	}

	// The wakes, over the lanes.
	s.open("g", "class", "wakes", "stroke", "#212121", "fill", "#212121")
	for _, wk := range wakeMarks(tl, xh) {
		top := lanesY + wk.lane*laneH
		elem := "line"
		if !fromLane(wk.Wake, wk.lane, len(tl.Lanes)) {
			// No other lane to draw an arrow from: a notch above the bar.
			elem = "polygon"
			s.open(elem, "class", "wake", "points", notch(xh(wk.At), top+barY))
		} else {
			y1 := lanesY + wk.By*laneH + laneH/2
			y2 := top + barY
			if wk.By > wk.lane {
				y2 = top + barY + barH
			}
			s.open(elem, "class", "wake", "x1", x(wk.At), "y1", itoa(y1), "x2", x(wk.At), "y2", itoa(y2),
				"stroke-width", "1.5", "marker-end", "url(#wake)")
		}
		s.leaf("title", wk.title(names, tip))
		s.close(elem)
	}
	s.close("g")

	if tl.Duration <= 0 {
		s.leaf("text", "No time passed: nothing to draw.", "x", itoa(plotX), "y", itoa(lanesBottom+16))
	}

	// The legend.
	s.open("g", "class", "legend")
	lx, ly := nameX, height-8-legendRows*legendRowH
	for _, it := range legend {
		if lx+it.width() > svgWidth-nameX && lx > nameX {
			lx, ly = nameX, ly+legendRowH
		}
		switch it.wake {
		case 2:
			s.leaf("polygon", "", "points", notch((int64(lx)+6)*100, ly+12), "fill", "#212121")
		case 1:
			s.leaf("line", "", "x1", itoa(lx+6), "y1", itoa(ly+2), "x2", itoa(lx+6), "y2", itoa(ly+14),
				"stroke", "#212121", "stroke-width", "1.5", "marker-end", "url(#wake)")
		default:
			s.leaf("rect", "", "x", itoa(lx), "y", itoa(ly+2), "width", "12", "height", "12", "fill", kinds[it.kind].color)
		}
		s.leaf("text", it.label, "x", itoa(lx+18), "y", itoa(ly+12))
		lx += it.width()
	}
	s.close("g")
	s.close("svg")
	if s.err == nil {
		s.err = s.e.Close()
	}
	if s.err != nil {
		return fmt.Errorf("draw: %v", s.err)
	}
	buf.WriteByte('\n')
	_, err = w.Write(buf.Bytes())
	return err
}

// pixel is a pixel in hundredths, as xh gives coordinates.
const pixel = 100

// A bar is one <rect> of a lane: a span, or a run of spans each narrower
// than a pixel that start in the same pixel column.
type bar struct {
	from, to time.Duration
	kind     kind
	span     timeline.Span // the span, when the bar is one
	spans    int           // how many spans the bar stands for
	count    [nKinds]int   // of spans of each kind
	fill     [nKinds]time.Duration
}

// laneBars returns the bars of a lane with spans, where xh gives the x of
// a time in hundredths of a pixel. A span at least a pixel wide is a bar
// of its own. Consecutive spans narrower than a pixel that start in the
// same pixel column share a bar, from the start of the first to the end
// of the last, coloured as Text fills a cell: by the kind that lasts the
// longest in them, of equal ones the first in the order of kinds. So no
// block a pixel wide or more is hidden, and each pixel column starts at
// most one shared bar and one bar of its own.
func laneBars(spans []timeline.Span, xh func(time.Duration) int64) []bar {
	narrow := func(sp timeline.Span) bool { return xh(max(sp.From, sp.To))-xh(sp.From) < pixel }
	var bars []bar
	for i := 0; i < len(spans); {
		sp := spans[i]
		b := bar{from: sp.From, to: max(sp.From, sp.To), kind: kindOf(sp), span: sp, spans: 1}
		b.count[b.kind]++
		b.fill[b.kind] += b.to - b.from
		i++
		if narrow(sp) {
			col := xh(sp.From) / pixel
			for ; i < len(spans) && spans[i].From == b.to && narrow(spans[i]) && xh(spans[i].From)/pixel == col; i++ {
				k := kindOf(spans[i])
				b.to = max(spans[i].From, spans[i].To)
				b.spans++
				b.count[k]++
				b.fill[k] += b.to - spans[i].From
				if b.fill[k] > b.fill[b.kind] || b.fill[k] == b.fill[b.kind] && k < b.kind {
					b.kind = k
				}
			}
		}
		bars = append(bars, b)
	}
	return bars
}

// title is the tooltip of a bar of the lane name: the span's, or for a
// shared bar how many spans of each kind it stands for, the longest
// lasting first.
func (b bar) title(name string, u unit) string {
	if b.spans == 1 {
		return fmt.Sprintf("%s %s from %s to %s (%s)", name, spanWords(b.span), u.format(b.from), u.format(b.to), u.format(b.to-b.from))
	}
	var ks []kind
	for k := range nKinds {
		if b.count[k] > 0 {
			ks = append(ks, k)
		}
	}
	slices.SortStableFunc(ks, func(k, l kind) int { return cmp.Compare(b.fill[l], b.fill[k]) })
	parts := make([]string, len(ks))
	for i, k := range ks {
		parts[i] = kinds[k].label + " " + plural(b.count[k], "time")
	}
	return fmt.Sprintf("%s from %s to %s (%s): %d spans too short to draw apart, mostly %s: %s",
		name, u.format(b.from), u.format(b.to), u.format(b.to-b.from), b.spans, kinds[b.kind].label, strings.Join(parts, ", "))
}

// A wakeMark is one arrow or notch: the wakes of a lane by one waker in
// one pixel column.
type wakeMark struct {
	laneWake               // the first
	last     time.Duration // the time of the last
	n        int           // how many
}

// wakeMarks returns the marks of tl's wakes, where xh gives the x of a
// time in hundredths of a pixel, in the order of their first wakes'
// times, then of their lanes. A lane has, in each pixel column, one mark
// per lane that woke it there, and one for the wakes by none of the lanes.
func wakeMarks(tl *timeline.Timeline, xh func(time.Duration) int64) []wakeMark {
	var ms []wakeMark
	for i, l := range tl.Lanes {
		col, start := int64(-1), len(ms) // the marks of the lane in column col are ms[start:]
		for _, w := range l.Wakes {
			if c := xh(w.At) / pixel; c != col {
				col, start = c, len(ms)
			}
			by := max(w.By, -1)
			if by >= len(tl.Lanes) {
				by = -1
			}
			j := slices.IndexFunc(ms[start:], func(m wakeMark) bool { return m.By == by })
			if j < 0 {
				ms = append(ms, wakeMark{laneWake{timeline.Wake{At: w.At, By: by}, i}, w.At, 1})
				continue
			}
			ms[start+j].last = max(ms[start+j].last, w.At)
			ms[start+j].n++
		}
	}
	slices.SortStableFunc(ms, func(a, b wakeMark) int { return cmp.Compare(a.At, b.At) })
	return ms
}

// title is the tooltip of a mark: who woke whom, when, and how often.
func (m wakeMark) title(names []string, u unit) string {
	if m.n == 1 {
		return wakeText(m.laneWake, names, u)
	}
	by := "none of the lanes"
	if m.By >= 0 && m.By < len(names) {
		by = names[m.By]
	}
	return fmt.Sprintf("%s woken %d times by %s from %s to %s", names[m.lane], m.n, by, u.format(m.At), u.format(m.last))
}

// spanWords says what a span's goroutine was doing, as its tooltip says
// it: for another reason, the runtime's own words for it, if known.
func spanWords(sp timeline.Span) string {
	k := kindOf(sp)
	switch {
	case k != other:
		return kinds[k].label
	case sp.State != timeline.Blocked:
		return string(sp.State)
	case sp.Detail != "":
		return "blocked: " + sp.Detail
	case sp.Reason != "" && sp.Reason != timeline.Other:
		return "blocked on " + sp.Reason
	}
	return kinds[k].label
}

// A legendItem is a kind, or the wake arrow, with its words.
type legendItem struct {
	kind  kind
	wake  int // 0, or 1 for the wake arrow, 2 for the notch
	label string
}

// width is how much room the item takes in a row of the legend.
func (it legendItem) width() int {
	return 18 + len([]rune(it.label))*charW + 18
}

// legendItems returns the kinds tl shows, in the order of kinds, then the
// wake arrow and the notch, if tl has them.
func legendItems(tl *timeline.Timeline) []legendItem {
	var used [nKinds]bool
	arrow, notch := false, false
	for i, l := range tl.Lanes {
		for _, sp := range l.Spans {
			used[kindOf(sp)] = true
		}
		for _, w := range l.Wakes {
			if fromLane(w, i, len(tl.Lanes)) {
				arrow = true
			} else {
				notch = true
			}
		}
	}
	var items []legendItem
	for k := range nKinds {
		if used[k] {
			items = append(items, legendItem{kind: k, label: kinds[k].label})
		}
	}
	if arrow {
		items = append(items, legendItem{wake: 1, label: "woken by the lane the arrow comes from"})
	}
	if notch {
		items = append(items, legendItem{wake: 2, label: "woken by none of the lanes"})
	}
	return items
}

// fromLane reports whether wake w of lane i came from another of n lanes,
// and so is drawn as an arrow from it rather than as a notch.
func fromLane(w timeline.Wake, i, n int) bool {
	return w.By >= 0 && w.By < n && w.By != i
}

// notch returns the points of the notch above a bar at x, in hundredths
// of a pixel, whose top is y.
func notch(x int64, y int) string {
	return fmt.Sprintf("%s,%d %s,%d %s,%d", px(x-400), y-5, px(x+400), y-5, px(x), y)
}

// layoutLegend returns how many rows the legend takes.
func layoutLegend(items []legendItem) int {
	rows, lx := 0, nameX
	for i, it := range items {
		if i == 0 || lx+it.width() > svgWidth-nameX && lx > nameX {
			rows++
			lx = nameX
		}
		lx += it.width()
	}
	return rows
}

// displayName is a lane's function name as its tooltip shows it.
func displayName(name string) string {
	if name == "" {
		return "(unnamed)"
	}
	return name
}

// An svgWriter writes elements, keeping the first error.
type svgWriter struct {
	e   *xml.Encoder
	err error
}

// open starts an element with attributes given as name, value pairs.
func (s *svgWriter) open(name string, attrs ...string) {
	if s.err != nil {
		return
	}
	start := xml.StartElement{Name: xml.Name{Local: name}}
	for i := 0; i+1 < len(attrs); i += 2 {
		start.Attr = append(start.Attr, xml.Attr{Name: xml.Name{Local: attrs[i]}, Value: attrs[i+1]})
	}
	s.err = s.e.EncodeToken(start)
}

// close ends the element name.
func (s *svgWriter) close(name string) {
	if s.err != nil {
		return
	}
	s.err = s.e.EncodeToken(xml.EndElement{Name: xml.Name{Local: name}})
}

// leaf writes a whole element holding text, if any.
func (s *svgWriter) leaf(name, text string, attrs ...string) {
	s.open(name, attrs...)
	if text != "" && s.err == nil {
		s.err = s.e.EncodeToken(xml.CharData(text))
	}
	s.close(name)
}

func itoa(i int) string { return strconv.Itoa(i) }

// px writes hundredths of a pixel as pixels, without trailing zeros.
func px(h int64) string {
	sign := ""
	if h < 0 {
		sign, h = "-", -h
	}
	s := sign + strconv.FormatInt(h/100, 10)
	if f := h % 100; f != 0 {
		s += strings.TrimRight(fmt.Sprintf(".%02d", f), "0")
	}
	return s
}

// Redraw reads the timeline an SVG picture holds in its metadata, as
// [SVG] writes it, and draws it again with this renderer. A picture this
// renderer drew comes back byte for byte, so a test can tell that a
// committed picture is fresh by comparing the two; [CheckFresh] does.
func Redraw(svg []byte) ([]byte, error) {
	tl, err := readTimeline(svg)
	if err != nil {
		return nil, err
	}
	var b bytes.Buffer
	if err := SVG(&b, tl); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// CheckFresh returns nil if this renderer draws the picture svg exactly
// as it is from the timeline in its metadata, and otherwise an error that
// says which renderer drew it or where the two differ.
func CheckFresh(svg []byte) error {
	again, err := Redraw(svg)
	if err != nil {
		return err
	}
	if bytes.Equal(again, svg) {
		return nil
	}
	if m, _ := findMetadata(svg); m.Renderer != "draw "+Version {
		return fmt.Errorf("draw: the picture was drawn by renderer %q, not by the current %q: draw it again", m.Renderer, "draw "+Version)
	}
	got, want := strings.Split(string(svg), "\n"), strings.Split(string(again), "\n")
	for i := range max(len(got), len(want)) {
		g, w := "", ""
		if i < len(got) {
			g = got[i]
		}
		if i < len(want) {
			w = want[i]
		}
		if g != w {
			return fmt.Errorf("draw: the picture is not what the current renderer draws from its timeline; line %d is %q, want %q", i+1, g, w)
		}
	}
	return errors.New("draw: the picture is not what the current renderer draws from its timeline")
}

// metadata is the element of a picture that holds its timeline.
type metadata struct {
	Renderer string `xml:"renderer,attr"`
	JSON     string `xml:",chardata"`
}

// findMetadata returns the one timeline element inside the <metadata> of
// an SVG picture.
func findMetadata(svg []byte) (metadata, error) {
	d := xml.NewDecoder(bytes.NewReader(svg))
	var (
		found []metadata
		depth int // of the element that encloses the next token
		meta  int // depth inside the <metadata> under the root, or 0
	)
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return metadata{}, fmt.Errorf("draw: not an SVG picture: %v", err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if depth == 0 && t.Name.Local != "svg" {
				return metadata{}, fmt.Errorf("draw: not an SVG picture: its root is <%s>", t.Name.Local)
			}
			if depth == meta && t.Name.Space == metadataSpace && t.Name.Local == "timeline" {
				var m metadata
				if err := d.DecodeElement(&m, &t); err != nil {
					return metadata{}, fmt.Errorf("draw: not an SVG picture: %v", err)
				}
				found = append(found, m)
				continue
			}
			depth++
			if depth == 2 && t.Name.Local == "metadata" {
				meta = depth
			}
		case xml.EndElement:
			if depth == meta {
				meta = 0
			}
			depth--
		}
	}
	switch len(found) {
	case 0:
		return metadata{}, errors.New("draw: the picture holds no timeline in its <metadata>, so it was not drawn by this package")
	case 1:
		return found[0], nil
	}
	return metadata{}, fmt.Errorf("draw: the picture holds %d timelines in its <metadata>, not one", len(found))
}

// readTimeline returns the timeline a picture holds in its metadata.
func readTimeline(svg []byte) (*timeline.Timeline, error) {
	m, err := findMetadata(svg)
	if err != nil {
		return nil, err
	}
	d := json.NewDecoder(strings.NewReader(m.JSON))
	d.DisallowUnknownFields()
	var tl timeline.Timeline
	if err := d.Decode(&tl); err != nil {
		return nil, fmt.Errorf("draw: the timeline in the picture's <metadata> is not valid: %v", err)
	}
	if d.More() {
		return nil, errors.New("draw: the timeline in the picture's <metadata> is followed by more data")
	}
	return &tl, nil
}
