package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"go/doc"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"runtime/debug"
	"strings"
	"time"

	"github.com/goprimer/concurrency/internal/lesson"
	"github.com/goprimer/concurrency/internal/locate"
	"github.com/goprimer/concurrency/internal/program"
	"github.com/goprimer/concurrency/internal/runner"
	"github.com/goprimer/concurrency/internal/timeline"
	"github.com/goprimer/concurrency/internal/timeline/draw"
)

// width is the width of a terminal, which every line primer prints fits,
// except lines of source code that are longer themselves.
const width = 80

// A command is primer with what it reads and writes.
type command struct {
	topics         []lesson.Topic
	locate         func(ctx context.Context) (source, invocation string, err error)
	load           func(root string, t lesson.Topic) (*lesson.Section, error) // lesson.LoadDoc
	exec           executor
	stdout, stderr io.Writer
	color          bool // colour headings and marks on stdout
	progress       bool // show a progress line on stderr
	rows           int  // the screen's height
	ascii          bool // draw timelines in plain ASCII
}

// An executor writes and builds a program and runs its examples.
type executor interface {
	build(ctx context.Context, p *program.Program) error
	run(ctx context.Context, p *program.Program, names []string, opts runner.Options, done func(n int)) []runner.Result
}

// realExec writes the program into its directory, builds it with the go
// command and runs each example in a process.
type realExec struct{}

func (realExec) build(ctx context.Context, p *program.Program) error {
	if err := p.Write(); err != nil {
		return err
	}
	return p.Build(ctx)
}

func (realExec) run(ctx context.Context, p *program.Program, names []string, opts runner.Options, done func(int)) []runner.Result {
	return runner.RunAll(ctx, p.Binary, names, runtime.GOMAXPROCS(0), opts, done)
}

// locateSource finds the module's source from the working directory or
// primer's build information, and says how to run primer there.
func locateSource(ctx context.Context) (string, string, error) {
	wd, err := os.Getwd()
	if err != nil {
		return "", "", err
	}
	source, err := locate.Source(ctx, wd)
	if err != nil {
		return "", "", err
	}
	invocation := "go run ./cmd/primer"
	if info, ok := debug.ReadBuildInfo(); ok && info.Main.Sum != "" {
		invocation = "go run " + lesson.Module + "/cmd/primer@" + info.Main.Version
	}
	return source, invocation, nil
}

// options are what the arguments ask for.
type options struct {
	help     bool
	run      string
	limit    time.Duration
	timeline bool   // draw each example's timeline after its output
	svg      string // the directory to write timelines to as SVG, or ""
	section  string
}

// traced reports whether the examples run with their traces recorded.
func (o options) traced() bool { return o.timeline || o.svg != "" }

// parse reads args, which may put flags after the section too.
func (c *command) parse(args []string) (options, error) {
	var o options
	fs := flag.NewFlagSet("primer", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.StringVar(&o.run, "run", "", "")
	fs.DurationVar(&o.limit, "timeout", runner.Limit, "")
	fs.BoolVar(&o.timeline, "timeline", false, "")
	fs.StringVar(&o.svg, "svg", "", "")
	var sections []string
	for {
		err := fs.Parse(args)
		if errors.Is(err, flag.ErrHelp) {
			o.help = true
			return o, nil
		}
		if err != nil {
			return o, err
		}
		if fs.NArg() == 0 {
			break
		}
		sections = append(sections, fs.Arg(0))
		args = fs.Args()[1:]
	}
	switch {
	case len(sections) > 1:
		return o, fmt.Errorf("one section at a time, not %s", strings.Join(sections, " and "))
	case len(sections) == 1:
		o.section = sections[0]
	case o.run != "":
		return o, errors.New("-run needs a section")
	case o.timeline:
		return o, errors.New("-timeline needs a section")
	case o.svg != "":
		return o, errors.New("-svg needs a section")
	}
	if o.limit <= 0 {
		return o, fmt.Errorf("-timeout %v: must be positive", o.limit)
	}
	return o, nil
}

// run is the whole command; it returns the exit status.
func (c *command) run(ctx context.Context, args []string) int {
	o, err := c.parse(args)
	invocation := "go run ./cmd/primer"
	if err != nil {
		fmt.Fprintf(c.stderr, "primer: %v\n\n", err)
		c.usage(c.stderr, invocation)
		return 2
	}
	source, invocation, err := c.locate(ctx)
	if err != nil {
		fmt.Fprintf(c.stderr, "primer: %v\n", err)
		return 1
	}
	if o.help {
		c.usage(c.stdout, invocation)
		return 0
	}
	if o.section == "" {
		return c.list(source, invocation)
	}
	return c.lesson(ctx, source, invocation, o)
}

// usage prints how to run primer, and the sections.
func (c *command) usage(w io.Writer, invocation string) {
	fmt.Fprintf(w, "usage: %s [flags] [section]\n\n", invocation)
	fmt.Fprintf(w, "Without a section, primer lists the sections. With one, it prints the\n")
	fmt.Fprintf(w, "lesson and runs its examples. The flags:\n\n")
	fmt.Fprintf(w, "  -run regexp  run only the examples whose names match regexp; it also\n")
	fmt.Fprintf(w, "               matches the name without Example_, ignoring case\n")
	fmt.Fprintf(w, "  -timeout d   stop an example that runs longer than d (default %v)\n", runner.Limit)
	fmt.Fprintf(w, "  -timeline    record each example's execution trace, and draw after its\n")
	fmt.Fprintf(w, "               output its goroutines over time: running, runnable, or\n")
	fmt.Fprintf(w, "               blocked and on what, and who woke whom\n")
	fmt.Fprintf(w, "  -svg dir     record each example's execution trace, and write its\n")
	fmt.Fprintf(w, "               timeline as a picture, dir/SECTION-EXAMPLE.svg; without\n")
	fmt.Fprintf(w, "               -timeline, print a line per example instead of the lesson\n")
	name := 0
	for _, t := range c.topics {
		name = max(name, len(t.Package))
	}
	fmt.Fprintf(w, "\nSections of the article:\n")
	for i, t := range c.topics {
		if t.Beyond && (i == 0 || !c.topics[i-1].Beyond) {
			fmt.Fprintf(w, "\nBeyond the article:\n")
		}
		fmt.Fprintf(w, "  %-*s  %s\n", name, t.Package, t.Summary)
	}
}

// list prints the sections as a table that fits the terminal.
func (c *command) list(source, invocation string) int {
	rows := [][]string{{"SECTION", "ARTICLE", "EXAMPLES", "WHAT IT SHOWS"}}
	beyond := -1 // the row of the first section beyond the article
	status := 0
	for _, t := range c.topics {
		s, err := c.load(source, t)
		if err != nil {
			fmt.Fprintf(c.stderr, "primer: %v\n", err)
			status = 1
			continue
		}
		if t.Beyond && beyond < 0 {
			beyond = len(rows)
		}
		rows = append(rows, []string{t.Package, t.Title, fmt.Sprint(len(s.Examples)), t.Summary})
	}
	out := &screen{w: c.stdout, color: c.color}
	for i, lines := range columns(rows, width) {
		if i == beyond {
			out.printf("\n%s\n", out.paint(bold, "BEYOND THE ARTICLE"))
		}
		for _, l := range lines {
			out.printf("%s\n", l)
		}
	}
	fmt.Fprintf(c.stdout, "\nRead a section and run its examples: %s SECTION\n", invocation)
	return status
}

// findTopic returns the topic name refers to, written as its package,
// in any case, or as a directory (./channel, channel/).
func (c *command) findTopic(name string) (lesson.Topic, bool) {
	name = strings.TrimPrefix(name, lesson.Module+"/")
	name = strings.TrimSuffix(strings.TrimPrefix(name, "./"), "/")
	for _, t := range c.topics {
		if strings.EqualFold(t.Package, name) {
			return t, true
		}
	}
	return lesson.Topic{}, false
}

// selector returns what -run pattern selects: names it matches as go test
// -run does, and names that, without Example_, it matches ignoring case.
func selector(pattern string) (func(name string) bool, error) {
	re, err := regexp.Compile(pattern)
	if err != nil {
		return nil, err
	}
	fold := regexp.MustCompile("(?i)" + pattern)
	return func(name string) bool {
		return re.MatchString(name) || fold.MatchString(strings.TrimPrefix(name, "Example_"))
	}, nil
}

// lesson prints the section o names and runs its examples that -run
// selects. It returns 1 if an example fails or its output differs from
// its // Output: comment.
func (c *command) lesson(ctx context.Context, source, invocation string, o options) int {
	topic, ok := c.findTopic(o.section)
	if !ok {
		var names []string
		for _, t := range c.topics {
			names = append(names, t.Package)
		}
		fmt.Fprintf(c.stderr, "primer: no section %q; the sections are: %s\n\n", o.section, strings.Join(names, ", "))
		c.usage(c.stderr, invocation)
		return 2
	}
	selected, err := selector(o.run)
	if err != nil {
		fmt.Fprintf(c.stderr, "primer: bad -run pattern: %v\n", err)
		return 2
	}
	s, err := c.load(source, topic)
	if err != nil {
		fmt.Fprintf(c.stderr, "primer: %v\n", err)
		return 1
	}
	var exs []*doc.Example
	var all []string
	for _, ex := range s.Examples {
		all = append(all, lesson.FuncName(ex))
		if selected(lesson.FuncName(ex)) {
			exs = append(exs, ex)
		}
	}
	if len(exs) == 0 {
		fmt.Fprintf(c.stderr, "primer: -run %q matches no example of %s; its examples are:\n", o.run, topic.Package)
		for _, name := range all {
			fmt.Fprintf(c.stderr, "  %s\n", name)
		}
		return 2
	}

	p, results, err := c.build(ctx, source, s, exs, o)
	if ctx.Err() != nil {
		fmt.Fprintf(c.stderr, "primer: interrupted\n")
		return 130
	}
	if err != nil {
		fmt.Fprintf(c.stderr, "primer: %v\n", err)
		return 1
	}
	var drawings []drawing
	if o.traced() {
		drawings = make([]drawing, len(results))
		for i, r := range results {
			drawings[i] = timelineOf(r)
		}
	}
	out := &screen{w: c.stdout, color: c.color}
	if o.svg != "" && !o.timeline {
		return c.pictures(out, s, exs, p.Examples, results, drawings, o.svg, true)
	}
	var text func(*timeline.Timeline) string
	if o.timeline {
		text = func(tl *timeline.Timeline) string {
			var b strings.Builder
			if err := draw.Text(&b, tl, width, c.ascii); err != nil {
				return err.Error() + "\n"
			}
			return b.String()
		}
	}
	status := render(out, s, exs, p.Examples, results, drawings, text)
	if o.svg != "" {
		out.printf("\n")
		status = max(status, c.pictures(out, s, exs, p.Examples, results, drawings, o.svg, false))
	}
	if out.lines > c.rows {
		out.printf("\nThat was %d lines. To read one example, run it alone:\n", out.lines)
		out.printf("    %s -run NAME %s\nor page the section: %s %s | less\n", invocation, topic.Package, invocation, topic.Package)
	}
	return status
}

// build writes the examples as one program in a temporary directory,
// builds it, runs each example, with its trace recorded in that directory
// if o asks for timelines, and removes the directory.
//
// The program is built with program.TracedRun whether or not o asks for
// timelines, so that the go command's cache holds one executable per
// section for both.
func (c *command) build(ctx context.Context, source string, s *lesson.Section, exs []*doc.Example, o options) (*program.Program, []runner.Result, error) {
	dir, err := os.MkdirTemp("", "primer-")
	if err != nil {
		return nil, nil, err
	}
	defer os.RemoveAll(dir)
	p, err := program.New(dir, source, s, exs, program.Options{Run: program.TracedRun})
	if err != nil {
		return nil, nil, err
	}
	opts := runner.Options{Limit: o.limit}
	if o.traced() {
		opts.TraceDir = filepath.Join(dir, "traces")
		if err := os.Mkdir(opts.TraceDir, 0o755); err != nil {
			return nil, nil, err
		}
	}
	var names []string
	for _, e := range p.Examples {
		if e.Err == nil {
			names = append(names, e.Name)
		}
	}
	c.status("building %s: %d examples, one program…", s.Package, len(names))
	defer c.status("")
	if err := c.exec.build(ctx, p); err != nil {
		return nil, nil, err
	}
	c.status("running %s: 0 of %d examples", s.Package, len(names))
	ran := c.exec.run(ctx, p, names, opts, func(n int) {
		c.status("running %s: %d of %d examples", s.Package, n, len(names))
	})
	results := make([]runner.Result, len(p.Examples))
	for i, e := range p.Examples {
		if e.Err != nil {
			results[i] = runner.Result{Name: e.Name, Err: e.Err}
			continue
		}
		results[i], ran = ran[0], ran[1:]
	}
	return p, results, nil
}

// status replaces the progress line on a terminal's stderr; an empty
// message clears it.
func (c *command) status(format string, args ...any) {
	if !c.progress {
		return
	}
	fmt.Fprintf(c.stderr, "\r\033[K")
	if format != "" {
		fmt.Fprintf(c.stderr, "primer: "+format, args...)
	}
}

// render prints the section's documentation and each example with its
// result and, if text is not nil, its timeline drawn by text; it returns 1
// if any example failed or did not match, or its timeline could not be
// drawn.
func render(out *screen, s *lesson.Section, exs []*doc.Example, pexs []*program.Example, results []runner.Result, drawings []drawing, text func(*timeline.Timeline) string) int {
	out.heading(fmt.Sprintf("%s — %s", s.Package, s.Title))
	out.printf("%s\n\n", s.ImportPath)
	out.text(docText(s.Doc, s.Doc.Doc))
	status := 0
	for i, ex := range exs {
		e := pexs[i]
		out.printf("\n")
		out.heading(e.Name)
		if ex.Doc != "" {
			out.text(docText(s.Doc, ex.Doc))
			out.printf("\n")
		}
		out.code(e.Code)
		if len(e.Imports) > 0 {
			out.printf("\nBeyond the standard library it imports (see README):\n")
			for _, ip := range e.Imports {
				out.printf("    import %q\n", ip)
			}
		}
		status = max(status, outcome(out, ex, results[i]))
		if text == nil {
			continue
		}
		switch d := drawings[i]; {
		case d.err != nil:
			out.printf("\n%s %v\n", out.paint(red, "Timeline: FAILED:"), d.err)
			status = 1
		case d.tl != nil:
			out.printf("\nTimeline (from the runtime's execution trace of this run):\n")
			out.printf("%s", text(d.tl))
		}
	}
	return status
}

// outcome prints how the run r of example ex went, and returns 1 if it
// failed or its output did not match.
func outcome(out *screen, ex *doc.Example, r runner.Result) int {
	switch {
	case r.Err != nil:
		out.printf("\n%s %v\n", out.paint(red, "Run: FAILED:"), r.Err)
		out.code(r.Stdout + r.Stderr)
		return 1
	case runner.Matches(r.Stdout, ex.Output):
		out.printf("\n%s\n", out.paint(green, "Output (ran now; matches its verified // Output:):"))
		out.code(r.Stdout)
		return 0
	}
	out.printf("\n%s\n", out.paint(red, "Output (ran now; DOES NOT MATCH its verified // Output:):"))
	out.code(r.Stdout)
	out.printf("\nWant:\n")
	out.code(ex.Output)
	return 1
}

// A drawing is the timeline of one example's run, or why it has none.
// Both are nil for an example that did not run.
type drawing struct {
	tl  *timeline.Timeline
	err error
}

// timelineOf reads the timeline of the run r from its trace, with its
// lanes named as the example's Play program names their functions.
func timelineOf(r runner.Result) drawing {
	if len(r.Trace) == 0 && r.Err != nil {
		return drawing{} // it failed before it traced anything: r.Err says why
	}
	tl, err := timeline.Parse(bytes.NewReader(r.Trace), r.Name)
	if err != nil {
		return drawing{err: err}
	}
	for i := range tl.Lanes {
		tl.Lanes[i].Name = program.PlayName(tl.Lanes[i].Name)
	}
	return drawing{tl: tl}
}

// pictures writes the timeline of each example as an SVG picture into
// dir, named SECTION-EXAMPLE.svg, and prints a line for each. Unless the
// lesson was printed (brief), it also prints how each example that failed
// or did not match ran. It returns 1 if an example failed or did not
// match, or has no picture.
func (c *command) pictures(out *screen, s *lesson.Section, exs []*doc.Example, pexs []*program.Example, results []runner.Result, drawings []drawing, dir string, brief bool) int {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		fmt.Fprintf(c.stderr, "primer: %v\n", err)
		return 1
	}
	status := 0
	for i, ex := range exs {
		name, r, d := pexs[i].Name, results[i], drawings[i]
		if brief && (r.Err != nil || !runner.Matches(r.Stdout, ex.Output)) {
			out.heading(name)
			outcome(out, ex, r)
			out.printf("\n")
			status = 1
		}
		if d.tl == nil {
			why := "it did not run"
			if d.err != nil {
				why = d.err.Error()
			}
			out.printf("%s: no picture: %s\n", name, why)
			status = 1
			continue
		}
		var b bytes.Buffer
		file := filepath.Join(dir, s.Package+"-"+name+".svg")
		err := draw.SVG(&b, d.tl)
		if err == nil {
			err = os.WriteFile(file, b.Bytes(), 0o644)
		}
		if err != nil {
			out.printf("%s: no picture: %v\n", name, err)
			status = 1
			continue
		}
		out.printf("wrote %s\n", file)
	}
	return status
}

// docText formats a doc comment as go doc does, for the terminal's width,
// with its code blocks indented by four spaces.
func docText(pkg *doc.Package, text string) string {
	pr := pkg.Printer()
	pr.TextCodePrefix = "    "
	pr.TextWidth = width
	return string(pr.Text(pkg.Parser().Parse(text)))
}
