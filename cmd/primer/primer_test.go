package main

import (
	"bytes"
	"context"
	"fmt"
	"go/doc/comment"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.uber.org/goleak"

	"github.com/goprimer/concurrency/internal/lesson"
	"github.com/goprimer/concurrency/internal/program"
	"github.com/goprimer/concurrency/internal/runner"
	"github.com/goprimer/concurrency/internal/timeline"
)

// TestMain makes the test binary, run with PRIMER_TEST_AS set, be primer
// itself: over the fixtures of testdata ("fixtures") or over this module
// found as primer finds it ("module"). The end-to-end tests run it so.
func TestMain(m *testing.M) {
	switch os.Getenv("PRIMER_TEST_AS") {
	case "fixtures":
		root, err := filepath.Abs(os.Getenv("PRIMER_TEST_ROOT"))
		if err != nil {
			panic(err)
		}
		os.Exit(primer(fixtures, func(context.Context) (string, string, error) {
			return root, "primer", nil
		}, os.Args[1:]))
	case "module":
		os.Exit(primer(lesson.Topics, locateSource, os.Args[1:]))
	}
	goleak.VerifyTestMain(m)
}

// fixtures are sections written for these tests, under testdata/.
var fixtures = []lesson.Topic{
	{Package: "good", Title: "好", Summary: "two examples that pass"},
	{Package: "mismatch", Title: "不符的例子", Summary: "an example whose output is wrong"},
	{Package: "hang", Title: "Hang", Summary: "an example that never returns"},
}

// fakeExec writes and builds nothing and "runs" each example by printing
// the output its // Output: comment promises, so that tests of everything
// but the go command need no go command.
type fakeExec struct{}

func (fakeExec) build(context.Context, *program.Program) error { return nil }

func (fakeExec) run(_ context.Context, p *program.Program, names []string, opts runner.Options, done func(int)) []runner.Result {
	promised := map[string]string{}
	for _, e := range p.Examples {
		promised[e.Name] = e.Doc.Output
	}
	var rs []runner.Result
	for i, name := range names {
		r := runner.Result{Name: name, Stdout: promised[name]}
		if opts.TraceDir != "" {
			r.Trace, r.Err = fakeTrace()
		}
		rs = append(rs, r)
		done(i + 1)
	}
	return rs
}

// fakeTrace is the trace fakeExec gives every traced example: a real
// execution trace, recorded once in this process, of main receiving from
// a goroutine it starts.
var fakeTrace = sync.OnceValues(func() ([]byte, error) {
	return timeline.Record(func() {
		ch := make(chan int)
		go func() { ch <- 1 }()
		<-ch
	})
})

// testCommand returns primer over topics in root, with buffers for its
// output, running examples with exec (a fakeExec if nil).
func testCommand(t testing.TB, root string, topics []lesson.Topic, exec executor) (*command, *bytes.Buffer, *bytes.Buffer) {
	t.Helper()
	root, err := filepath.Abs(root)
	require.NoError(t, err)
	if exec == nil {
		exec = fakeExec{}
	}
	var stdout, stderr bytes.Buffer
	return &command{
		topics: topics,
		locate: func(context.Context) (string, string, error) { return root, "go run ./cmd/primer", nil },
		load:   loadOnce,
		exec:   exec,
		stdout: &stdout, stderr: &stderr,
		rows: 24,
	}, &stdout, &stderr
}

var (
	loadedMu sync.Mutex
	loaded   = map[[2]string]*lesson.Section{}
)

// loadOnce is lesson.LoadDoc, once per tree and section for the whole test
// binary: the trees do not change while the tests run, and parsing every
// section again in each test was most of their time, above all under
// -race. Primer only reads a Section, so the tests can share it.
func loadOnce(root string, t lesson.Topic) (*lesson.Section, error) {
	loadedMu.Lock()
	defer loadedMu.Unlock()
	key := [2]string{root, t.Package}
	if s, ok := loaded[key]; ok {
		return s, nil
	}
	s, err := lesson.LoadDoc(root, t)
	if err == nil {
		loaded[key] = s
	}
	return s, err
}

// moduleCommand is primer over this module's sections.
func moduleCommand(t *testing.T) (*command, *bytes.Buffer, *bytes.Buffer) {
	return testCommand(t, "../..", lesson.Topics, nil)
}

// assertFits fails for each line of out wider than the screen, unless it
// is one of the allowed lines (code that is that long itself).
func assertFits(t *testing.T, what, out string, allowed map[string]bool) {
	t.Helper()
	for i, line := range strings.Split(out, "\n") {
		if displayWidth(line) > width && !allowed[line] {
			t.Errorf("%s, line %d is %d columns wide, more than %d:\n%s", what, i+1, displayWidth(line), width, line)
		}
	}
}

func TestListFitsTheScreenAndShowsEverySection(t *testing.T) {
	c, stdout, stderr := moduleCommand(t)
	require.Equal(t, 0, c.run(t.Context(), nil), "exit status; stderr:\n%s", stderr)
	for _, topic := range lesson.Topics {
		assert.Regexp(t, `(?m)^`+topic.Package+` +`+topic.Title+` +\d+ +\S`, stdout.String())
	}
	assertGroups(t, "the section list", stdout.String(), "\nBEYOND THE ARTICLE\n", func(topic lesson.Topic) string {
		return "\n" + topic.Package + " "
	})
	assertFits(t, "the section list", stdout.String(), nil)
}

// assertGroups checks that out names the article's sections before
// heading, and the sections beyond the article after it; line says how out
// shows a section.
func assertGroups(t *testing.T, what, out, heading string, line func(lesson.Topic) string) {
	t.Helper()
	at := strings.Index(out, heading)
	require.GreaterOrEqual(t, at, 0, "%s has no heading %q:\n%s", what, heading, out)
	for _, topic := range lesson.Topics {
		i := strings.Index(out, line(topic))
		switch {
		case i < 0:
			t.Errorf("%s does not show %s:\n%s", what, topic.Package, out)
		case topic.Beyond && i < at:
			t.Errorf("%s shows %s, a section beyond the article, before %q", what, topic.Package, heading)
		case !topic.Beyond && i > at:
			t.Errorf("%s shows %s, a section of the article, after %q", what, topic.Package, heading)
		}
	}
}

func TestListAlignsColumnsAsATerminalShowsThem(t *testing.T) {
	c, stdout, stderr := testCommand(t, "testdata", fixtures, nil)
	require.Equal(t, 0, c.run(t.Context(), nil), "exit status; stderr:\n%s", stderr)
	// Each Chinese character takes two columns.
	want := `SECTION   ARTICLE     EXAMPLES  WHAT IT SHOWS
good      好          2         two examples that pass
mismatch  不符的例子  2         an example whose output is wrong
hang      Hang        2         an example that never returns

Read a section and run its examples: go run ./cmd/primer SECTION
`
	assert.Equal(t, want, stdout.String())
}

func TestHelpExitsZeroAndListsTheSectionsOnePerLine(t *testing.T) {
	for _, arg := range []string{"-h", "--help", "-help"} {
		c, stdout, stderr := moduleCommand(t)
		require.Equal(t, 0, c.run(t.Context(), []string{arg}), "exit status of %s", arg)
		assert.Empty(t, stderr.String())
		assert.True(t, strings.HasPrefix(stdout.String(), "usage: go run ./cmd/primer [flags] [section]\n"), "%s starts with the usage:\n%s", arg, stdout)
		assertGroups(t, arg, stdout.String(), "\nBeyond the article:\n", func(topic lesson.Topic) string {
			return "\n  " + topic.Package + " "
		})
		for _, topic := range lesson.Topics {
			assert.Regexp(t, `(?m)^  `+topic.Package+` +`+regexpQuote(topic.Summary)+`$`, stdout.String())
		}
		assertFits(t, arg, stdout.String(), nil)
	}
}

func regexpQuote(s string) string {
	return strings.NewReplacer(".", `\.`, "(", `\(`, ")", `\)`).Replace(s)
}

func TestWrongArgumentsGetAReasonThenTheUsage(t *testing.T) {
	const usage = "\n\nusage: go run ./cmd/primer [flags] [section]\n"
	for _, tc := range []struct {
		args   []string
		reason string
		usage  bool
	}{
		{[]string{"good", "extra"}, "primer: one section at a time, not good and extra", true},
		{[]string{"-run", "x"}, "primer: -run needs a section", true},
		{[]string{"-timeline"}, "primer: -timeline needs a section", true},
		{[]string{"-svg", "pictures"}, "primer: -svg needs a section", true},
		{[]string{"-bogus"}, "primer: flag provided but not defined: -bogus", true},
		{[]string{"-timeout", "0s", "good"}, "primer: -timeout 0s: must be positive", true},
		{[]string{"nosuch"}, `primer: no section "nosuch"; the sections are: good, mismatch, hang`, true},
		{[]string{"-run", "(", "good"}, "primer: bad -run pattern: error parsing regexp: missing closing ): `(`\n", false},
		{[]string{"-run", "Nothing", "good"}, "primer: -run \"Nothing\" matches no example of good; its examples are:\n  Example\n  Example_count\n", false},
	} {
		t.Run(strings.Join(tc.args, " "), func(t *testing.T) {
			c, stdout, stderr := testCommand(t, "testdata", fixtures, nil)
			assert.Equal(t, 2, c.run(t.Context(), tc.args), "exit status")
			if tc.usage {
				assert.True(t, strings.HasPrefix(stderr.String(), tc.reason+usage), "one line of reason, then the usage; got:\n%s", stderr)
			} else {
				assert.Equal(t, tc.reason, stderr.String())
			}
			assert.Empty(t, stdout.String())
		})
	}
}

func TestSectionsAndExamplesAreNamedAsAReaderWouldWriteThem(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want []string // the examples that ran
	}{
		{[]string{"Good"}, []string{"Example", "Example_count"}},
		{[]string{"./good"}, []string{"Example", "Example_count"}},
		{[]string{"good/"}, []string{"Example", "Example_count"}},
		{[]string{"-run", "count", "good"}, []string{"Example_count"}},
		{[]string{"-run", "Count", "good"}, []string{"Example_count"}},
		{[]string{"-run", "_count$", "good"}, []string{"Example_count"}},
		{[]string{"-run", "^Example$", "good"}, []string{"Example"}},
		{[]string{"good", "-run", "COUNT"}, []string{"Example_count"}},
	} {
		t.Run(strings.Join(tc.args, " "), func(t *testing.T) {
			c, stdout, stderr := testCommand(t, "testdata", fixtures, nil)
			require.Equal(t, 0, c.run(t.Context(), tc.args), "exit status; stderr:\n%s", stderr)
			var ran []string
			for _, line := range strings.Split(stdout.String(), "\n") {
				if strings.HasPrefix(line, "Example") {
					ran = append(ran, line)
				}
			}
			assert.Equal(t, tc.want, ran)
		})
	}
}

// TestEveryUsageLineOfThePackageDocWorks runs each go run line of the
// package doc as written, with the examples' runs faked: the go command
// is exercised by the end-to-end tests.
func TestEveryUsageLineOfThePackageDocWorks(t *testing.T) {
	f, err := parser.ParseFile(token.NewFileSet(), "main.go", nil, parser.ParseComments)
	require.NoError(t, err)
	var lines int
	for line := range strings.Lines(f.Doc.Text()) {
		line = strings.TrimSpace(line)
		if !strings.HasPrefix(line, "go run ") {
			continue
		}
		lines++
		line, _, _ = strings.Cut(line, "#")
		fields := strings.Fields(line)
		require.True(t, fields[2] == "./cmd/primer" || strings.HasPrefix(fields[2], lesson.Module+"/cmd/primer@"), "a usage line runs primer: %s", line)
		t.Run(strings.Join(fields[3:], " "), func(t *testing.T) {
			c, stdout, stderr := moduleCommand(t)
			require.Equal(t, 0, c.run(t.Context(), fields[3:]), "exit status of %s; stderr:\n%s", line, stderr)
			assert.NotEmpty(t, stdout.String())
		})
	}
	assert.GreaterOrEqual(t, lines, 4, "usage lines found in the package doc")
}

func TestNoSectionIsWiderThanTheScreenButForLongSourceLines(t *testing.T) {
	for _, topic := range lesson.Topics {
		exec := &codeExec{}
		c, stdout, stderr := testCommand(t, "../..", lesson.Topics, exec)
		require.Equal(t, 0, c.run(t.Context(), []string{topic.Package}), "exit status; stderr:\n%s", stderr)
		// The lines allowed to be longer: source lines that are, of the
		// examples' programs and of the doc.
		allowed := map[string]bool{}
		for _, code := range exec.code {
			for line := range strings.Lines(code) {
				allowed["    "+expandTabs(strings.TrimSuffix(line, "\n"))] = true
			}
		}
		s, err := loadOnce(mustAbs(t, "../.."), topic)
		require.NoError(t, err)
		for _, block := range s.Doc.Parser().Parse(s.Doc.Doc).Content {
			if code, ok := block.(*comment.Code); ok {
				for line := range strings.Lines(code.Text) {
					allowed[expandTabs("    "+strings.TrimSuffix(line, "\n"))] = true
				}
			}
		}
		// A URL, such as a link definition's, cannot be broken: its line
		// is the URL alone.
		for line := range strings.Lines(stdout.String()) {
			if line = strings.TrimSuffix(line, "\n"); isURL(line) {
				allowed[line] = true
			}
		}
		assertFits(t, topic.Package, stdout.String(), allowed)
		assert.NotContains(t, stdout.String(), "\t", "%s: tabs are expanded", topic.Package)
	}
}

// codeExec runs examples as fakeExec does and keeps the code of every
// example it ran.
type codeExec struct {
	fakeExec
	code []string
}

func (c *codeExec) run(ctx context.Context, p *program.Program, names []string, opts runner.Options, done func(int)) []runner.Result {
	for _, e := range p.Examples {
		c.code = append(c.code, e.Code)
	}
	return c.fakeExec.run(ctx, p, names, opts, done)
}

// isURL reports whether line is one URL and nothing else.
func isURL(line string) bool {
	rest, ok := strings.CutPrefix(line, "https://")
	return ok && rest != "" && !strings.ContainsAny(rest, " \t")
}

func TestASectionLongerThanTheScreenEndsWithAHint(t *testing.T) {
	c, stdout, _ := testCommand(t, "testdata", fixtures, nil)
	c.rows = 30
	require.Equal(t, 0, c.run(t.Context(), []string{"good"}))
	lines := strings.Count(stdout.String(), "\n")
	assert.Greater(t, lines, 30, "the section is longer than the screen")
	assert.True(t, strings.HasSuffix(stdout.String(), fmt.Sprintf(`
That was %d lines. To read one example, run it alone:
    go run ./cmd/primer -run NAME good
or page the section: go run ./cmd/primer good | less
`, lines-4)), "ends with the hint:\n%s", stdout)

	c, stdout, _ = testCommand(t, "testdata", fixtures, nil)
	c.rows = 100
	require.Equal(t, 0, c.run(t.Context(), []string{"good"}))
	assert.NotContains(t, stdout.String(), "| less", "a section that fits has no hint")
}

func TestColourAndProgressOnlyOnATerminal(t *testing.T) {
	c, stdout, stderr := testCommand(t, "testdata", fixtures, nil)
	require.Equal(t, 0, c.run(t.Context(), []string{"good"}), "stdout:\n%s\nstderr:\n%s", stdout, stderr)
	assert.NotContains(t, stdout.String()+stderr.String(), "\033", "plain when not on a terminal")

	c, stdout, stderr = testCommand(t, "testdata", fixtures, nil)
	c.color, c.progress = true, true
	require.Equal(t, 0, c.run(t.Context(), []string{"good"}))
	assert.Contains(t, stdout.String(), "\033[1mExample_count\033[0m\n=============\n")
	assert.Contains(t, stdout.String(), "\033[32mOutput (ran now; matches its verified // Output:):\033[0m\n")
	assert.Equal(t, "\r\033[Kprimer: building good: 2 examples, one program…"+
		"\r\033[Kprimer: running good: 0 of 2 examples"+
		"\r\033[Kprimer: running good: 1 of 2 examples"+
		"\r\033[Kprimer: running good: 2 of 2 examples"+
		"\r\033[K", stderr.String(), "the progress line, cleared at the end")
}

func TestExamplesImportingTheModuleSayWhatTheyImport(t *testing.T) {
	c, stdout, stderr := moduleCommand(t)
	require.Equal(t, 0, c.run(t.Context(), []string{"-run", "^ExampleHandle$", "ctxdemo"}), "stderr:\n%s", stderr)
	assert.Contains(t, stdout.String(), "\nBeyond the standard library it imports (see README):\n    import \"github.com/goprimer/concurrency/ctxdemo\"\n")
}

func TestWrapKeepsIndentationAndBreaksBetweenWideCharacters(t *testing.T) {
	assert.Equal(t, []string{"  aaa bb", "  cc"}, wrap("  aaa bb cc", 8))
	assert.Equal(t, []string{"一二三", "四五"}, wrap("一二三四五", 6))
	assert.Equal(t, []string{"short"}, wrap("short", 8))
}

func TestRuneWidthIsTwoForWideCharacters(t *testing.T) {
	for r, want := range map[rune]int{
		'a': 1, 'é': 1, 'ж': 1, '\u10ff': 1, '─': 1, '█': 1,
		'\u1100': 2, '가': 2, '中': 2, '好': 2, '。': 2, 'の': 2, 'カ': 2, 'Ａ': 2,
	} {
		assert.Equal(t, want, runeWidth(r), "width of %q (%U)", r, r)
	}
}

func TestExpandTabsToStopsOfFour(t *testing.T) {
	assert.Equal(t, "    a   b\n        c", expandTabs("\ta\tb\n\t\tc"))
}

// TestASectionReadsAsPkgGoDevShowsIt checks the whole layout; the
// example runs are faked (TestExamplesBuildAndRunForReal runs them).
func TestASectionReadsAsPkgGoDevShowsIt(t *testing.T) {
	c, stdout, stderr := testCommand(t, "testdata", fixtures, nil)
	c.rows = 100
	require.Equal(t, 0, c.run(t.Context(), []string{"good"}), "exit status; stderr:\n%s", stderr)
	want := `good — 好
=========

github.com/goprimer/concurrency/good

Package good is a section written for primer's tests.

# A heading

A paragraph with a doc link to fmt.Println.

Example
=======

This example greets.

    package main

    import (
        "fmt"
    )

    func main() {
        fmt.Println("hello")
    }

Output (ran now; matches its verified // Output:):
    hello

Example_count
=============

This example counts to two.

    package main

    import (
        "fmt"
    )

    func main() {
        for i := range 2 {
            fmt.Println(i + 1)
        }
    }

Output (ran now; matches its verified // Output:):
    1
    2
`
	assert.Equal(t, want, stdout.String())
}

// failingExec runs every example into a failure of runner's.
type failingExec struct{ fakeExec }

func (failingExec) run(_ context.Context, _ *program.Program, names []string, opts runner.Options, _ func(int)) []runner.Result {
	var rs []runner.Result
	for _, name := range names {
		rs = append(rs, runner.Result{Name: name, Stdout: "started\n", Err: fmt.Errorf("%s did not return within %v: stopped", name, opts.Limit)})
	}
	return rs
}

func TestAFailedRunIsReportedWithWhatItPrinted(t *testing.T) {
	c, stdout, _ := testCommand(t, "testdata", fixtures, failingExec{})
	require.Equal(t, 1, c.run(t.Context(), []string{"-run", "hangs", "-timeout", "2s", "hang"}), "exit status")
	assert.Contains(t, stdout.String(), "\nRun: FAILED: Example_hangs did not return within 2s: stopped\n    started\n")
}
