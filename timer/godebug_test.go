package timer_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// asyncChildEnv marks the child process of
// TestAsyncTimerChanRestoresTheOldTimers.
const asyncChildEnv = "GOPRIMER_TIMER_ASYNC_CHILD"

// TestAsyncTimerChanRestoresTheOldTimers runs its checks in a child process
// started with GODEBUG=asynctimerchan=1, the setting a main module whose
// go.mod says go 1.22 or earlier gets by default. testing/synctest refuses
// to run under that setting, so the child uses the real clock, for a few
// milliseconds, with GOMAXPROCS=1: the runtime then runs due timers in order
// of their expiry, so a timer of 1ms has fired before a wait of 5ms ends.
func TestAsyncTimerChanRestoresTheOldTimers(t *testing.T) {
	subtests := []struct {
		name string
		body func(t *testing.T)
	}{
		{"the channel has capacity 1", func(t *testing.T) {
			timer := time.NewTimer(time.Hour)
			defer timer.Stop()
			require.Equal(t, 1, cap(timer.C), "cap(timer.C) under asynctimerchan=1; want 1")
		}},
		{"an expired timer's value waits in the buffer and Stop returns false", func(t *testing.T) {
			timer := time.NewTimer(time.Millisecond)
			<-time.After(5 * time.Millisecond)
			require.Equal(t, 1, len(timer.C), "len(timer.C) after expiry; want 1, the buffered value")
			require.False(t, timer.Stop(), "Stop after expiry; want false under the old rules")
			_, received := tryReceive(timer.C)
			require.True(t, received, "no stale value after Stop; want the buffered one")
		}},
		{"Reset leaves the stale value in the channel", func(t *testing.T) {
			timer := time.NewTimer(time.Millisecond)
			<-time.After(5 * time.Millisecond)
			resetAt := time.Now()
			require.False(t, timer.Reset(time.Hour), "Reset after expiry; want false under the old rules")
			fired, received := tryReceive(timer.C)
			require.True(t, received, "no value right after Reset(time.Hour); want the stale one")
			require.True(t, fired.Before(resetAt), "the value received after Reset is %v; want a stale one from before the Reset at %v", fired, resetAt)
			timer.Stop()
		}},
		{"unstopped timers and tickers are not collected", func(t *testing.T) {
			timer, ticker := abandonedTimer(), abandonedTicker()
			runtime.GC()
			require.NotNil(t, timer.Value(), "an unstopped Timer was collected under asynctimerchan=1")
			require.NotNil(t, ticker.Value(), "an unstopped Ticker was collected under asynctimerchan=1")
		}},
	}

	if os.Getenv(asyncChildEnv) != "" {
		for _, st := range subtests {
			t.Run(st.name, st.body)
		}
		return
	}

	exe, err := os.Executable()
	require.NoError(t, err)
	cmd := exec.CommandContext(t.Context(), exe, "-test.run=^"+t.Name()+"$", "-test.count=1", "-test.v")
	cmd.Env = append(os.Environ(),
		asyncChildEnv+"=1",
		"GODEBUG=asynctimerchan=1",
		"GOMAXPROCS=1",
		"GORACE="+os.Getenv("GORACE")+" atexit_sleep_ms=0", // a race-enabled child would sleep 1s at exit
	)
	out, err := cmd.CombinedOutput()
	require.NoError(t, err, "the child with GODEBUG=asynctimerchan=1 failed:\n%s", out)
	for _, st := range subtests {
		pass := "--- PASS: " + t.Name() + "/" + strings.ReplaceAll(st.name, " ", "_")
		require.Contains(t, string(out), pass, "the child did not pass %q", st.name)
	}
}

// TestGoLineChoosesTheTimerRules asks the go command which GODEBUG defaults
// it would build into the main packages of two small modules, written to a
// temporary directory. DefaultGODEBUG lists only the settings that differ
// from the toolchain's own defaults, where asynctimerchan is 0. (This module
// says go 1.25.0, and the other tests show that it gets the new rules.)
func TestGoLineChoosesTheTimerRules(t *testing.T) {
	const plainMain = "package main\n\nfunc main() {}\n"
	modules := []struct {
		name  string
		gomod string
		files map[string]string // file name: contents
		want  map[string]string // package: the asynctimerchan value it gets
	}{
		{
			name:  "go 1.22 gets the old rules unless a main package says otherwise",
			gomod: "go 1.22\n",
			files: map[string]string{
				"plain/main.go":     plainMain,
				"directive/main.go": "//go:debug asynctimerchan=0\n\n" + plainMain,
			},
			want: map[string]string{"example.com/app/plain": "1", "example.com/app/directive": "0"},
		},
		{
			name:  "the go line of a dependency plays no part",
			gomod: "go 1.25.0\n\nrequire example.com/dep v0.0.0\n\nreplace example.com/dep => ./dep\n",
			files: map[string]string{
				"dep/go.mod":  "module example.com/dep\n\ngo 1.22\n",
				"dep/dep.go":  "package dep\n",
				"app/main.go": "package main\n\nimport _ \"example.com/dep\"\n\nfunc main() {}\n",
			},
			want: map[string]string{"example.com/app/app": "0"},
		},
	}
	for _, m := range modules {
		t.Run(m.name, func(t *testing.T) {
			t.Parallel()
			dir := t.TempDir()
			write := func(name, text string) {
				path := filepath.Join(dir, name)
				require.NoError(t, os.MkdirAll(filepath.Dir(path), 0o755))
				require.NoError(t, os.WriteFile(path, []byte(text), 0o644))
			}
			write("go.mod", "module example.com/app\n\n"+m.gomod)
			for name, text := range m.files {
				write(name, text)
			}

			cmd := exec.CommandContext(t.Context(), "go", "list", "-f", "{{.ImportPath}} {{.DefaultGODEBUG}}", "./...")
			cmd.Dir = dir
			// A module of its own, built by this toolchain, offline.
			cmd.Env = append(os.Environ(), "GOWORK=off", "GOFLAGS=", "GOTOOLCHAIN=local", "GOPROXY=off")
			out, err := cmd.CombinedOutput()
			require.NoError(t, err, "go list failed:\n%s", out)

			got := map[string]string{}
			for line := range strings.Lines(string(out)) {
				pkg, settings, _ := strings.Cut(strings.TrimSpace(line), " ")
				got[pkg] = "0"
				for setting := range strings.SplitSeq(settings, ",") {
					if v, ok := strings.CutPrefix(setting, "asynctimerchan="); ok {
						got[pkg] = v
					}
				}
			}
			require.Equal(t, m.want, got, "asynctimerchan by package, with go.mod saying %q; go list printed:\n%s", m.gomod, out)
		})
	}
}
