package pool_test

import (
	"reflect"
	"runtime"
	"sync"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/goprimer/concurrency/internal/vettest"
)

// TestCopyingAPoolIsReportedByVet proves P5's tool: go vet on
// testdata/copylocks, which copies a Pool through a value receiver, a
// by-value parameter, an assignment and a range variable, reports exactly
// those four lines, all from the copylocks analyzer.
func TestCopyingAPoolIsReportedByVet(t *testing.T) {
	t.Parallel()
	diags := vettest.Check(t, "testdata/copylocks")
	require.Len(t, diags, 4, "P5: vet diagnostics for testdata/copylocks")
	for _, d := range diags {
		require.Equal(t, "copylocks", d.Analyzer, "P5: analyzer reporting %s", d)
	}
}

// TestACopiedPoolSharesItsOriginalsItems proves why P5 matters: nothing
// stops a copy at run time, and it misbehaves. The first Get registers a
// Pool with the garbage collector and gives it per-P caches; a copy taken
// after that points at the same caches but is not registered. So an item
// Put into the copy comes out of the original, and the GC, which empties
// only registered Pools, never empties the copy.
//
// The test copies with reflect, which vet cannot see. In a race build Put
// may drop the items, and the test then accepts nil.
func TestACopiedPoolSharesItsOriginalsItems(t *testing.T) {
	onePNoAutoGC(t)
	var orig sync.Pool
	require.Nil(t, orig.Get(), "P5: Get on a new Pool") // first use

	var cp sync.Pool
	reflect.ValueOf(&cp).Elem().Set(reflect.ValueOf(&orig).Elem()) // cp = orig, hidden from vet

	x := &item{name: "put into the copy"}
	cp.Put(x)
	requireKept(t, orig.Get(), any(x), "P5: Get on the original after Put on the copy")

	y := &item{name: "left in the copy"}
	cp.Put(y)
	for range 3 {
		runtime.GC()
	}
	require.Nil(t, orig.Get(), "P5: Get on the original after three GCs")
	requireKept(t, cp.Get(), any(y), "P5: Get on the copy after three GCs")
}
