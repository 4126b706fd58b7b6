package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.uber.org/goleak"

	"github.com/goprimer/concurrency/internal/lesson"
)

func TestMain(m *testing.M) {
	goleak.VerifyTestMain(m)
}

// fixtures are sections written for these tests, under testdata/.
var fixtures = []lesson.Topic{
	{Package: "good", Title: "好", Summary: "two examples that pass"},
	{Package: "mismatch", Title: "不符的例子", Summary: "an example whose output is wrong"},
}

// primerOn returns a primer over the fixtures, writing into buffers.
func primerOn(t *testing.T) (*primer, *bytes.Buffer, *bytes.Buffer) {
	t.Helper()
	root, err := filepath.Abs("testdata")
	require.NoError(t, err)
	var stdout, stderr bytes.Buffer
	return &primer{root: root, topics: fixtures, stdout: &stdout, stderr: &stderr}, &stdout, &stderr
}

func TestListShowsEverySectionOfTheModule(t *testing.T) {
	var stdout, stderr bytes.Buffer
	p := &primer{root: "../..", topics: lesson.Topics, stdout: &stdout, stderr: &stderr}
	require.Equal(t, 0, p.list(), "exit status; stderr:\n%s", &stderr)
	for _, topic := range lesson.Topics {
		s, err := lesson.Load("../..", topic)
		require.NoError(t, err)
		assert.Regexp(t, `(?m)^`+topic.Package+` +`+topic.Title+` +\d+ +\S`, stdout.String())
		assert.NotEmpty(t, s.Examples, "%s has examples", topic.Package)
	}
}

func TestListAlignsColumnsAsATerminalShowsThem(t *testing.T) {
	p, stdout, stderr := primerOn(t)
	require.Equal(t, 0, p.list(), "exit status; stderr:\n%s", stderr)
	// Each Chinese character takes two columns.
	want := `SECTION   ARTICLE     EXAMPLES  WHAT IT SHOWS
good      好          2         two examples that pass
mismatch  不符的例子  1         an example whose output is wrong

Read a section and run its examples: go run ./cmd/primer SECTION
`
	assert.Equal(t, want, stdout.String())
}

func TestLessonPrintsDocCodeAndMatchingOutput(t *testing.T) {
	p, stdout, stderr := primerOn(t)
	require.Equal(t, 0, p.lesson("good", ""), "exit status; stderr:\n%s", stderr)
	want := `good — 好 (github.com/goprimer/concurrency/good)

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
	assert.NoDirExists(t, filepath.Join("testdata", runDir), "run directory is cleaned up")
}

func TestLessonReportsOutputThatDoesNotMatch(t *testing.T) {
	t.Parallel() // runs go: overlap it (each lesson runs in a directory of its own)
	p, stdout, _ := primerOn(t)
	require.Equal(t, 1, p.lesson("mismatch", ""), "exit status")
	assert.Contains(t, stdout.String(), "Output (ran now; DOES NOT MATCH its verified // Output:):\n\twhat it prints\n\nWant:\n\twhat it promises\n")
}

func TestRunSelectsExamples(t *testing.T) {
	t.Parallel() // runs go: overlap it (each lesson runs in a directory of its own)
	p, stdout, _ := primerOn(t)
	require.Equal(t, 0, p.lesson("good", "_count$"))
	assert.Contains(t, stdout.String(), "Example_count\n")
	assert.NotContains(t, stdout.String(), "This example greets.")
}

func TestBadInputIsRefused(t *testing.T) {
	for _, tc := range []struct {
		name, section, pattern, want string
	}{
		{"unknown section", "nosuch", "", "primer: no section \"nosuch\"; the sections are: good, mismatch\n"},
		{"pattern matching nothing", "good", "Nothing", "primer: -run \"Nothing\" matches no example of good; its examples are: Example, Example_count\n"},
		{"bad pattern", "good", "(", "primer: bad -run pattern: error parsing regexp: missing closing ): `(`\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p, stdout, stderr := primerOn(t)
			assert.Equal(t, 2, p.lesson(tc.section, tc.pattern), "exit status")
			assert.Equal(t, tc.want, stderr.String())
			assert.Empty(t, stdout.String())
		})
	}
}

func TestCommandLine(t *testing.T) {
	// run finds the module root from the working directory, which for a
	// test is this package's directory.
	wd, err := os.Getwd()
	require.NoError(t, err)
	require.DirExists(t, filepath.Join(wd, "testdata"))

	var stdout, stderr bytes.Buffer
	assert.Equal(t, 2, run([]string{"a", "b"}, &stdout, &stderr), "two sections")
	assert.Contains(t, stderr.String(), "usage: go run ./cmd/primer [-run regexp] [section]")

	stderr.Reset()
	assert.Equal(t, 2, run([]string{"-run", "x"}, &stdout, &stderr), "-run without a section")
	assert.Equal(t, "primer: -run needs a section\n", stderr.String())
}
