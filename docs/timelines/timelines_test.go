package timelines_test

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.uber.org/goleak"

	"github.com/goprimer/concurrency/docs/timelines"
	"github.com/goprimer/concurrency/internal/lesson"
	"github.com/goprimer/concurrency/internal/timeline/draw"
)

func TestMain(m *testing.M) {
	goleak.VerifyTestMain(m)
}

// root is the module's root, from this directory.
const root = "../.."

// readmes show every picture.
var readmes = []string{"README.md", "README.zh-CN.md"}

// picture matches a reference to a picture of this directory, relative
// (docs/timelines/NAME.svg) or on GitHub.
var picture = regexp.MustCompile(`docs/timelines/([\w.-]+\.svg)`)

// references returns the pictures each file refers to.
func references(t *testing.T, files []string) map[string][]string {
	t.Helper()
	refs := map[string][]string{}
	for _, file := range files {
		data, err := os.ReadFile(filepath.Join(root, file))
		require.NoError(t, err)
		for _, m := range picture.FindAllStringSubmatch(string(data), -1) {
			if !slices.Contains(refs[file], m[1]) {
				refs[file] = append(refs[file], m[1])
			}
		}
	}
	return refs
}

// byFile returns timelines.Pictures by file name.
func byFile(t *testing.T) map[string]timelines.Picture {
	t.Helper()
	pics := map[string]timelines.Picture{}
	for _, p := range timelines.Pictures {
		require.NotContains(t, pics, p.File(), "timelines.Pictures lists %s twice", p.File())
		pics[p.File()] = p
	}
	return pics
}

// TestEveryPictureShownIsHereAndFresh checks each picture that a README
// or a lesson's doc refers to: it is in this directory and in
// timelines.Pictures, the current renderer draws it byte for byte from the
// timeline it holds, and it shows what the text says of it. It compares
// no timings.
func TestEveryPictureShownIsHereAndFresh(t *testing.T) {
	pics := byFile(t)
	files := slices.Clone(readmes)
	for _, topic := range lesson.Topics {
		files = append(files, filepath.Join(topic.Package, "doc.go"))
	}
	seen := map[string]bool{}
	for file, names := range references(t, files) {
		for _, name := range names {
			if seen[name] {
				continue
			}
			seen[name] = true
			data, err := os.ReadFile(name)
			if !assert.NoError(t, err, "%s shows a picture that is not in docs/timelines", file) {
				continue
			}
			assert.NoError(t, draw.CheckFresh(data), "%s: run go generate ./docs/timelines", name)
			p, ok := pics[name]
			if !assert.True(t, ok, "%s shows %s, which timelines.Pictures does not list: add it, with what it shows", file, name) {
				continue
			}
			assert.NoError(t, p.Check(data), "run go generate ./docs/timelines, or pick an example that forces it")
		}
	}
	assert.NotEmpty(t, seen, "pictures found in the READMEs and docs")
}

// TestEveryPictureIsGeneratedAndShown checks that go generate draws every
// picture of this directory, with the generator that picks a run showing
// what the picture must show, and that both READMEs and the lesson's own
// doc show each one.
func TestEveryPictureIsGeneratedAndShown(t *testing.T) {
	doc, err := os.ReadFile("doc.go")
	require.NoError(t, err)
	generate := regexp.MustCompile(`(?m)^//go:generate .*$`).FindAllString(string(doc), -1)
	assert.Equal(t, []string{"//go:generate go run ./gen"}, generate, "the go:generate lines of doc.go: one, the generator, which draws every picture of timelines.Pictures")

	pics := byFile(t)
	svgs, err := filepath.Glob("*.svg")
	require.NoError(t, err)
	for _, svg := range svgs {
		_, ok := pics[svg]
		assert.True(t, ok, "%s is in no entry of timelines.Pictures, so go generate does not draw it", svg)
	}
	readmeRefs := references(t, readmes)
	for _, p := range timelines.Pictures {
		name := p.File()
		assert.FileExists(t, name, "drawn by go generate ./docs/timelines, but not committed")
		assert.NotEmpty(t, p.Shows, "what %s shows", name)
		for _, readme := range readmes {
			assert.Contains(t, readmeRefs[readme], name, "%s shows %s", readme, name)
		}
		docFile := filepath.Join(p.Section, "doc.go")
		assert.Contains(t, references(t, []string{docFile})[docFile], name, "the lesson %s links its picture", p.Section)
	}
}

// TestCheckNamesWhatIsMissing checks that Picture.Check, which both the
// generator and the tests use, rejects a picture that lacks a title the
// picture must show, naming the picture and the pattern, and accepts it
// when every pattern matches a title.
func TestCheckNamesWhatIsMissing(t *testing.T) {
	p := timelines.Picture{Section: "mutex", Example: "Example_oneHolder", Shows: []string{`^Example_oneHolder: `, `^main blocked on sync.Mutex from `}}
	svg := []byte(`<svg xmlns="http://www.w3.org/2000/svg"><title>Example_oneHolder: 2 goroutines, 1µs</title>` +
		`<g><title>main.func1 blocked on sync.Mutex from 1µs &amp; more</title></g></svg>`)
	titles, err := timelines.Titles(svg)
	require.NoError(t, err)
	assert.Equal(t, []string{"Example_oneHolder: 2 goroutines, 1µs", "main.func1 blocked on sync.Mutex from 1µs & more"}, titles, "the titles, unescaped")

	err = p.Check(svg)
	require.Error(t, err, "a picture without a title matching %q", p.Shows[1])
	assert.Equal(t, `mutex-Example_oneHolder.svg does not show what the docs say of it: no title matches "^main blocked on sync.Mutex from "`, err.Error())

	p.Shows[1] = `^main.func1 blocked on sync.Mutex from .* & more$`
	assert.NoError(t, p.Check(svg), "every pattern matches a title")
}
