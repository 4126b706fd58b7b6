package lesson_test

import (
	"bytes"
	"fmt"
	"go/format"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.uber.org/goleak"

	"github.com/goprimer/concurrency/internal/lesson"
)

func TestMain(m *testing.M) {
	goleak.VerifyTestMain(m)
}

// TestLoadDocShowsWhatLoadShows loads a package whose test files hold
// examples, tests, or both, and one that no build includes: LoadDoc skips
// the file without an example and gives the same documentation and
// examples as Load, each with the same program or none.
func TestLoadDocShowsWhatLoadShows(t *testing.T) {
	topic := lesson.Topic{Package: "mixed"}
	all, err := lesson.Load("testdata", topic)
	require.NoError(t, err)
	shown, err := lesson.LoadDoc("testdata", topic)
	require.NoError(t, err)

	want := examples(t, all)
	require.Len(t, want, 3, "examples Load finds")
	assert.Contains(t, want[1], "Example_helper\nHELLO\n\nno program", "an example calling another file's helper")
	assert.Contains(t, want[2], "type loud string", "the whole-file example's program")
	assert.Equal(t, want, examples(t, shown), "the examples, their output and their programs")
	assert.Equal(t, all.Doc.Doc, shown.Doc.Doc, "the package doc")
	assert.Equal(t, len(all.Doc.Consts), len(shown.Doc.Consts), "the documented constants")

	assert.Len(t, all.TestFiles, 3, "test files Load parses")
	assert.Len(t, shown.TestFiles, 2, "test files LoadDoc parses: those with an example")
	assert.Equal(t, []string{"TestInAnExampleFile", "TestHelper"}, all.Tests)
	assert.Equal(t, []string{"TestInAnExampleFile"}, shown.Tests)
}

// examples describes each example of s: its name, its output and its
// program, formatted, or that it has none.
func examples(t *testing.T, s *lesson.Section) []string {
	t.Helper()
	var out []string
	for _, ex := range s.Examples {
		play := "no program"
		if ex.Play != nil {
			var b bytes.Buffer
			require.NoError(t, format.Node(&b, s.Fset, ex.Play))
			play = b.String()
		}
		out = append(out, fmt.Sprintf("%s\n%s\n%s", lesson.FuncName(ex), ex.Output, play))
	}
	return out
}
