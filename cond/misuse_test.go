package cond_test

import (
	"sync"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/goprimer/concurrency/internal/crashtest"
	"github.com/goprimer/concurrency/internal/vettest"
)

// TestWaitWithoutTheLockIsFatal shows the other side of CD1: Wait begins
// by unlocking c.L, so calling it without holding c.L unlocks an unlocked
// Mutex, a fatal error that no recover can catch. It runs in a child.
func TestWaitWithoutTheLockIsFatal(t *testing.T) {
	t.Parallel()
	crashtest.Fatal(t, "fatal error: sync: unlock of unlocked mutex", func() {
		defer func() { _ = recover() }() // never gets the chance
		c := sync.NewCond(new(sync.Mutex))
		c.Wait()
	})
}

// TestCopyingACondIsReportedByVet proves the vet half of CD5: go vet's
// copylocks check reports each copy in testdata/copylocks (a value
// receiver, a by-value parameter, a range variable, an assignment and a
// return), and stays silent on the append that moves Conds to a new array.
func TestCopyingACondIsReportedByVet(t *testing.T) {
	t.Parallel()
	diags := vettest.Check(t, "testdata/copylocks")
	require.Len(t, diags, 5, "CD5: vet diagnostics for testdata/copylocks")
	for _, d := range diags {
		require.Equal(t, "copylocks", d.Analyzer, "CD5: analyzer reporting %s", d)
	}
}
