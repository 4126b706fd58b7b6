package draw

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/goprimer/concurrency/internal/timeline"
)

// Version names this renderer in the pictures it draws. Change it with
// any change to what SVG writes, so that a stale picture says which
// renderer drew it; [Redraw] and [CheckFresh] find a stale picture by its
// bytes either way.
const Version = "1"

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
// and arrow has a <title>, which viewers show as a tooltip. The picture's
// <metadata> holds tl as JSON and this renderer's [Version], so [Redraw]
// can draw it again. The same tl always gives the same bytes.
func SVG(w io.Writer, tl *timeline.Timeline) error {
	if tl == nil {
		return errors.New("draw: no timeline")
	}
	data, err := json.Marshal(tl)
	if err != nil {
		return fmt.Errorf("draw: %v", err)
	}
	u := unitFor(tl.Duration, false)
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

	x := func(t time.Duration) string { return itoa(plotX) }
	if tl.Duration > 0 {
		sc := scale{d: tl.Duration, n: plotW * 100}
		x = func(t time.Duration) string {
			return hundredths(plotX*100 + muldiv(int64(sc.clamp(t)), sc.n, int64(sc.d)))
		}
	}

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
		for _, sp := range l.Spans {
			from, to := sp.From, max(sp.From, sp.To)
			k := kindOf(sp)
			what := kinds[k].label
			if k == other && sp.State == timeline.Blocked && sp.Reason != "" && sp.Reason != timeline.Other {
				what = "blocked on " + sp.Reason
			} else if k == other && sp.State != timeline.Blocked {
				what = string(sp.State)
			}
			s.open("rect", "x", x(from), "y", itoa(top+barY), "width", minus(x(to), x(from)), "height", itoa(barH), "fill", kinds[k].color)
			s.leaf("title", fmt.Sprintf("%s %s from %s to %s (%s)", names[i], what, u.format(from), u.format(to), u.format(to-from)))
			s.close("rect")
		}
		s.close("g")
	}

	// The wakes, over the lanes.
	s.open("g", "class", "wakes", "stroke", "#212121", "fill", "#212121")
	for _, wk := range sortedWakes(tl) {
		top := lanesY + wk.lane*laneH
		text := wakeText(wk, names, u)
		if wk.By < 0 || wk.By >= len(tl.Lanes) || wk.By == wk.lane {
			s.open("polygon", "points", fmt.Sprintf("%s,%d %s,%d %s,%d",
				minus(x(wk.At), "4"), top+1, plus(x(wk.At), "4"), top+1, x(wk.At), top+barY))
		} else {
			y1 := lanesY + wk.By*laneH + laneH/2
			y2 := top + barY
			if wk.By > wk.lane {
				y2 = top + barY + barH
			}
			s.open("line", "class", "wake", "x1", x(wk.At), "y1", itoa(y1), "x2", x(wk.At), "y2", itoa(y2),
				"stroke-width", "1.5", "marker-end", "url(#wake)")
		}
		s.leaf("title", text)
		s.e.EncodeToken(xml.EndElement{}) // placeholder, replaced below
	}
	s.close("g")

	if tl.Duration <= 0 {
		s.leaf("text", "No time passed: nothing to draw.", "x", itoa(plotX), "y", itoa(lanesBottom+16))
	}

	// The legend.
	s.open("g", "class", "legend")
	lx, ly := nameX, height-8-legendRows*legendRowH
	if tl.Duration <= 0 {
		ly -= 0
	}
	for _, it := range legend {
		if lx+it.width() > svgWidth-nameX && lx > nameX {
			lx, ly = nameX, ly+legendRowH
		}
		if it.wake {
			s.leaf("line", "", "x1", itoa(lx+6), "y1", itoa(ly+2), "x2", itoa(lx+6), "y2", itoa(ly+14),
				"stroke", "#212121", "stroke-width", "1.5", "marker-end", "url(#wake)")
		} else {
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
