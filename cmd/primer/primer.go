package main

import (
	"bytes"
	"errors"
	"fmt"
	"go/doc"
	"go/format"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"sync"
	"unicode"

	"github.com/goprimer/concurrency/internal/lesson"
)

// runDir is the directory, relative to the module root, where examples are
// written to be run. The go command builds packages there, as they are
// inside the module, but patterns such as ./... skip names starting with _.
const runDir = "_primer"

type primer struct {
	root           string // the module's root directory
	topics         []lesson.Topic
	stdout, stderr io.Writer
}

func defaultTopics() []lesson.Topic { return lesson.Topics }

// moduleRoot finds the directory of this module's go.mod, from the current
// directory up.
func moduleRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		data, err := os.ReadFile(filepath.Join(dir, "go.mod"))
		if err == nil && strings.HasPrefix(string(data), "module "+lesson.Module+"\n") {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", fmt.Errorf("not inside the module %s: run primer from its clone", lesson.Module)
		}
		dir = parent
	}
}

// list prints one line per section.
func (p *primer) list() int {
	rows := [][]string{{"SECTION", "ARTICLE", "EXAMPLES", "WHAT IT SHOWS"}}
	status := 0
	for _, t := range p.topics {
		s, err := lesson.Load(p.root, t)
		if err != nil {
			fmt.Fprintf(p.stderr, "primer: %v\n", err)
			status = 1
			continue
		}
		rows = append(rows, []string{t.Package, t.Title, fmt.Sprint(len(s.Examples)), t.Summary})
	}
	writeColumns(p.stdout, rows)
	fmt.Fprintf(p.stdout, "\nRead a section and run its examples: go run ./cmd/primer SECTION\n")
	return status
}

// writeColumns prints rows in aligned columns. Unlike text/tabwriter it
// measures Chinese characters as a terminal shows them, two columns wide.
func writeColumns(w io.Writer, rows [][]string) {
	var widths []int
	for _, row := range rows {
		for i, cell := range row {
			if i == len(widths) {
				widths = append(widths, 0)
			}
			widths[i] = max(widths[i], displayWidth(cell))
		}
	}
	for _, row := range rows {
		var line strings.Builder
		for i, cell := range row {
			line.WriteString(cell)
			if i < len(row)-1 {
				line.WriteString(strings.Repeat(" ", widths[i]-displayWidth(cell)+2))
			}
		}
		fmt.Fprintln(w, line.String())
	}
}

// displayWidth is the number of terminal columns s takes: two for each
// wide (East Asian) character, one for any other.
func displayWidth(s string) int {
	n := 0
	for _, r := range s {
		if unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul) || (r >= 0xFF01 && r <= 0xFF60) || (r >= 0x3000 && r <= 0x303F) {
			n += 2
		} else {
			n++
		}
	}
	return n
}

// lesson prints the section named name and runs its examples whose names
// match pattern. It returns 1 if an example's output differs from its
// // Output: comment.
func (p *primer) lesson(name, pattern string) int {
	var topic *lesson.Topic
	var names []string
	for i, t := range p.topics {
		names = append(names, t.Package)
		if t.Package == name {
			topic = &p.topics[i]
		}
	}
	if topic == nil {
		fmt.Fprintf(p.stderr, "primer: no section %q; the sections are: %s\n", name, strings.Join(names, ", "))
		return 2
	}
	re, err := regexp.Compile(pattern)
	if err != nil {
		fmt.Fprintf(p.stderr, "primer: bad -run pattern: %v\n", err)
		return 2
	}
	s, err := lesson.Load(p.root, *topic)
	if err != nil {
		fmt.Fprintf(p.stderr, "primer: %v\n", err)
		return 1
	}
	var selected []*doc.Example
	var all []string
	for _, ex := range s.Examples {
		all = append(all, lesson.FuncName(ex))
		if re.MatchString(lesson.FuncName(ex)) {
			selected = append(selected, ex)
		}
	}
	if len(selected) == 0 {
		fmt.Fprintf(p.stderr, "primer: -run %q matches no example of %s; its examples are: %s\n", pattern, name, strings.Join(all, ", "))
		return 2
	}

	fmt.Fprintf(p.stdout, "%s — %s (%s)\n\n", s.Package, s.Title, s.ImportPath)
	p.stdout.Write(s.Doc.Text(s.Doc.Doc))

	results := p.runAll(s, selected)
	status := 0
	for i, ex := range selected {
		r := results[i]
		fmt.Fprintf(p.stdout, "\n%s\n%s\n\n", lesson.FuncName(ex), strings.Repeat("=", len(lesson.FuncName(ex))))
		if ex.Doc != "" {
			p.stdout.Write(s.Doc.Text(ex.Doc))
			fmt.Fprintln(p.stdout)
		}
		p.stdout.Write(indent(r.code))
		switch {
		case r.err != nil:
			fmt.Fprintf(p.stdout, "\nRun: failed: %v\n", r.err)
			status = 1
		case r.matches:
			fmt.Fprintf(p.stdout, "\nOutput (ran now; matches its verified // Output:):\n")
		default:
			fmt.Fprintf(p.stdout, "\nOutput (ran now; DOES NOT MATCH its verified // Output:):\n")
			status = 1
		}
		p.stdout.Write(indent(r.output))
		if r.err == nil && !r.matches {
			fmt.Fprintf(p.stdout, "\nWant:\n")
			p.stdout.Write(indent(ex.Output))
		}
	}
	return status
}

// A result is what running one example gave.
type result struct {
	code    string // the program that ran
	output  string // its standard output (and standard error, on failure)
	matches bool   // output matches the example's // Output:
	err     error
}

// runAll runs the examples in parallel, one go run each, in a directory of
// their own that it removes afterwards.
func (p *primer) runAll(s *lesson.Section, examples []*doc.Example) []result {
	results := make([]result, len(examples))
	parent := filepath.Join(p.root, runDir)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		for i := range results {
			results[i].err = err
		}
		return results
	}
	// A directory for this run alone, so that two primers never share one.
	dir, err := os.MkdirTemp(parent, s.Package+"-")
	if err != nil {
		for i := range results {
			results[i].err = err
		}
		return results
	}
	defer func() {
		os.RemoveAll(dir)
		os.Remove(parent) // only if no other primer is using it
	}()
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	var wg sync.WaitGroup
	for i, ex := range examples {
		wg.Go(func() {
			sem <- struct{}{}
			defer func() { <-sem }()
			results[i] = runExample(s, ex, filepath.Join(dir, lesson.FuncName(ex)))
		})
	}
	wg.Wait()
	return results
}

// runExample does what pkg.go.dev's Run button does: it runs the program
// that go/doc synthesises from the example, writing it into dir.
func runExample(s *lesson.Section, ex *doc.Example, dir string) result {
	var r result
	if ex.Play == nil {
		r.err = errors.New("not playable: go/doc cannot make a program of it")
		return r
	}
	var src bytes.Buffer
	if err := format.Node(&src, s.Fset, ex.Play); err != nil {
		r.err = err
		return r
	}
	r.code = src.String()

	if err := os.Mkdir(dir, 0o755); err != nil {
		r.err = err
		return r
	}
	if err := os.WriteFile(filepath.Join(dir, "main.go"), src.Bytes(), 0o644); err != nil {
		r.err = err
		return r
	}
	var stdout, stderr bytes.Buffer
	cmd := exec.Command("go", "run", ".")
	cmd.Dir = dir
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		r.output = stdout.String() + stderr.String()
		r.err = fmt.Errorf("go run: %v", err)
		return r
	}
	r.output = stdout.String()
	r.matches = sameOutput(r.output, ex.Output)
	return r
}

// sameOutput compares as go test does: surrounding space aside, and
// with Windows line endings made plain.
func sameOutput(got, want string) bool {
	norm := func(s string) string { return strings.TrimSpace(strings.ReplaceAll(s, "\r\n", "\n")) }
	return norm(got) == norm(want)
}

// indent indents every non-empty line of text by a tab.
func indent(text string) []byte {
	var b bytes.Buffer
	for line := range strings.Lines(text) {
		if strings.TrimSpace(line) != "" {
			b.WriteByte('\t')
		}
		b.WriteString(line)
	}
	if b.Len() > 0 && !bytes.HasSuffix(b.Bytes(), []byte("\n")) {
		b.WriteByte('\n')
	}
	return b.Bytes()
}
