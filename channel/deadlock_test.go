package channel_test

import (
	"os/exec"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/goprimer/concurrency/internal/crashtest"
)

const deadlock = "fatal error: all goroutines are asleep - deadlock!"

// TestWholeProgramDeadlock runs testdata/deadlock, a program whose main
// goroutine sends on a nil channel, and checks how the runtime ends it.
//
// The program is built without cgo: a cgo binary keeps a thread that the
// deadlock detector counts as running, so it would hang instead of failing.
// The test binary itself is such a binary (testify links net), which is why
// the deadlock cannot run in a re-executed test binary.
func TestWholeProgramDeadlock(t *testing.T) {
	t.Parallel()
	bin := crashtest.BuildNoCgo(t, "./testdata/deadlock")

	t.Run("send on nil channel in main is a fatal deadlock", func(t *testing.T) {
		stderr := crashtest.Expect(t, exec.Command(bin), deadlock).Stderr
		require.Contains(t, stderr, "goroutine 1 [chan send (nil chan)]:", "the trace shows main blocked on the nil channel")
	})

	t.Run("pending timer keeps the detector silent until it fires", func(t *testing.T) {
		r := crashtest.Expect(t, exec.Command(bin, "timer"), deadlock)
		// Had the detector fired while the timer was pending, the process
		// would have died before printing the timer's line.
		require.Equal(t, "timer fired\n", r.Stdout, "the child's output before the fatal error")
	})
}

// TestRaceBuildLinksCgo checks the cause behind the package doc's warning
// that a program built with -race never gets the deadlock report: the race
// runtime imports runtime/cgo, which makes any race build a cgo program,
// while testdata/deadlock built with CGO_ENABLED=0 links no cgo at all.
func TestRaceBuildLinksCgo(t *testing.T) {
	t.Parallel()
	deps := func(cgoEnabled string, flags ...string) []string {
		t.Helper()
		args := append(append([]string{"list"}, flags...), "-deps", "./testdata/deadlock")
		cmd := exec.CommandContext(t.Context(), "go", args...)
		cmd.Env = append(cmd.Environ(), "CGO_ENABLED="+cgoEnabled)
		out, err := cmd.Output()
		require.NoError(t, err, "go %v", args)
		return strings.Fields(string(out))
	}
	require.Contains(t, deps("1", "-race"), "runtime/cgo", "packages of testdata/deadlock built with -race")
	require.NotContains(t, deps("0"), "runtime/cgo", "packages of testdata/deadlock built with CGO_ENABLED=0")
}
