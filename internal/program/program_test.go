package program_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.uber.org/goleak"

	"github.com/goprimer/concurrency/internal/lesson"
	"github.com/goprimer/concurrency/internal/program"
)

func TestMain(m *testing.M) {
	goleak.VerifyTestMain(m)
}

func TestExamplesWithTheSameNamesBuildIntoOneProgram(t *testing.T) {
	s, err := lesson.Load("testdata", lesson.Topic{Package: "clash"})
	require.NoError(t, err)
	require.Len(t, s.Examples, 2)
	dir := t.TempDir()
	p, err := program.Write(dir, "../..", s, s.Examples, program.Options{})
	require.NoError(t, err)
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
	p, err := program.Write(t.TempDir(), "../..", s, s.Examples[:1], program.Options{})
	require.NoError(t, err)
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
