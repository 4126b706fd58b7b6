package conventions

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/require"
	"go.uber.org/goleak"

	"github.com/goprimer/concurrency/internal/lesson"
)

func TestMain(m *testing.M) {
	goleak.VerifyTestMain(m)
}

// root is the module's root, seen from this package's directory.
const root = "../.."

// sections loads every section once for all the tests of this binary:
// the tree does not change while they run, and parsing it is most of
// their time under -race.
var sections = sync.OnceValues(func() (map[string]*lesson.Section, error) {
	loaded := map[string]*lesson.Section{}
	for _, topic := range lesson.Topics {
		s, err := lesson.Load(root, topic)
		if err != nil {
			return nil, err
		}
		loaded[topic.Package] = s
	}
	return loaded, nil
})

// section returns the loaded section of topic.
func section(t *testing.T, topic lesson.Topic) *lesson.Section {
	t.Helper()
	all, err := sections()
	require.NoError(t, err)
	return all[topic.Package]
}

func TestEverySectionFollowsTheConventions(t *testing.T) {
	for _, topic := range lesson.Topics {
		t.Run(topic.Package, func(t *testing.T) {
			for _, p := range Check(section(t, topic)) {
				t.Error(p)
			}
		})
	}
}

// TestEveryPackageIsASection makes sure no section package escapes the
// conventions test by being left out of lesson.Topics.
func TestEveryPackageIsASection(t *testing.T) {
	entries, err := os.ReadDir(root)
	require.NoError(t, err)
	var found []string
	for _, e := range entries {
		name := e.Name()
		if !e.IsDir() || name == "internal" || name == "cmd" || name == "testdata" || strings.HasPrefix(name, ".") {
			continue
		}
		if goFiles, _ := filepath.Glob(filepath.Join(root, name, "*.go")); len(goFiles) > 0 {
			found = append(found, name)
		}
	}
	var listed []string
	for _, topic := range lesson.Topics {
		listed = append(listed, topic.Package)
	}
	slices.Sort(listed)
	require.Equal(t, listed, found, "top-level packages, each listed in lesson.Topics")
}

// TestCheckReportsEveryBrokenConvention runs Check on a package written to
// break each convention once, so each check is seen to fail.
func TestCheckReportsEveryBrokenConvention(t *testing.T) {
	s, err := lesson.Load("testdata", lesson.Topic{Package: "broken"})
	require.NoError(t, err)
	want := []string{
		"broken: extra.go has a package comment; keep the package doc in doc.go alone",
		`broken: package doc does not start with "Package broken "`,
		"broken: package doc has 83 bytes; a lesson needs at least 800",
		"broken: package doc has no # Heading",
		"broken: ExampleBroken attaches to nothing in go/doc, so pkg.go.dev hides it: name it Example or Example_suffix, or ExampleName only for a name the package exports",
		"broken: ExampleBroken has no doc comment saying what it shows",
		"broken: ExampleBroken has no // Output: comment, so go test never runs it",
		"broken: ExampleBroken is in a file that imports github.com/stretchr/testify/require; examples use only the standard library, the package they show and the packages its section teaches (Topic.Imports)",
		"broken: Example_unordered is not listed in a watchdog.Examples call, so if its claim breaks and it hangs, nothing stops it before go test's timeout",
		"broken: Example_unordered has // Unordered output:; examples print in a fixed order",
		"broken: Example_unordered is in a file that imports github.com/stretchr/testify/require; examples use only the standard library, the package they show and the packages its section teaches (Topic.Imports)",
		"broken: Example_notPlayable is not listed in a watchdog.Examples call, so if its claim breaks and it hangs, nothing stops it before go test's timeout",
		"broken: Example_notPlayable is in package broken; examples go in package broken_test so they read as user code",
		"broken: Example_notPlayable is not playable: it may use only imports, builtins and declarations of its own file",
		"broken: no TestMain calling goleak.VerifyTestMain",
	}
	require.Equal(t, want, Check(s))

	// A section may teach a package outside the standard library; its
	// examples may then import it, and only it.
	s.Imports = []string{"github.com/stretchr/testify/require"}
	var allowed []string
	for _, w := range want {
		if !strings.Contains(w, "imports github.com/stretchr/testify/require") {
			allowed = append(allowed, w)
		}
	}
	require.Equal(t, allowed, Check(s), "Check of the same package when its Topic.Imports lists testify's require")
}

// TestCIBoundsEveryGoTest keeps the backstop of CONTRIBUTING.md's rule that
// a broken proof fails in seconds: should a hang slip past the watchdogs,
// CI's go test stops it in minutes, not at the default ten.
func TestCIBoundsEveryGoTest(t *testing.T) {
	script, err := os.ReadFile(filepath.Join(root, ".ci", "run"))
	require.NoError(t, err)
	re := regexp.MustCompile(`(?m)^export GOFLAGS="\$\{GOFLAGS:-\} -timeout=(\d+)m"$`)
	m := re.FindSubmatch(script)
	require.NotNil(t, m, ".ci/run must export GOFLAGS with -timeout=Nm, so every go test it runs is bounded")
	minutes, _ := strconv.Atoi(string(m[1]))
	require.LessOrEqual(t, minutes, 3, ".ci/run's go test timeout, in minutes: a hang must cost a minute or two, not ten")
}
