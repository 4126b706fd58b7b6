package vettest_test

import (
	"testing"

	"go.uber.org/goleak"

	"github.com/goprimer/concurrency/internal/vettest"
)

func TestMain(m *testing.M) {
	goleak.VerifyTestMain(m)
}

func TestCheckMatchesWantComments(t *testing.T) {
	got := vettest.Check(t, "testdata/mistakes")
	want := []vettest.Diagnostic{
		{File: "mistakes.go", Line: 15, Analyzer: "copylocks", Message: "byValue passes lock by value: sync.Mutex"},
		{File: "mistakes.go", Line: 9, Analyzer: "waitgroup", Message: "WaitGroup.Add called from inside new goroutine"},
	}
	if len(got) != len(want) {
		t.Fatalf("Check = %v; want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("Check()[%d] = %+v; want %+v", i, got[i], want[i])
		}
	}
}
