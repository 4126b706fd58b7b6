package watchdog

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.uber.org/goleak"
)

func TestMain(m *testing.M) {
	goleak.VerifyTestMain(m)
}

// childEnv selects, in a re-run of this test binary, the hang to perform.
const childEnv = "WATCHDOG_CHILD"

// The hangs the child performs. A tenth of a second stands in for Limit.
var hangs = map[string]func(t *testing.T){
	"within": func(t *testing.T) {
		within(t, 100*time.Millisecond, "the claim under test", func() { select {} })
	},
	"examples": func(t *testing.T) {
		runExamples(t, 100*time.Millisecond, []func(){exampleReturns, exampleHangs})
	},
}

func TestChild(t *testing.T) {
	hang, ok := hangs[os.Getenv(childEnv)]
	if !ok {
		return // not a child: nothing to do
	}
	hang(t)
	t.Fatal("the hang returned")
}

// exampleReturns stands for an example whose claim holds.
func exampleReturns() {
	fmt.Println("fine")
}

// exampleHangs stands for an example whose claim broke. Its doc comment
// names the claim.
func exampleHangs() {
	select {}
}

// runChild re-runs this test binary for the hang name and returns its
// combined output, its exit status and how long it ran.
func runChild(t *testing.T, name string) (string, int, time.Duration) {
	t.Helper()
	exe, err := os.Executable()
	require.NoError(t, err)
	cmd := exec.CommandContext(t.Context(), exe, "-test.run=^TestChild$", "-test.count=1")
	cmd.Env = append(os.Environ(), childEnv+"="+name, "GORACE=atexit_sleep_ms=0")
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	start := time.Now()
	err = cmd.Run()
	elapsed := time.Since(start)
	var exit *exec.ExitError
	require.True(t, errors.As(err, &exit), "the child must fail; it ended with %v:\n%s", err, out.String())
	return out.String(), exit.ExitCode(), elapsed
}

func TestHangFailsFastAndNamesTheClaim(t *testing.T) {
	out, code, elapsed := runChild(t, "within")
	assert.Equal(t, 2, code, "a hang stops the binary with a panic's exit status")
	assert.Contains(t, out, "--- FAIL: TestChild", "the test that hung is reported failed")
	assert.Contains(t, out, "hung: the claim under test", "the failure names the claim")
	assert.Contains(t, out, "panic: watchdog: no return within 100ms: the claim under test")
	assert.Contains(t, out, "watchdog_test.go", "the goroutine dump shows where the hung goroutine waits")
	assert.Less(t, elapsed, 5*time.Second, "the child must stop soon after the limit, not at go test's timeout")
}

func TestHungExampleIsNamedByItsDoc(t *testing.T) {
	out, code, _ := runChild(t, "examples")
	assert.Equal(t, 2, code)
	assert.Contains(t, out, "hung: exampleHangs: exampleHangs stands for an example whose claim broke.")
	assert.NotContains(t, out, "hung: exampleReturns", "an example that returns passes")
	assert.NotContains(t, out, "fine", "an example's output goes to os.DevNull")
}

func TestWithinReturnsWhenFReturns(t *testing.T) {
	ran := false
	Within(t, "f returns", func() { ran = true })
	assert.True(t, ran, "Within returns only after f has run")
}

func TestWithinRepanicsInTheCaller(t *testing.T) {
	assert.PanicsWithValue(t, "boom", func() {
		Within(t, "f panics", func() { panic("boom") })
	})
}

func TestExamplesRestoresStdout(t *testing.T) {
	stdout := os.Stdout
	Examples(t, exampleReturns)
	assert.Same(t, stdout, os.Stdout)
}
