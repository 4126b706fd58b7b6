// Package locate finds the source of this module for primer: the clone
// that primer runs in, or, when primer was built from the module cache
// (go run github.com/goprimer/concurrency/cmd/primer@VERSION), that
// version's directory in the module cache. It only reads: nothing it
// finds is ever written to.
package locate

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"

	"golang.org/x/mod/modfile"
	"golang.org/x/mod/module"

	"github.com/goprimer/concurrency/internal/gocmd"
	"github.com/goprimer/concurrency/internal/lesson"
)

// Source returns the root directory of this module's source: the module
// cache's copy of the version primer was built from, if it was built from
// the module cache, or else the clone that contains dir.
func Source(ctx context.Context, dir string) (string, error) {
	if info, ok := debug.ReadBuildInfo(); ok {
		if root, ok, err := FromBuildInfo(ctx, info); ok || err != nil {
			return root, err
		}
	}
	return Clone(dir)
}

// FromBuildInfo returns the module-cache directory of the version of this
// module that info says the program was built from. It reports false if
// the program was not built from the module cache: then info's main
// module has no checksum (a clone's build) or is another module.
func FromBuildInfo(ctx context.Context, info *debug.BuildInfo) (string, bool, error) {
	m := info.Main
	if m.Path != lesson.Module || m.Sum == "" {
		return "", false, nil
	}
	root, err := Cached(ctx, module.Version{Path: m.Path, Version: m.Version})
	return root, true, err
}

// Cached returns the module cache's directory of m, downloading m into the
// cache first if it is not there.
func Cached(ctx context.Context, m module.Version) (string, error) {
	path, err := module.EscapePath(m.Path)
	if err != nil {
		return "", err
	}
	version, err := module.EscapeVersion(m.Version)
	if err != nil {
		return "", err
	}
	out, err := goOutput(ctx, "env", "GOMODCACHE")
	if err != nil {
		return "", err
	}
	root := filepath.Join(strings.TrimSpace(out), path+"@"+version)
	if isModule(root, m.Path) {
		return root, nil
	}
	// Not extracted (the cache was cleaned since primer was built):
	// go mod download extracts it and says where.
	out, err = goOutput(ctx, "mod", "download", "-json", m.String())
	if err != nil {
		return "", err
	}
	var dl struct{ Dir, Error string }
	if err := json.Unmarshal([]byte(out), &dl); err != nil {
		return "", fmt.Errorf("go mod download %s: %v", m, err)
	}
	if dl.Error != "" {
		return "", fmt.Errorf("go mod download %s: %s", m, dl.Error)
	}
	return dl.Dir, nil
}

// Clone returns the root of the clone of this module that contains dir:
// the nearest directory, from dir up, whose go.mod declares the module.
func Clone(dir string) (string, error) {
	dir, err := filepath.Abs(dir)
	if err != nil {
		return "", err
	}
	for d := dir; ; {
		if isModule(d, lesson.Module) {
			return d, nil
		}
		parent := filepath.Dir(d)
		if parent == d {
			return "", fmt.Errorf("%s is not inside a clone of %s; run primer from a clone, or from anywhere as go run %s/cmd/primer@latest", dir, lesson.Module, lesson.Module)
		}
		d = parent
	}
}

// isModule reports whether dir holds the go.mod of the module path.
func isModule(dir, path string) bool {
	data, err := os.ReadFile(filepath.Join(dir, "go.mod"))
	return err == nil && modfile.ModulePath(data) == path
}

// goOutput runs the go command with args in the current directory and
// returns its standard output.
func goOutput(ctx context.Context, args ...string) (string, error) {
	var stdout, stderr bytes.Buffer
	cmd := gocmd.Command(ctx, "", args...)
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		msg := strings.TrimSpace(stderr.String())
		if msg == "" {
			msg = err.Error()
		}
		return stdout.String(), errors.New("go " + strings.Join(args, " ") + ": " + msg)
	}
	return stdout.String(), nil
}
