package ctxdemo_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/goprimer/concurrency/internal/vettest"
)

// TestVetReportsALostCancel runs go vet on testdata/lostcancel, where a
// cancel function is discarded once and forgotten on one path once, and
// checks that vet's lostcancel analyzer reports exactly those lines, and
// nothing about the deferred cancel beside them.
func TestVetReportsALostCancel(t *testing.T) {
	t.Parallel() // runs go vet, which takes a while: overlap it with the other tests
	diags := vettest.Check(t, "testdata/lostcancel")
	require.Len(t, diags, 3, "diagnostics: %v", diags)
	for _, d := range diags {
		require.Equal(t, "lostcancel", d.Analyzer, "analyzer of %v", d)
	}
}
