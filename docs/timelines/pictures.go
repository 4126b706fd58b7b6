package timelines

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// A Picture is one picture of this directory: the timeline of one run of
// one example of a lesson, and what that run must show for what the
// READMEs and the lesson say of the picture to be true of it.
type Picture struct {
	Section string // the lesson's package, as cmd/primer names it
	Example string // the example's function name

	// Shows holds regular expressions over the titles of the picture:
	// its own title and the tooltip of each lane, bar and wake. Each must
	// match one of them. None looks at a time.
	Shows []string
}

// Pictures are the pictures of this directory, in the order the READMEs
// show them. The generator draws each of them, and nothing else.
var Pictures = []Picture{
	{"channel", "Example_unbuffered", []string{
		`^Example_unbuffered: 2 goroutines, `,
		`^main.func1 blocked on chan send from |^main blocked on chan receive from `,
	}},
	{"mutex", "Example_oneHolder", []string{
		`^Example_oneHolder: 2 goroutines, `,
		`^main.func1 blocked on sync.Mutex from `,
	}},
	{"rwmutex", "Example_readersShare", []string{
		`^Example_readersShare: 4 goroutines, `,
		`^main.func1#\d blocked on sync.WaitGroup from `,
	}},
	{"rwmutex", "Example_writerWaitsForReader", []string{
		`^Example_writerWaitsForReader: 2 goroutines, `,
		`^main.func1 blocked on sync.RWMutex from `,
	}},
	{"selectloop", "Example", []string{
		`^Example: 3 goroutines, `,
	}},
	{"done", "Example_pipeline", []string{
		`^Example_pipeline: 4 goroutines, `,
		`^done\.(Generate|Map|Take)\[\.\.\.\]\.func1 blocked in select from `,
	}},
	{"ctxdemo", "ExampleHandle_cancel", []string{
		`^ExampleHandle_cancel: 5 goroutines, `,
		`^ctxdemo.Handle.func1#\d blocked on chan receive from `,
	}},
}

// File is the name of the picture's file, as cmd/primer's -svg flag
// writes it: SECTION-EXAMPLE.svg.
func (p Picture) File() string {
	return p.Section + "-" + p.Example + ".svg"
}

// Check returns nil if svg shows what p says it must, and otherwise an
// error that names the picture and each pattern no title matches.
func (p Picture) Check(svg []byte) error {
	missing, err := p.Missing(svg)
	if err != nil {
		return err
	}
	if len(missing) > 0 {
		return fmt.Errorf("%s does not show what the docs say of it: no title matches %s", p.File(), quote(missing))
	}
	return nil
}

// Missing returns the patterns of p.Shows that no title of svg matches.
func (p Picture) Missing(svg []byte) ([]string, error) {
	titles, err := Titles(svg)
	if err != nil {
		return nil, fmt.Errorf("%s: %v", p.File(), err)
	}
	var missing []string
	for _, pattern := range p.Shows {
		re, err := regexp.Compile(pattern)
		if err != nil {
			return nil, fmt.Errorf("%s: pattern %q: %v", p.File(), pattern, err)
		}
		if !slices.ContainsFunc(titles, re.MatchString) {
			missing = append(missing, pattern)
		}
	}
	return missing, nil
}

// quote returns the patterns quoted, separated by commas.
func quote(patterns []string) string {
	q := make([]string, len(patterns))
	for i, p := range patterns {
		q[i] = strconv.Quote(p)
	}
	return strings.Join(q, ", ")
}

// Titles returns the text of every <title> element of an SVG picture, in
// document order: the picture's title, then the tooltips of its lanes,
// bars and wakes.
func Titles(svg []byte) ([]string, error) {
	d := xml.NewDecoder(bytes.NewReader(svg))
	var titles []string
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("not an SVG picture: %v", err)
		}
		if t, ok := tok.(xml.StartElement); ok && t.Name.Local == "title" {
			var s string
			if err := d.DecodeElement(&s, &t); err != nil {
				return nil, fmt.Errorf("not an SVG picture: %v", err)
			}
			titles = append(titles, s)
		}
	}
	if len(titles) == 0 {
		return nil, fmt.Errorf("the picture has no <title>")
	}
	return titles, nil
}
