package main

import (
	"bytes"
	"context"
	"encoding/xml"
	"io"
	"os"
	"path/filepath"
	"runtime/trace"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/goprimer/concurrency/internal/program"
	"github.com/goprimer/concurrency/internal/runner"
	"github.com/goprimer/concurrency/internal/timeline/draw"
)

func TestTimelinesAreASCIIUnlessTheLocaleIsUTF8(t *testing.T) {
	for _, tc := range []struct {
		env  map[string]string
		utf8 bool
	}{
		{nil, false}, // the C locale
		{map[string]string{"LANG": "en_US.UTF-8"}, true},
		{map[string]string{"LANG": "zh_CN.utf8"}, true},
		{map[string]string{"LANG": "C.UTF-8@euro"}, true},
		{map[string]string{"LANG": "en_US"}, false},
		{map[string]string{"LANG": "C"}, false},
		{map[string]string{"LANG": "POSIX"}, false},
		{map[string]string{"LANG": "en_US.ISO-8859-1"}, false},
		{map[string]string{"LANG": "utf8"}, false}, // a language, not a codeset
		// LC_ALL decides over LC_CTYPE, and LC_CTYPE over LANG...
		{map[string]string{"LC_ALL": "C", "LC_CTYPE": "en_US.UTF-8", "LANG": "en_US.UTF-8"}, false},
		{map[string]string{"LC_ALL": "en_US.UTF-8", "LANG": "C"}, true},
		{map[string]string{"LC_CTYPE": "C", "LANG": "en_US.UTF-8"}, false},
		{map[string]string{"LC_CTYPE": "en_US.UTF-8", "LANG": "C"}, true},
		// ...when it is set and not empty.
		{map[string]string{"LC_ALL": "", "LC_CTYPE": "", "LANG": "en_US.UTF-8"}, true},
		// Other categories do not say how characters are encoded.
		{map[string]string{"LC_MESSAGES": "en_US.UTF-8"}, false},
	} {
		got := utf8Locale(func(name string) string { return tc.env[name] })
		assert.Equal(t, tc.utf8, got, "UTF-8 in the environment %v", tc.env)
	}
}

// timelineBlocks returns, for each example in stdout, the lines of its
// timeline drawing: from the line after "Timeline (from ...):" to the
// blank line or the end.
func timelineBlocks(stdout string) [][]string {
	var blocks [][]string
	in := false
	for line := range strings.Lines(stdout) {
		line = strings.TrimSuffix(line, "\n")
		switch {
		case line == "Timeline (from the runtime's execution trace of this run):":
			blocks = append(blocks, nil)
			in = true
		case line == "":
			in = false
		case in:
			blocks[len(blocks)-1] = append(blocks[len(blocks)-1], line)
		}
	}
	return blocks
}

// TestTimelineFollowsEachExamplesOutput runs examples with -timeline, with
// the runs and traces faked: each output is followed by the drawing of its
// trace, in Unicode or ASCII as the terminal's locale asks.
func TestTimelineFollowsEachExamplesOutput(t *testing.T) {
	for _, ascii := range []bool{false, true} {
		c, stdout, stderr := testCommand(t, "testdata", fixtures, nil)
		c.ascii = ascii
		require.Equal(t, 0, c.run(t.Context(), []string{"-timeline", "good"}), "exit status; stderr:\n%s", stderr)
		assert.Contains(t, stdout.String(), "Output (ran now; matches its verified // Output:):\n    hello\n\nTimeline (from the runtime's execution trace of this run):\nExample: 2 goroutines, ")
		assert.Contains(t, stdout.String(), "    2\n\nTimeline (from the runtime's execution trace of this run):\nExample_count: 2 goroutines, ")
		blocks := timelineBlocks(stdout.String())
		require.Len(t, blocks, 2, "a timeline for each example:\n%s", stdout)
		for _, b := range blocks {
			assert.Regexp(t, `^main +[│|]`, b[1], "the main lane comes first")
			for _, line := range b {
				assert.LessOrEqual(t, displayWidth(line), width, "a line of the timeline is too wide: %q", line)
				if ascii {
					assert.Regexp(t, `^[\x20-\x7e]*$`, line, "the ASCII drawing is ASCII")
				}
			}
			// Which states the legend lists depends on how the recorded
			// run went; the frame does not.
			if !ascii {
				assert.Contains(t, strings.Join(b, "\n"), "│\n", "the Unicode drawing's lane border")
				assert.Contains(t, strings.Join(b, "\n"), "└", "the Unicode drawing's axis")
			}
		}
	}
}

// badTraceExec runs examples as fakeExec does, but gives each the trace
// it holds.
type badTraceExec struct {
	fakeExec
	trace []byte
}

func (b badTraceExec) run(ctx context.Context, p *program.Program, names []string, opts runner.Options, done func(int)) []runner.Result {
	rs := b.fakeExec.run(ctx, p, names, opts, done)
	for i := range rs {
		rs[i].Trace, rs[i].Err = b.trace, nil
	}
	return rs
}

// TestABadTraceGetsALineNotAPanic gives primer traces that are foreign,
// cut short, empty, or without the example's region: it reports each in
// one line where the timeline would be, and exits 1.
func TestABadTraceGetsALineNotAPanic(t *testing.T) {
	good, err := fakeTrace()
	require.NoError(t, err)
	noRegion, err := goroutineTrace()
	require.NoError(t, err)
	for _, tc := range []struct {
		name  string
		trace []byte
		err   string // the start of the error, after "timeline: Example: "
	}{
		{"foreign", []byte("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"), "not a Go execution trace: "},
		{"cut short", good[:len(good)*2/3], ""},
		{"cut in its header", good[:10], ""},
		{"empty", nil, "not a Go execution trace: "},
		{"no region", noRegion, `the trace has no region "example"`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			exec := badTraceExec{fakeExec{}, tc.trace}
			c, stdout, stderr := testCommand(t, "testdata", fixtures, exec)
			c.rows = 1000 // no hint at the end
			require.Equal(t, 1, c.run(t.Context(), []string{"-timeline", "-run", "^Example$", "good"}), "exit status; stderr:\n%s", stderr)
			out := stdout.String()
			assert.Contains(t, out, "Output (ran now; matches its verified // Output:):\n    hello\n", "the example's own result stands")
			_, after, found := strings.Cut(out, "\nTimeline: FAILED: timeline: Example: "+tc.err)
			require.True(t, found, "a line saying why there is no timeline:\n%s", out)
			assert.NotContains(t, strings.TrimSuffix(after, "\n"), "\n", "the reason is one line, the last")
			assert.NotContains(t, out, "Timeline (from", "no drawing")

			dir := t.TempDir()
			c, stdout, _ = testCommand(t, "testdata", fixtures, exec)
			require.Equal(t, 1, c.run(t.Context(), []string{"-svg", dir, "-run", "^Example$", "good"}), "exit status of -svg")
			assert.Regexp(t, `^Example: no picture: timeline: Example: `+regexpQuote(tc.err)+`[^\n]*\n$`, stdout.String())
			left, err := os.ReadDir(dir)
			require.NoError(t, err)
			assert.Empty(t, left, "pictures written")
		})
	}
}

// goroutineTrace is a real trace recorded without the region a traced
// program opens around its example.
func goroutineTrace() ([]byte, error) {
	var buf bytes.Buffer
	if err := trace.Start(&buf); err != nil {
		return nil, err
	}
	done := make(chan struct{})
	go close(done)
	<-done
	trace.Stop()
	return buf.Bytes(), nil
}

// assertSVG checks that the file is an SVG picture that encoding/xml reads
// from start to end, with its lanes named as the Play program names them.
func assertSVG(t *testing.T, file string) []byte {
	t.Helper()
	data, err := os.ReadFile(file)
	require.NoError(t, err)
	d := xml.NewDecoder(bytes.NewReader(data))
	var root *xml.StartElement
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		require.NoError(t, err, "%s is well-formed XML", file)
		if s, ok := tok.(xml.StartElement); ok && root == nil {
			root = &s
		}
	}
	require.NotNil(t, root, "%s has an element", file)
	assert.Equal(t, xml.Name{Space: "http://www.w3.org/2000/svg", Local: "svg"}, root.Name, "the root element of %s", file)
	assert.NotContains(t, string(data), program.Module+"/", "%s names the lanes as the Play program does", file)
	return data
}

func TestSVGWritesOnePicturePerExample(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "pictures") // primer makes it
	c, stdout, stderr := testCommand(t, "testdata", fixtures, nil)
	require.Equal(t, 0, c.run(t.Context(), []string{"-svg", dir, "good"}), "exit status; stderr:\n%s", stderr)
	want := []string{filepath.Join(dir, "good-Example.svg"), filepath.Join(dir, "good-Example_count.svg")}
	assert.Equal(t, "wrote "+want[0]+"\nwrote "+want[1]+"\n", stdout.String(), "-svg alone prints a line per picture")
	for _, file := range want {
		assert.NoError(t, draw.CheckFresh(assertSVG(t, file)), "%s was drawn by the current renderer", file)
	}

	// With -timeline, the lesson and its timelines come first.
	c, stdout, stderr = testCommand(t, "testdata", fixtures, nil)
	c.rows = 1000 // no hint at the end
	require.Equal(t, 0, c.run(t.Context(), []string{"-timeline", "-svg", dir, "good"}), "exit status; stderr:\n%s", stderr)
	assert.Len(t, timelineBlocks(stdout.String()), 2)
	assert.True(t, strings.HasSuffix(stdout.String(), "\n\nwrote "+want[0]+"\nwrote "+want[1]+"\n"), "ends with the pictures:\n%s", stdout)
}

func TestSVGAloneShowsTheExamplesThatDoNotMatch(t *testing.T) {
	dir := t.TempDir()
	c, stdout, _ := testCommand(t, "testdata", fixtures, badOutputExec{})
	require.Equal(t, 1, c.run(t.Context(), []string{"-svg", dir, "mismatch"}), "exit status")
	assert.Equal(t, `Example
=======


Output (ran now; DOES NOT MATCH its verified // Output:):
    what it prints

Want:
    what it promises

wrote `+filepath.Join(dir, "mismatch-Example.svg")+`
wrote `+filepath.Join(dir, "mismatch-Example_kept.svg")+`
`, stdout.String())
}

// badOutputExec runs examples as fakeExec does, but Example prints what
// the mismatch fixture's does.
type badOutputExec struct{}

func (badOutputExec) build(context.Context, *program.Program) error { return nil }

func (badOutputExec) run(ctx context.Context, p *program.Program, names []string, opts runner.Options, done func(int)) []runner.Result {
	rs := fakeExec{}.run(ctx, p, names, opts, done)
	for i := range rs {
		rs[i].Stdout = map[string]string{"Example": "what it prints\n", "Example_kept": "as promised\n"}[rs[i].Name]
	}
	return rs
}
