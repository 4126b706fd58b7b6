package waitgroup_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/goprimer/concurrency/internal/vettest"
)

// TestVetReportsMisuse runs the real go vet on testdata/misuse: it must
// report the Add inside a go func literal and the WaitGroup copied by value,
// and nothing else: neither the right forms nor the Add inside a named
// function, which the waitgroup analyzer does not look into.
func TestVetReportsMisuse(t *testing.T) {
	t.Parallel() // runs go vet: overlap it with the other tests
	got := vettest.Check(t, "testdata/misuse")
	const copied = "sync.WaitGroup contains sync.noCopy"
	want := []vettest.Diagnostic{
		{File: "addinside.go", Line: 15, Analyzer: "waitgroup", Message: "WaitGroup.Add called from inside new goroutine"},
		{File: "copied.go", Line: 10, Analyzer: "copylocks", Message: "worker passes lock by value: " + copied},
		{File: "copied.go", Line: 17, Analyzer: "copylocks", Message: "call of worker copies lock value: " + copied},
	}
	require.Equal(t, want, got, "go vet diagnostics for testdata/misuse, sorted by file:line text")
}
