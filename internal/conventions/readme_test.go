package conventions

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/goprimer/concurrency/internal/lesson"
)

// readmes are the files whose section tables must match the code.
var readmes = []string{"README.md", "README.zh-CN.md"}

// TestReadmeTablesCountWhatIsThere keeps the README's table of sections
// true: each section has a row that links its package, gives the article's
// title for it, and ends in the real number of examples and tests.
func TestReadmeTablesCountWhatIsThere(t *testing.T) {
	for _, name := range readmes {
		t.Run(name, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join(root, name))
			require.NoError(t, err)
			for _, topic := range lesson.Topics {
				s := section(t, topic)
				row := tableRow(string(data), topic.Package)
				if row == nil {
					t.Errorf("%s has no table row linking [%s](./%s)", name, topic.Package, topic.Package)
					continue
				}
				if !strings.Contains(row[0], topic.Title) {
					t.Errorf("%s: the row of %s names the article section %q; want %q in it", name, topic.Package, row[0], topic.Title)
				}
				got := fmt.Sprintf("%s examples, %s tests", row[len(row)-2], row[len(row)-1])
				want := fmt.Sprintf("%d examples, %d tests", len(s.Examples), len(s.Tests))
				if got != want {
					t.Errorf("%s: the row of %s counts %s; the package has %s", name, topic.Package, got, want)
				}
			}
		})
	}
}

// tableRow returns the cells of the Markdown table row that links
// [pkg](./pkg), or nil.
func tableRow(markdown, pkg string) []string {
	link := "[" + pkg + "](./" + pkg + ")"
	for line := range strings.Lines(markdown) {
		line = strings.TrimSpace(line)
		if !strings.HasPrefix(line, "|") || !strings.Contains(line, link) {
			continue
		}
		cells := strings.Split(strings.Trim(line, "|"), "|")
		for i := range cells {
			cells[i] = strings.TrimSpace(cells[i])
		}
		if len(cells) < 3 {
			return nil
		}
		if _, err := strconv.Atoi(cells[len(cells)-1]); err != nil {
			return nil
		}
		return cells
	}
	return nil
}

// codeLink matches a README link to a function in a file, such as
// [`Example_table`](channel/example_table_test.go).
var codeLink = regexp.MustCompile("\\[`(\\w+)`\\]\\(([\\w./-]+\\.go)\\)")

// TestReadmeLinksNameRealCode makes sure every link from a README to a
// function lands on a file that declares that function.
func TestReadmeLinksNameRealCode(t *testing.T) {
	for _, name := range readmes {
		data, err := os.ReadFile(filepath.Join(root, name))
		require.NoError(t, err)
		links := codeLink.FindAllStringSubmatch(string(data), -1)
		require.NotEmpty(t, links, "%s links to no function", name)
		for _, l := range links {
			fn, file := l[1], l[2]
			src, err := os.ReadFile(filepath.Join(root, file))
			if err != nil {
				t.Errorf("%s links %s to %s, which cannot be read: %v", name, fn, file, err)
				continue
			}
			if !strings.Contains(string(src), "\nfunc "+fn+"(") {
				t.Errorf("%s links %s to %s, which does not declare it", name, fn, file)
			}
		}
	}
}
