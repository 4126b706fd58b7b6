package main

// End-to-end tests: these build and run programs with the go command.
// They are few, and each is bounded: a child that hangs is killed and
// the test fails, naming what hung.

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/mod/module"
	modzip "golang.org/x/mod/zip"

	"github.com/goprimer/concurrency/internal/lesson"
)

// childLimit bounds every child process of these tests.
const childLimit = 90 * time.Second

// self returns a command that runs this test binary as primer (see
// TestMain), over the fixtures ("fixtures") or this module ("module").
func self(t *testing.T, ctx context.Context, as string, args ...string) *exec.Cmd {
	t.Helper()
	cmd := exec.CommandContext(ctx, os.Args[0], args...)
	cmd.Env = append(os.Environ(), "PRIMER_TEST_AS="+as, "PRIMER_TEST_ROOT="+mustAbs(t, "testdata"))
	cmd.WaitDelay = time.Second
	return cmd
}

func mustAbs(t *testing.T, path string) string {
	t.Helper()
	abs, err := filepath.Abs(path)
	require.NoError(t, err)
	return abs
}

// TestExamplesBuildAndRunForReal builds a section of two examples and
// runs them: one keeps the promise of its // Output: comment, one not.
func TestExamplesBuildAndRunForReal(t *testing.T) {
	t.Parallel()
	c, stdout, stderr := testCommand(t, "testdata", fixtures, realExec{})
	require.Equal(t, 1, c.run(t.Context(), []string{"mismatch"}), "exit status; stderr:\n%s", stderr)
	assert.Contains(t, stdout.String(), "Output (ran now; DOES NOT MATCH its verified // Output:):\n    what it prints\n\nWant:\n    what it promises\n")
	assert.Contains(t, stdout.String(), "Output (ran now; matches its verified // Output:):\n    as promised\n")
}

// TestCtrlCLeavesNoFileBehind interrupts primer while an example runs,
// traced: it must stop the example, remove its temporary directory with
// the traces in it, and exit 130.
func TestCtrlCLeavesNoFileBehind(t *testing.T) {
	t.Parallel()
	ctx, cancel := context.WithTimeout(t.Context(), childLimit)
	defer cancel()
	tmp := t.TempDir()
	var stderr bytes.Buffer
	cmd := self(t, ctx, "fixtures", "-timeline", "hang")
	cmd.Env = append(cmd.Env, "TMPDIR="+tmp)
	cmd.Stderr = &stderr
	require.NoError(t, cmd.Start())
	// The program is built when its binary appears; Example_hangs runs
	// until it is stopped (the limit is 30 s).
	built := false
	for !built && ctx.Err() == nil {
		matches, _ := filepath.Glob(filepath.Join(tmp, "primer-*", "program"))
		built = len(matches) > 0
		time.Sleep(10 * time.Millisecond)
	}
	require.True(t, built, "primer built its program within %v; stderr:\n%s", childLimit, &stderr)
	require.NoError(t, cmd.Process.Signal(os.Interrupt))
	err := cmd.Wait()
	require.NoError(t, ctx.Err(), "primer exited within %v of Ctrl-C", childLimit)
	var exit *exec.ExitError
	require.ErrorAs(t, err, &exit, "stderr:\n%s", &stderr)
	assert.Equal(t, 130, exit.ExitCode(), "exit status; stderr:\n%s", &stderr)
	assert.Equal(t, "primer: interrupted\n", stderr.String())
	left, err := os.ReadDir(tmp)
	require.NoError(t, err)
	assert.Empty(t, left, "files left in TMPDIR after Ctrl-C")
}

// snapshot lists every file and directory under root with its mode and
// modification time, and each file's hash.
func snapshot(t *testing.T, root string) string {
	t.Helper()
	var b strings.Builder
	require.NoError(t, filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		// A file written and removed again leaves its directory's
		// modification time changed.
		fmt.Fprintf(&b, "%s %v %v", path, info.Mode(), info.ModTime().UnixNano())
		if d.Type().IsRegular() {
			data, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			fmt.Fprintf(&b, " %x", sha256.Sum256(data))
		}
		b.WriteByte('\n')
		return nil
	}))
	return b.String()
}

// TestPrimerWritesNothingIntoTheModule runs primer in a read-only copy of
// the module. As root, writes would succeed, so the test compares the tree
// before and after instead of relying on permission errors.
func TestPrimerWritesNothingIntoTheModule(t *testing.T) {
	t.Parallel()
	copyDir := keptReadOnlyCopy(t, mustAbs(t, "../.."))
	before := snapshot(t, copyDir)

	ctx, cancel := context.WithTimeout(t.Context(), childLimit)
	defer cancel()
	cmd := self(t, ctx, "module", "-run", "^ExampleHandle$", "ctxdemo")
	cmd.Dir = filepath.Join(copyDir, "channel") // anywhere in the clone
	out, err := cmd.CombinedOutput()
	require.NoError(t, ctx.Err(), "primer finished within %v", childLimit)
	require.NoError(t, err, "%s", out)
	assert.Contains(t, string(out), "Output (ran now; matches its verified // Output:):\n")
	assert.Equal(t, before, snapshot(t, copyDir), "the module's tree after primer ran in it")
}

// keptReadOnlyCopy returns a read-only copy of the module's tree at root,
// kept between runs in the user's cache directory under the tree's hash,
// so that a tree is copied once rather than on every run. A new copy each
// run cost twice: copying the tree's files took 0.4 s, and primer's
// program, whose build information records the directory its module is
// replaced with, was linked again (0.7 s). A copy that no longer hashes
// as the tree does is made again; copies of other trees unused for a day
// are removed.
func keptReadOnlyCopy(t *testing.T, root string) string {
	t.Helper()
	cache, err := os.UserCacheDir()
	require.NoError(t, err)
	trees := filepath.Join(cache, "goprimer-concurrency-test", "trees")
	require.NoError(t, os.MkdirAll(trees, 0o755))
	hash := treeHash(t, root)[:12]
	dir := filepath.Join(trees, hash)
	copyDir := filepath.Join(dir, "concurrency")
	if _, err := os.Stat(copyDir); err == nil && treeHash(t, copyDir)[:12] != hash {
		// A failed run left it changed: the test's own snapshot caught
		// that then. Copy afresh.
		makeWritable(dir)
		require.NoError(t, os.RemoveAll(dir))
	}
	if _, err := os.Stat(copyDir); err != nil {
		// Made aside and renamed into place, so that a run of the same
		// tree at the same time never sees half a copy.
		tmp, err := os.MkdirTemp(trees, "new-")
		require.NoError(t, err)
		copyReadOnly(t, filepath.Join(tmp, "concurrency"), root)
		if err := os.Rename(tmp, dir); err != nil {
			makeWritable(tmp)
			os.RemoveAll(tmp)
			_, statErr := os.Stat(copyDir)
			require.NoError(t, statErr, "the kept copy, after %v", err)
		}
	}
	now := time.Now()
	require.NoError(t, os.Chtimes(dir, now, now), "marking the kept copy used")
	others, err := os.ReadDir(trees)
	require.NoError(t, err)
	for _, other := range others {
		if info, err := other.Info(); err == nil && other.Name() != hash && now.Sub(info.ModTime()) > 24*time.Hour {
			makeWritable(filepath.Join(trees, other.Name()))
			require.NoError(t, os.RemoveAll(filepath.Join(trees, other.Name())))
		}
	}
	return copyDir
}

// copyReadOnly copies the module's tree at root to dir, leaving out the
// repository's .git, and takes away every write permission.
func copyReadOnly(t *testing.T, dir, root string) {
	t.Helper()
	require.NoError(t, filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && d.Name() == ".git" {
			return filepath.SkipDir
		}
		rel, err := filepath.Rel(root, path)
		if err != nil {
			return err
		}
		target := filepath.Join(dir, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		return os.WriteFile(target, data, 0o644)
	}))
	require.NoError(t, filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		return os.Chmod(path, info.Mode().Perm()&^0o222)
	}))
}

// treeHash returns the SHA-256, in hex, of the names and contents of the
// files under root, the repository's .git left out.
func treeHash(t *testing.T, root string) string {
	t.Helper()
	h := sha256.New()
	require.NoError(t, filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && d.Name() == ".git" {
			return filepath.SkipDir
		}
		if !d.Type().IsRegular() {
			return nil
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(root, path)
		if err != nil {
			return err
		}
		fmt.Fprintf(h, "%s\x00%d\x00", filepath.ToSlash(rel), len(data))
		h.Write(data)
		return nil
	}))
	return hex.EncodeToString(h.Sum(nil))
}

// keptModCache returns a module cache kept between runs of the proxy test,
// in the user's cache directory, so that the modules primer needs (this
// one, golang.org/x/exp and golang.org/x/mod) are unpacked once rather
// than on every run, which took a second or more. Every version of this
// module but the one the test serves is removed from it first, so it holds
// one copy of the tree at most.
func keptModCache(t *testing.T, version string) string {
	t.Helper()
	cache, err := os.UserCacheDir()
	require.NoError(t, err)
	dir := filepath.Join(cache, "goprimer-concurrency-test", "modcache")
	escaped, err := module.EscapePath(lesson.Module)
	require.NoError(t, err)
	unpacked, err := filepath.Glob(filepath.Join(dir, filepath.FromSlash(escaped)+"@*"))
	require.NoError(t, err)
	downloads, err := filepath.Glob(filepath.Join(dir, "cache", "download", filepath.FromSlash(escaped), "@v", "*"))
	require.NoError(t, err)
	for _, old := range append(unpacked, downloads...) {
		base := filepath.Base(old)
		if base == lesson.Module[strings.LastIndex(lesson.Module, "/")+1:]+"@"+version || strings.HasPrefix(base, version+".") || base == "list" {
			continue
		}
		makeWritable(old)
		require.NoError(t, os.RemoveAll(old))
	}
	return dir
}

// makeWritable gives the owner write permission on everything under
// root, so that it can be removed.
func makeWritable(root string) {
	filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err == nil {
			if info, err := d.Info(); err == nil {
				os.Chmod(path, info.Mode().Perm()|0o200)
			}
		}
		return nil
	})
}

// TestGoRunFromTheModuleProxyWorksFromAnywhere serves this module from a
// file:// proxy that the test writes, and runs primer as a user without a
// clone would: go run MODULE/cmd/primer@VERSION, in an empty directory,
// offline (every other module comes from the module cache's downloads).
// Its module cache is its own, kept between runs in the user's cache
// directory (see keptModCache), never the user's GOMODCACHE.
func TestGoRunFromTheModuleProxyWorksFromAnywhere(t *testing.T) {
	t.Parallel()
	tmp := t.TempDir()
	// The version names the module's contents: a pseudo-version whose
	// revision is the start of the tree's hash. The same tree is the same
	// version, which a module cache kept between runs (see keptModCache)
	// holds already; a changed tree is a new one. So the first run of a
	// tree downloads it through the proxy, and a later run finds it in the
	// cache, as a user's second go run does; the proxy then serves no
	// zip, which spares zipping the tree (slow under -race).
	version := "v0.0.0-20000101000000-" + treeHash(t, mustAbs(t, "../.."))[:12]
	modcache := keptModCache(t, version)
	proxy := filepath.Join(tmp, "proxy")
	at := filepath.Join(proxy, filepath.FromSlash(lesson.Module), "@v")
	require.NoError(t, os.MkdirAll(at, 0o755))
	escaped, err := module.EscapePath(lesson.Module)
	require.NoError(t, err)
	gomod, err := os.ReadFile("../../go.mod")
	require.NoError(t, err)
	files := map[string][]byte{
		// go run asks for the list and the latest go.mod every time, to
		// look for a deprecation.
		"list":            []byte(version + "\n"),
		version + ".info": fmt.Appendf(nil, `{"Version":%q,"Time":"2000-01-01T00:00:00Z"}`, version),
		version + ".mod":  gomod,
	}
	if _, err := os.Stat(filepath.Join(modcache, "cache", "download", filepath.FromSlash(escaped), "@v", version+".zip")); err != nil {
		var zipped bytes.Buffer
		require.NoError(t, modzip.CreateFromDir(&zipped, module.Version{Path: lesson.Module, Version: version}, mustAbs(t, "../..")))
		files[version+".zip"] = zipped.Bytes()
	}
	for name, data := range files {
		require.NoError(t, os.WriteFile(filepath.Join(at, name), data, 0o644))
	}

	goenv, err := exec.Command("go", "env", "GOMODCACHE", "GOPROXY").Output()
	require.NoError(t, err)
	cache, upstream, _ := strings.Cut(strings.TrimSpace(string(goenv)), "\n")
	empty := filepath.Join(tmp, "anywhere")
	require.NoError(t, os.Mkdir(empty, 0o755))

	ctx, cancel := context.WithTimeout(t.Context(), childLimit)
	defer cancel()
	cmd := exec.CommandContext(ctx, "go", "run", "-trimpath", lesson.Module+"/cmd/primer@"+version, "-run", "^ExampleHandle$", "ctxdemo")
	cmd.Dir = empty
	cmd.Env = append(os.Environ(),
		"GOPROXY=file://"+filepath.ToSlash(proxy)+",file://"+filepath.ToSlash(filepath.Join(cache, "cache", "download"))+","+upstream,
		"GOMODCACHE="+modcache,
		"GOSUMDB=off", "GONOSUMDB="+lesson.Module, "GOFLAGS=-mod=mod", "GOWORK=off", "GOTOOLCHAIN=local",
		"TMPDIR="+tmp,
	)
	cmd.WaitDelay = time.Second
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	cmd.Cancel = func() error { return syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL) }
	out, err := cmd.CombinedOutput()
	require.NoError(t, ctx.Err(), "go run finished within %v; output:\n%s", childLimit, out)
	require.NoError(t, err, "%s", out)
	assert.Contains(t, string(out), "\nOutput (ran now; matches its verified // Output:):\n    profile for req-42\n")
	assert.Contains(t, string(out), "go run "+lesson.Module+"/cmd/primer@"+version+" -run NAME ctxdemo", "the hint says how primer was run")
	left, err := filepath.Glob(filepath.Join(tmp, "primer-*"))
	require.NoError(t, err)
	assert.Empty(t, left, "primer's temporary directories after it exited")
}
