package vettest

import (
	"strings"
	"testing"
)

func TestMismatchRefusesAWantThatVetDoesNotReport(t *testing.T) {
	t.Parallel() // runs go vet: overlap it with the other tests
	got, want := Run(t, "testdata/clean"), wanted(t, "testdata/clean")
	msg := mismatch(got, want)
	wantMsg := "reported:\n\t\nwant:\n\tclean.go:9: WaitGroup.Add called from inside new goroutine"
	if msg != wantMsg {
		t.Errorf("mismatch(testdata/clean) = %q; want %q", msg, wantMsg)
	}
}

func TestMismatchRefusesAnUnwantedReport(t *testing.T) {
	got := []Diagnostic{{File: "x.go", Line: 3, Analyzer: "copylocks", Message: "m"}}
	if msg := mismatch(got, nil); !strings.Contains(msg, "x.go:3: m") {
		t.Errorf("mismatch(unwanted) = %q; want it to name x.go:3", msg)
	}
}
