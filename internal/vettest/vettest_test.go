package vettest_test

import (
	"testing"

	"github.com/stretchr/testify/require"
	"go.uber.org/goleak"

	"github.com/goprimer/concurrency/internal/vettest"
)

func TestMain(m *testing.M) {
	goleak.VerifyTestMain(m)
}

func TestCheckMatchesWantComments(t *testing.T) {
	t.Parallel() // runs go vet: overlap it with the other tests
	got := vettest.Check(t, "testdata/mistakes")
	want := []vettest.Diagnostic{
		{File: "mistakes.go", Line: 15, Analyzer: "copylocks", Message: "byValue passes lock by value: sync.Mutex"},
		{File: "mistakes.go", Line: 9, Analyzer: "waitgroup", Message: "WaitGroup.Add called from inside new goroutine"},
	}
	require.Equal(t, want, got, "diagnostics of testdata/mistakes, sorted by file:line text")
}
