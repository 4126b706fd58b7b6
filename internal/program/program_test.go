package program_test

import (
	"bytes"
	"go/format"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.uber.org/goleak"

	"github.com/goprimer/concurrency/internal/lesson"
	"github.com/goprimer/concurrency/internal/program"
	"github.com/goprimer/concurrency/internal/timeline"
)

func TestMain(m *testing.M) {
	goleak.VerifyTestMain(m)
}

func TestExamplesWithTheSameNamesBuildIntoOneProgram(t *testing.T) {
	s, err := lesson.Load("testdata", lesson.Topic{Package: "clash"})
	require.NoError(t, err)
	require.Len(t, s.Examples, 2)
	dir := t.TempDir()
	p, err := program.New(dir, "../..", s, s.Examples, program.Options{})
	require.NoError(t, err)
	require.NoError(t, p.Write())
	require.NoError(t, p.Build(t.Context()))
	for _, ex := range s.Examples {
		out, err := exec.Command(p.Binary, lesson.FuncName(ex)).CombinedOutput()
		require.NoError(t, err, "%s: %s", lesson.FuncName(ex), out)
		assert.Equal(t, ex.Output, string(out), "output of %s", lesson.FuncName(ex))
	}
	out, err := exec.Command(p.Binary, "Example_nosuch").CombinedOutput()
	assert.Error(t, err, "an unknown example is refused")
	assert.Equal(t, "usage: program EXAMPLE\n", string(out))
	assert.NoDirExists(t, filepath.Join(dir, "gotmp"), "the go command's temporary files are removed")
}

func TestCodeIsThePlayProgram(t *testing.T) {
	s, err := lesson.Load("testdata", lesson.Topic{Package: "clash"})
	require.NoError(t, err)
	p, err := program.New(t.TempDir(), "../..", s, s.Examples[:1], program.Options{})
	require.NoError(t, err)
	require.NoError(t, p.Write())
	assert.Equal(t, `package main

import "fmt"

func greeting() string { return "one" }

// This example declares greeting, as Example_whole does.
func main() {
	fmt.Println(greeting())
}
`, p.Examples[0].Code)
	assert.Empty(t, p.Examples[0].Imports, "imports beyond the standard library")
	gomod, err := os.ReadFile(filepath.Join(p.Dir, "go.mod"))
	require.NoError(t, err)
	abs, err := filepath.Abs("../..")
	require.NoError(t, err)
	assert.Contains(t, string(gomod), "replace "+lesson.Module+" => "+abs+"\n")
}

func TestNewWritesNothingUntilWrite(t *testing.T) {
	s, err := lesson.Load("testdata", lesson.Topic{Package: "clash"})
	require.NoError(t, err)
	dir := t.TempDir()
	p, err := program.New(dir, "../..", s, s.Examples, program.Options{})
	require.NoError(t, err)
	files, err := os.ReadDir(dir)
	require.NoError(t, err)
	assert.Empty(t, files, "the program's directory after New")
	require.NoError(t, p.Write())
	assert.FileExists(t, filepath.Join(dir, "go.mod"))
	assert.FileExists(t, filepath.Join(dir, "main.go"))
	for _, e := range p.Examples {
		assert.FileExists(t, filepath.Join(dir, e.Name, "main.go"))
	}
}

func TestTracedRunIsFormattedGo(t *testing.T) {
	formatted, err := format.Source(program.TracedRun)
	require.NoError(t, err)
	assert.Equal(t, string(formatted), string(program.TracedRun), "TracedRun as gofmt writes it")
}

// TestATracedProgramTracesOnlyWhenAsked builds a program with TracedRun
// and runs its examples without and with TraceEnv: the output is the
// same, and with it the trace file holds the example's timeline.
func TestATracedProgramTracesOnlyWhenAsked(t *testing.T) {
	t.Parallel()
	s, err := lesson.Load("testdata", lesson.Topic{Package: "traced"})
	require.NoError(t, err)
	p, err := program.New(t.TempDir(), "../..", s, s.Examples, program.Options{Run: program.TracedRun})
	require.NoError(t, err)
	require.NoError(t, p.Write())
	require.NoError(t, p.Build(t.Context()))
	file := filepath.Join(t.TempDir(), "handoff.trace")

	run := func(env, name string) (stdout, stderr string, err error) {
		t.Helper()
		var out, errOut bytes.Buffer
		cmd := exec.Command(p.Binary, name)
		cmd.Env = append(os.Environ(), program.TraceEnv+"="+env)
		cmd.Stdout, cmd.Stderr = &out, &errOut
		err = cmd.Run()
		return out.String(), errOut.String(), err
	}

	stdout, stderr, err := run("", "Example_handoff")
	require.NoError(t, err, "untraced: %s", stderr)
	assert.Equal(t, "handed over\n", stdout, "untraced output")
	assert.NoFileExists(t, file)

	stdout, stderr, err = run(file, "Example_handoff")
	require.NoError(t, err, "traced: %s", stderr)
	assert.Equal(t, "handed over\n", stdout, "traced output: the trace goes only to the file")
	assert.Empty(t, stderr)
	tl := parseTrace(t, file, "Example_handoff")
	require.Len(t, tl.Lanes, 2, "main and the goroutine it started")
	assert.Equal(t, "main", tl.Lanes[0].Name)
	assert.Equal(t, "primer.run/Example_handoff.main.func1", tl.Lanes[1].Name, "the func literal, in the example's package")
	assert.Equal(t, "main.main.func1", program.PlayName(tl.Lanes[1].Name), "the same, as the Play program names it")
	assert.Contains(t, reasons(tl.Lanes[0]), timeline.ChanReceive, "main blocks on the receive: %+v", tl.Lanes[0].Spans)

	// A panic ends the example, but not the trace: it ends the region as
	// it leaves it.
	stdout, stderr, err = run(file, "Example_panics")
	assert.Error(t, err, "the panic ends the program")
	assert.Equal(t, "before the panic\n", stdout)
	assert.Contains(t, stderr, "panic: on purpose")
	tl = parseTrace(t, file, "Example_panics")
	assert.Len(t, tl.Lanes, 1)

	// A file that cannot be created stops the program before the example.
	stdout, stderr, err = run(filepath.Join(file, "not-a-dir", "x.trace"), "Example_handoff")
	var exit *exec.ExitError
	require.ErrorAs(t, err, &exit)
	assert.Equal(t, 3, exit.ExitCode(), "exit status")
	assert.Empty(t, stdout, "the example did not run")
	assert.True(t, strings.HasPrefix(stderr, "program: tracing Example_handoff: open "), "got stderr %q", stderr)
}

func parseTrace(t *testing.T, file, example string) *timeline.Timeline {
	t.Helper()
	f, err := os.Open(file)
	require.NoError(t, err)
	defer f.Close()
	tl, err := timeline.Parse(f, example)
	require.NoError(t, err)
	return tl
}

// reasons lists the reasons of the lane's blocked spans, in order.
func reasons(l timeline.Lane) []string {
	var rs []string
	for _, s := range l.Spans {
		if s.State == timeline.Blocked {
			rs = append(rs, s.Reason)
		}
	}
	return rs
}

func TestPlayNameIsTheNameInThePlayProgram(t *testing.T) {
	for name, want := range map[string]string{
		"primer.run/Example_table.main.func1":                 "main.main.func1",
		"primer.run/Example_table_3.worker":                   "main.worker",
		"primer.run/Example.(*counter).inc.func2":             "main.(*counter).inc.func2",
		"primer.run/ExampleMerge.Merge[...].func1":            "main.Merge[...].func1",
		"github.com/goprimer/concurrency/done.Generate.func1": "github.com/goprimer/concurrency/done.Generate.func1",
		"sync.(*WaitGroup).Go.func1":                          "sync.(*WaitGroup).Go.func1",
		"main":                                                "main",
	} {
		assert.Equal(t, want, program.PlayName(name), "PlayName(%q)", name)
	}
}
