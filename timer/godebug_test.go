package timer_test

import (
	"context"
	"fmt"
	"go/version"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/goprimer/concurrency/internal/crashtest"
	"github.com/stretchr/testify/require"
)

// Which timers a program gets depends on the release that builds it. On
// Go 1.26 the GODEBUG setting asynctimerchan chooses between the Go 1.23
// timers and the older ones; Go 1.27 removed the setting. The tests in this
// file ask the toolchain that built them which case it is, and prove what
// that toolchain does.

// asyncTimerChanRemoved reports whether this test binary was built by
// Go 1.27 or later, which removed the setting asynctimerchan.
func asyncTimerChanRemoved() bool {
	return version.Compare(runtime.Version(), "go1.27") >= 0
}

// removedFatal is the fatal error with which a Go 1.27 program stops at
// startup when its environment sets asynctimerchan to one of its old
// values.
func removedFatal(value string) string {
	return fmt.Sprintf("fatal error: removed GODEBUG \"asynctimerchan\" set to old value %q in environment (https://go.dev/doc/godebug#go-127)", value)
}

// childLimit bounds every child process in this file. The slowest, a
// go build on a busy machine, takes a second or two, so a child still
// running after this has hung.
const childLimit = 30 * time.Second

// run runs the program name with args in dir, with env added to this
// process's environment, kills it after childLimit, and returns its combined
// output and error. A child that had to be killed fails the test, naming
// what it was run for.
func run(t *testing.T, what, dir string, env []string, name string, args ...string) (string, error) {
	t.Helper()
	ctx, cancel := context.WithTimeout(t.Context(), childLimit)
	defer cancel()
	cmd := exec.CommandContext(ctx, name, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), env...)
	cmd.WaitDelay = time.Second
	out, err := cmd.CombinedOutput()
	if ctx.Err() != nil {
		t.Fatalf("hung: %s: %s did not exit within %v\noutput:\n%s", what, strings.Join(cmd.Args, " "), childLimit, out)
	}
	return string(out), err
}

// asyncChildEnv marks the child process of TestGODEBUGAsyncTimerChan that
// runs under GODEBUG=asynctimerchan=1.
const asyncChildEnv = "GOPRIMER_TIMER_ASYNC_CHILD"

// TestGODEBUGAsyncTimerChan starts this test binary again as a child
// process with GODEBUG=asynctimerchan=1, the setting that a main module
// whose go.mod says go 1.22 or earlier gets by default.
//
// On Go 1.26 the child gets the pre-1.23 timers and checks them.
// testing/synctest refuses to run under that setting, so the child uses the
// real clock, for a few milliseconds, with GOMAXPROCS=1: the runtime then
// runs due timers in order of their expiry, so a timer of 1ms has fired
// before a wait of 5ms ends.
//
// On Go 1.27 the runtime refuses to start a program whose environment sets
// asynctimerchan to 1 or 2, its old values, and accepts 0, the final one.
func TestGODEBUGAsyncTimerChan(t *testing.T) {
	if asyncTimerChanRemoved() {
		exe, err := os.Executable()
		require.NoError(t, err)
		for _, value := range []string{"1", "2"} {
			t.Run("Go 1.27: asynctimerchan="+value+" is a fatal error at startup", func(t *testing.T) {
				cmd := exec.Command(exe, "-test.run=^$")
				cmd.Env = append(os.Environ(), "GODEBUG=asynctimerchan="+value)
				crashtest.Expect(t, cmd, removedFatal(value))
			})
		}
		t.Run("Go 1.27: asynctimerchan=0 starts, with the new timers", func(t *testing.T) {
			env := []string{"GODEBUG=asynctimerchan=0", "GORACE=" + os.Getenv("GORACE") + " atexit_sleep_ms=0"}
			out, err := run(t, "a child with GODEBUG=asynctimerchan=0", "", env,
				exe, "-test.run=^TestTimerChannelIsUnbuffered$", "-test.count=1", "-test.v")
			require.NoError(t, err, "the child with GODEBUG=asynctimerchan=0 failed:\n%s", out)
			require.Contains(t, out, "--- PASS: TestTimerChannelIsUnbuffered", "the child with GODEBUG=asynctimerchan=0 did not pass the test of the unbuffered channel")
		})
		return
	}

	subtests := []struct {
		name string
		body func(t *testing.T)
	}{
		{"the channel has capacity 1", func(t *testing.T) {
			timer := time.NewTimer(time.Hour)
			defer timer.Stop()
			require.Equal(t, 1, cap(timer.C), "cap(timer.C) under asynctimerchan=1; want 1")
		}},
		{"an expired timer's value waits in the buffer, Stop returns false, and the drain takes the value", func(t *testing.T) {
			timer := time.NewTimer(time.Millisecond)
			<-time.After(5 * time.Millisecond)
			require.Equal(t, 1, len(timer.C), "len(timer.C) after expiry; want 1, the buffered value")
			require.False(t, timer.Stop(), "Stop after expiry; want false under the old rules")
			_, received := tryReceive(timer.C)
			require.True(t, received, "the drain after Stop found no value; want the buffered one")
		}},
		{"once the value was received, or after an earlier Stop, Stop returns false and the drain blocks", func(t *testing.T) {
			received := time.NewTimer(time.Millisecond)
			<-received.C
			stopped := time.NewTimer(time.Hour)
			stopped.Stop()
			require.False(t, received.Stop(), "Stop after the value was received; want false")
			require.False(t, stopped.Stop(), "Stop after an earlier Stop; want false")
			// Both timers are one-shot and done, so nothing will ever send
			// on their channels: the drain's receive waits for ever. The
			// child gives it a few milliseconds.
			select {
			case <-received.C:
				t.Fatal("the drain received a second value from a timer whose value was already received")
			case <-stopped.C:
				t.Fatal("the drain received a value from a stopped timer")
			case <-time.After(5 * time.Millisecond):
			}
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
	env := []string{
		asyncChildEnv + "=1",
		"GODEBUG=asynctimerchan=1",
		"GOMAXPROCS=1",
		"GORACE=" + os.Getenv("GORACE") + " atexit_sleep_ms=0", // a race-enabled child would sleep 1s at exit
	}
	out, err := run(t, "the checks of the old timers under GODEBUG=asynctimerchan=1", "", env,
		exe, "-test.run=^"+t.Name()+"$", "-test.count=1", "-test.v")
	require.NoError(t, err, "the child with GODEBUG=asynctimerchan=1 failed:\n%s", out)
	for _, st := range subtests {
		pass := "--- PASS: " + t.Name() + "/" + strings.ReplaceAll(st.name, " ", "_")
		require.Contains(t, out, pass, "the child did not pass %q", st.name)
	}
}

// timerProgram prints the capacity of a timer's channel: 1 for the
// pre-1.23 timers, 0 for the new ones. It is written for go 1.22, the
// oldest go line below.
const timerProgram = `package main

import (
	"os"
	"strconv"
	"time"
)

func main() {
	os.Stdout.WriteString(strconv.Itoa(cap(time.NewTimer(time.Hour).C)))
}
`

// TestGoLineChoosesTheTimerRules writes small modules to a temporary
// directory and asks the go command of the toolchain that built this test
// which default for asynctimerchan it would build into their main packages
// (go list's DefaultGODEBUG lists only the settings that differ from the
// toolchain's own defaults). The programs of the first module are built and
// run as well, to show the timers that a default gives.
//
// On Go 1.26 the go line of the main module chooses: go 1.22 gets the old
// timers unless a //go:debug directive says otherwise, and a go 1.23 or
// later module gets the new ones whatever its dependencies say. A
// //go:debug directive or a godebug line in go.mod can ask for the old
// ones. On Go 1.27 every program gets the new timers: the go line no longer
// sets asynctimerchan, and asking for an old value is a build error.
func TestGoLineChoosesTheTimerRules(t *testing.T) {
	goVersion, err := run(t, "go env GOVERSION", "", nil, "go", "env", "GOVERSION")
	require.NoError(t, err, "go env GOVERSION:\n%s", goVersion)
	require.Equal(t, runtime.Version(), strings.TrimSpace(goVersion),
		"the go command on PATH is this release; want the one that built this test, so that it applies the same rules")

	// outcome is what the go command makes of a module on one release.
	type outcome struct {
		setting    map[string]string // main package directory: its default asynctimerchan, "" for none
		capC       map[string]int    // if set, the programs are built and run: the cap(C) each prints
		listError  string            // if set, the line with which go list fails
		buildError string            // if set, the line with which go build fails
	}
	const removed = `removed GODEBUG "asynctimerchan" set to old value "1" (https://go.dev/doc/godebug#go-127)`
	modules := []struct {
		name  string
		gomod string
		files map[string]string // file name: contents
		on126 outcome
		on127 outcome
	}{
		{
			name:  "a go 1.22 module, and a //go:debug asynctimerchan=0 directive in it",
			gomod: "go 1.22\n",
			files: map[string]string{
				"plain/main.go":     timerProgram,
				"directive/main.go": "//go:debug asynctimerchan=0\n\n" + timerProgram,
			},
			on126: outcome{
				setting: map[string]string{"plain": "1", "directive": "0"},
				capC:    map[string]int{"plain": 1, "directive": 0},
			},
			on127: outcome{
				setting: map[string]string{"plain": "", "directive": "0"},
				capC:    map[string]int{"plain": 0, "directive": 0},
			},
		},
		{
			name:  "a go 1.26.0 module that requires a go 1.22 one: the dependency's go line plays no part",
			gomod: "go 1.26.0\n\nrequire example.com/dep v0.0.0\n\nreplace example.com/dep => ./dep\n",
			files: map[string]string{
				"dep/go.mod":  "module example.com/dep\n\ngo 1.22\n",
				"dep/dep.go":  "package dep\n",
				"app/main.go": "package main\n\nimport _ \"example.com/dep\"\n\nfunc main() {}\n",
			},
			on126: outcome{setting: map[string]string{"app": ""}},
			on127: outcome{setting: map[string]string{"app": ""}},
		},
		{
			name:  "a go 1.26.0 module with a //go:debug asynctimerchan=1 directive",
			gomod: "go 1.26.0\n",
			files: map[string]string{"app/main.go": "//go:debug asynctimerchan=1\n\npackage main\n\nfunc main() {}\n"},
			on126: outcome{setting: map[string]string{"app": "1"}},
			// go list does not check the directive, go build does.
			on127: outcome{
				setting:    map[string]string{"app": ""},
				buildError: "app/main.go:1:1: invalid //go:debug: " + removed,
			},
		},
		{
			name:  "a go 1.26.0 module whose go.mod says godebug asynctimerchan=1",
			gomod: "go 1.26.0\n\ngodebug asynctimerchan=1\n",
			files: map[string]string{"app/main.go": "package main\n\nfunc main() {}\n"},
			on126: outcome{setting: map[string]string{"app": "1"}},
			on127: outcome{listError: "go.mod:5: " + removed, buildError: "go.mod:5: " + removed},
		},
	}
	for _, m := range modules {
		t.Run(m.name, func(t *testing.T) {
			t.Parallel()
			want, release := m.on126, runtime.Version()
			if asyncTimerChanRemoved() {
				want = m.on127
			}

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
			goCommand := func(args ...string) (string, error) {
				// A module of its own, built by this toolchain, offline.
				env := []string{"GOWORK=off", "GOFLAGS=", "GOTOOLCHAIN=local", "GOPROXY=off"}
				return run(t, "go "+args[0], dir, env, "go", args...)
			}

			if want.listError != "" {
				out, err := goCommand("list", "./...")
				require.Error(t, err, "go list succeeded on %s; want it to fail with %q\n%s", release, want.listError, out)
				require.Contains(t, out, want.listError, "go list failed on %s, but not with the error wanted", release)
			}

			if want.setting != nil {
				out, err := goCommand("list", "-f", "{{.ImportPath}} {{.DefaultGODEBUG}}", "./...")
				require.NoError(t, err, "go list failed on %s:\n%s", release, out)
				got := map[string]string{}
				for line := range strings.Lines(out) {
					pkg, settings, _ := strings.Cut(strings.TrimSpace(line), " ")
					name := strings.TrimPrefix(pkg, "example.com/app/")
					got[name] = ""
					for setting := range strings.SplitSeq(settings, ",") {
						if v, ok := strings.CutPrefix(setting, "asynctimerchan="); ok {
							got[name] = v
						}
					}
				}
				require.Equal(t, want.setting, got, "asynctimerchan by main package on %s (\"\" for none), with go.mod saying %q; go list printed:\n%s", release, m.gomod, out)
			}

			if want.buildError != "" {
				out, err := goCommand("build", "-o", os.DevNull, "./...")
				require.Error(t, err, "go build succeeded on %s; want it to fail with %q\n%s", release, want.buildError, out)
				require.Contains(t, out, want.buildError, "go build failed on %s, but not with the error wanted", release)
			}

			if want.capC != nil {
				got := map[string]int{}
				for name := range want.capC {
					// go run keeps what it links in the build cache, and
					// -trimpath keeps this test's temporary directory out
					// of the build; -exec cp copies the program out.
					bin := filepath.Join(dir, name+".bin")
					out, err := goCommand("run", "-trimpath", "-exec", "cp", "./"+name, bin)
					require.NoError(t, err, "go run ./%s failed on %s:\n%s", name, release, out)
					out, err = run(t, "a program that prints cap(C)", "", []string{"GODEBUG="}, bin)
					require.NoError(t, err, "%s failed:\n%s", name, out)
					got[name], err = strconv.Atoi(out)
					require.NoError(t, err, "%s printed %q; want a number", name, out)
				}
				require.Equal(t, want.capC, got, "cap(C) by program on %s, with go.mod saying %q", release, m.gomod)
			}
		})
	}
}
