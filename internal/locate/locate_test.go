package locate_test

import (
	"os"
	"path/filepath"
	"runtime/debug"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.uber.org/goleak"
	"golang.org/x/mod/module"

	"github.com/goprimer/concurrency/internal/lesson"
	"github.com/goprimer/concurrency/internal/locate"
)

func TestMain(m *testing.M) {
	goleak.VerifyTestMain(m)
}

func TestCloneIsFoundFromAnyDirectoryInIt(t *testing.T) {
	root, err := filepath.Abs("../..")
	require.NoError(t, err)
	for _, dir := range []string{".", "../..", "../../channel"} {
		got, err := locate.Clone(dir)
		require.NoError(t, err, dir)
		assert.Equal(t, root, got, "clone containing %s", dir)
	}
}

func TestOutsideACloneTheErrorSaysWhatToRun(t *testing.T) {
	dir := t.TempDir()
	// A go.mod of another module does not count.
	require.NoError(t, os.WriteFile(filepath.Join(dir, "go.mod"), []byte("module example.com/other\n"), 0o644))
	_, err := locate.Clone(dir)
	assert.EqualError(t, err, dir+" is not inside a clone of "+lesson.Module+"; run primer from a clone, or from anywhere as go run "+lesson.Module+"/cmd/primer@latest")
}

func TestABuildFromACloneIsNotLocatedInTheModuleCache(t *testing.T) {
	// A clone's build has no checksum for its main module.
	info := &debug.BuildInfo{Main: debug.Module{Path: lesson.Module, Version: "(devel)"}}
	_, ok, err := locate.FromBuildInfo(t.Context(), info)
	assert.False(t, ok)
	assert.NoError(t, err)
}

func TestABuildFromTheModuleCacheIsLocatedThere(t *testing.T) {
	cache := t.TempDir()
	t.Setenv("GOMODCACHE", cache)
	m := module.Version{Path: lesson.Module, Version: "v1.2.3-Pre"}
	// The cache escapes upper-case letters.
	dir := filepath.Join(cache, "github.com", "goprimer", "concurrency@v1.2.3-!pre")
	require.NoError(t, os.MkdirAll(dir, 0o755))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "go.mod"), []byte("module "+lesson.Module+"\n"), 0o644))
	info := &debug.BuildInfo{Main: debug.Module{Path: m.Path, Version: m.Version, Sum: "h1:x"}}
	got, ok, err := locate.FromBuildInfo(t.Context(), info)
	require.NoError(t, err)
	assert.True(t, ok)
	assert.Equal(t, dir, got)
}
