package waitgroup_test

import (
	"bytes"
	"errors"
	"os/exec"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestGoFixRewritesTheArticlesForm runs the real go fix -diff on
// testdata/gofix, the article's Add(1), go func, defer Done program: its
// waitgroup modernizer (named waitgroupgo since Go 1.27) must turn that into
// one call of WaitGroup.Go, and change nothing else.
func TestGoFixRewritesTheArticlesForm(t *testing.T) {
	t.Parallel() // runs the go command: overlap it with the other tests
	cmd := exec.CommandContext(t.Context(), "go", "fix", "-diff", "./testdata/gofix")
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	// With -diff, go fix exits with status 1 when it would change something.
	exit, ok := errors.AsType[*exec.ExitError](err)
	require.True(t, ok && exit.ExitCode() == 1, "go fix -diff: %v; want exit status 1, a diff\nstdout:\n%s\nstderr:\n%s", err, stdout.Bytes(), stderr.Bytes())

	var changed []string // the removed and added lines, without the file headers
	for line := range strings.Lines(stdout.String()) {
		if (line[0] == '-' || line[0] == '+') && !strings.HasPrefix(line, "--- ") && !strings.HasPrefix(line, "+++ ") {
			changed = append(changed, strings.TrimRight(line, "\n"))
		}
	}
	want := []string{
		"-\twg.Add(1)",
		"-\tgo func() {",
		"-\t\tdefer wg.Done()",
		"+\twg.Go(func() {",
		"-\t}()",
		"+\t})",
	}
	require.Equal(t, want, changed, "lines go fix -diff removes (-) and adds (+)\nfull diff:\n%s", stdout.Bytes())
}
