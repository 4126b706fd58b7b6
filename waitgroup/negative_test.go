package waitgroup_test

import (
	"sync"
	"testing"

	"github.com/stretchr/testify/require"
)

// The panic value is the string itself, not an error: PanicsWithValue
// compares it with ==, so an error holding the same text would fail.
const negativeCounter = "sync: negative WaitGroup counter"

func TestNegativeCounterPanics(t *testing.T) {
	t.Run("Done on an empty WaitGroup", func(t *testing.T) {
		var wg sync.WaitGroup
		require.PanicsWithValue(t, negativeCounter, wg.Done)
	})

	t.Run("one Done more than Add", func(t *testing.T) {
		var wg sync.WaitGroup
		wg.Add(2)
		wg.Done()
		wg.Done()
		require.PanicsWithValue(t, negativeCounter, wg.Done)
	})

	t.Run("Add with a delta below the counter", func(t *testing.T) {
		var wg sync.WaitGroup
		wg.Add(1)
		require.PanicsWithValue(t, negativeCounter, func() { wg.Add(-2) })
	})
}
