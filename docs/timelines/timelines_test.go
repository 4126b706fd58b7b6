package timelines_test

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.uber.org/goleak"

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

// shows says what each picture must show, as patterns over the tooltips
// of its bars and its title, for what the READMEs and the lessons say of
// it to be true of the picture committed. No pattern looks at a time.
var shows = map[string][]string{
	"channel-Example_unbuffered.svg":           {`^Example_unbuffered: 2 goroutines, `, `^main.func1 blocked on chan send from |^main blocked on chan receive from `},
	"mutex-Example_oneHolder.svg":              {`^Example_oneHolder: 2 goroutines, `, `^main.func1 blocked on sync.Mutex from `},
	"rwmutex-Example_readersShare.svg":         {`^Example_readersShare: 4 goroutines, `, `^main.func1#\d blocked on sync.WaitGroup from `},
	"rwmutex-Example_writerWaitsForReader.svg": {`^Example_writerWaitsForReader: 2 goroutines, `, `^main.func1 blocked on sync.RWMutex from `},
	"selectloop-Example.svg":                   {`^Example: 3 goroutines, `},
	"done-Example_pipeline.svg":                {`^Example_pipeline: 4 goroutines, `, `^done\.(Generate|Map|Take)\[\.\.\.\]\.func1 blocked in select from `},
	"ctxdemo-ExampleHandle_cancel.svg":         {`^ExampleHandle_cancel: 5 goroutines, `, `^ctxdemo.Handle.func1#\d blocked on chan receive from `},
}

// picture matches a reference to a picture of this directory, relative
// (docs/timelines/NAME.svg) or on GitHub.
var picture = regexp.MustCompile(`docs/timelines/([\w.-]+\.svg)`)

// generate matches a go:generate line of doc.go and captures the picture
// it draws: primer's -svg writes SECTION-EXAMPLE.svg.
var generate = regexp.MustCompile(`(?m)^//go:generate go run \.\./\.\./cmd/primer -svg \. -run \^(\w+)\$ (\w+)$`)

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

// TestEveryPictureShownIsHereAndFresh checks each picture that a README
// or a lesson's doc refers to: it is in this directory, the current
// renderer draws it byte for byte from the timeline it holds, and it shows
// what the text says of it. It compares no timings.
func TestEveryPictureShownIsHereAndFresh(t *testing.T) {
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
			want, ok := shows[name]
			if !assert.True(t, ok, "%s shows %s, which the test does not know: add what it shows to shows", file, name) {
				continue
			}
			var titles []string
			for _, m := range regexp.MustCompile(`<title>([^<]*)</title>`).FindAllStringSubmatch(string(data), -1) {
				titles = append(titles, m[1])
			}
			for _, pattern := range want {
				re := regexp.MustCompile(pattern)
				assert.True(t, slices.ContainsFunc(titles, re.MatchString),
					"%s does not show what the docs say of it: no title matches %q; draw it again, or pick an example that forces it", name, pattern)
			}
		}
	}
	assert.NotEmpty(t, seen, "pictures found in the READMEs and docs")
}

// TestEveryPictureIsGeneratedAndShown checks that go generate draws every
// picture of this directory, and that both READMEs and the lesson's own doc
// show each one.
func TestEveryPictureIsGeneratedAndShown(t *testing.T) {
	doc, err := os.ReadFile("doc.go")
	require.NoError(t, err)
	generated := map[string]string{} // picture -> its section
	for _, m := range generate.FindAllStringSubmatch(string(doc), -1) {
		generated[m[2]+"-"+m[1]+".svg"] = m[2]
	}
	assert.Equal(t, strings.Count(string(doc), "//go:generate"), len(generated), "every go:generate line draws one picture, with -run ^NAME$")

	svgs, err := filepath.Glob("*.svg")
	require.NoError(t, err)
	for _, svg := range svgs {
		assert.Contains(t, generated, svg, "%s is drawn by no go:generate line of doc.go", svg)
	}
	readmeRefs := references(t, readmes)
	for name, section := range generated {
		assert.FileExists(t, name, "drawn by go generate ./docs/timelines, but not committed")
		assert.Contains(t, shows, name, "what %s shows", name)
		for _, readme := range readmes {
			assert.Contains(t, readmeRefs[readme], name, "%s shows %s", readme, name)
		}
		docFile := filepath.Join(section, "doc.go")
		assert.Contains(t, references(t, []string{docFile})[docFile], name, "the lesson %s links its picture", section)
	}
	for name := range shows {
		assert.Contains(t, generated, name, "shows names %s, which no go:generate line draws", name)
	}
}
