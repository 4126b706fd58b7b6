// Package vettest checks that go vet reports exactly the mistakes a testdata
// package is written to contain.
//
// Each line of the testdata package that vet must flag ends in a comment
// giving the exact message, in the style of
// [golang.org/x/tools/go/analysis/analysistest]:
//
//	go func() {
//		wg.Add(1) // want "WaitGroup.Add called from inside new goroutine"
//
// [Check] runs the real go vet, so a test using it fails if vet stops
// reporting a mistake, reports it elsewhere or with other words, or reports
// anything that is not wanted.
package vettest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
)

// A Diagnostic is one finding: where, which analyzer, and what it says.
type Diagnostic struct {
	File     string // base name of the file
	Line     int
	Analyzer string // empty in the wanted list: any analyzer may report it
	Message  string
}

func (d Diagnostic) String() string {
	return fmt.Sprintf("%s:%d: %s", d.File, d.Line, d.Message)
}

// Check runs go vet on the package in dir (a directory relative to the
// test's working directory, such as "testdata/addinside") and checks that
// its diagnostics are exactly the ones the package's // want comments list.
// It returns them, each with the analyzer that reported it.
func Check(t *testing.T, dir string) []Diagnostic {
	t.Helper()
	got := Run(t, dir)
	if msg := mismatch(got, wanted(t, dir)); msg != "" {
		t.Errorf("go vet ./%s %s", filepath.ToSlash(dir), msg)
	}
	return got
}

// mismatch describes how got differs from want, ignoring analyzers, or
// returns "" if they list the same findings.
func mismatch(got, want []Diagnostic) string {
	gotKeys, wantKeys := keys(got), keys(want)
	if slices.Equal(gotKeys, wantKeys) {
		return ""
	}
	return fmt.Sprintf("reported:\n\t%s\nwant:\n\t%s",
		strings.Join(gotKeys, "\n\t"), strings.Join(wantKeys, "\n\t"))
}

// reports remembers go vet's diagnostics by package directory. The files
// cannot change while a test binary runs, so with -count=N vet runs once per
// package, not N times.
var reports sync.Map // absolute directory → []Diagnostic

// Run runs go vet -json on the package in dir and returns its diagnostics,
// sorted by file and line.
func Run(t *testing.T, dir string) []Diagnostic {
	t.Helper()
	abs, err := filepath.Abs(dir)
	if err != nil {
		t.Fatal(err)
	}
	if diags, ok := reports.Load(abs); ok {
		return slices.Clone(diags.([]Diagnostic))
	}
	diags := run(t, dir)
	reports.Store(abs, diags)
	return slices.Clone(diags)
}

func run(t *testing.T, dir string) []Diagnostic {
	t.Helper()
	cmd := exec.CommandContext(t.Context(), "go", "vet", "-json", "./"+filepath.ToSlash(dir))
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("go vet -json ./%s: %v\n%s%s", dir, err, stdout.Bytes(), stderr.Bytes())
	}
	// With -json, vet exits 0 and writes its report as one JSON object: to
	// stdout since Go 1.26, to stderr (after "# pkg" lines) before it.
	report := stdout.Bytes()
	if bytes.IndexByte(report, '{') < 0 {
		report = stderr.Bytes()
	}
	i := bytes.IndexByte(report, '{')
	if i < 0 {
		return nil
	}
	report = report[i:]
	var byPkg map[string]map[string][]struct {
		Posn    string `json:"posn"`
		Message string `json:"message"`
	}
	if err := json.Unmarshal(report, &byPkg); err != nil {
		t.Fatalf("go vet -json ./%s: cannot decode its report: %v\n%s", dir, err, stderr.Bytes())
	}
	var diags []Diagnostic
	for _, byAnalyzer := range byPkg {
		for analyzer, findings := range byAnalyzer {
			for _, f := range findings {
				file, line := position(t, f.Posn)
				diags = append(diags, Diagnostic{File: file, Line: line, Analyzer: analyzer, Message: f.Message})
			}
		}
	}
	slices.SortFunc(diags, func(a, b Diagnostic) int { return strings.Compare(a.String(), b.String()) })
	return diags
}

// position splits "/abs/path/file.go:12:8" into "file.go" and 12.
func position(t *testing.T, posn string) (string, int) {
	t.Helper()
	parts := strings.Split(posn, ":")
	if len(parts) < 3 {
		t.Fatalf("go vet: unexpected position %q", posn)
	}
	line, err := strconv.Atoi(parts[len(parts)-2])
	if err != nil {
		t.Fatalf("go vet: unexpected position %q", posn)
	}
	return filepath.Base(strings.Join(parts[:len(parts)-2], ":")), line
}

var wantComment = regexp.MustCompile(`// want ("(?:[^"\\]|\\.)*")\s*$`)

// wanted reads the // want comments of the Go files in dir.
func wanted(t *testing.T, dir string) []Diagnostic {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil || len(files) == 0 {
		t.Fatalf("vettest: no Go files in %s (%v)", dir, err)
	}
	var want []Diagnostic
	for _, name := range files {
		src, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		for i, line := range strings.Split(string(src), "\n") {
			m := wantComment.FindStringSubmatch(line)
			if m == nil {
				continue
			}
			msg, err := strconv.Unquote(m[1])
			if err != nil {
				t.Fatalf("%s:%d: bad want comment: %v", name, i+1, err)
			}
			want = append(want, Diagnostic{File: filepath.Base(name), Line: i + 1, Message: msg})
		}
	}
	if len(want) == 0 {
		t.Fatalf("vettest: %s has no // want comments: nothing to check", dir)
	}
	return want
}

func keys(diags []Diagnostic) []string {
	var ks []string
	for _, d := range diags {
		ks = append(ks, d.String())
	}
	slices.Sort(ks)
	return ks
}
