package ctxdemo_test

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

func TestANilParentPanics(t *testing.T) {
	const msg = "cannot create context from nil parent"
	type key struct{}
	var parent context.Context // nil: e.g. a field nobody set
	constructors := map[string]func(){
		"WithCancel":        func() { _, cancel := context.WithCancel(parent); cancel() },
		"WithCancelCause":   func() { _, cancel := context.WithCancelCause(parent); cancel(nil) },
		"WithDeadline":      func() { _, cancel := context.WithDeadline(parent, time.Now()); cancel() },
		"WithDeadlineCause": func() { _, cancel := context.WithDeadlineCause(parent, time.Now(), nil); cancel() },
		"WithTimeout":       func() { _, cancel := context.WithTimeout(parent, time.Second); cancel() },
		"WithTimeoutCause":  func() { _, cancel := context.WithTimeoutCause(parent, time.Second, nil); cancel() },
		"WithValue":         func() { _ = context.WithValue(parent, key{}, "v") },
		"WithoutCancel":     func() { _ = context.WithoutCancel(parent) },
	}
	for name, f := range constructors {
		t.Run(name, func(t *testing.T) {
			require.PanicsWithValue(t, msg, f)
		})
	}
}

func TestANilKeyPanics(t *testing.T) {
	require.PanicsWithValue(t, "nil key", func() {
		_ = context.WithValue(t.Context(), nil, "v")
	})
}

func TestANonComparableKeyPanics(t *testing.T) {
	type withSlice struct{ parts []string }
	keys := map[string]any{
		"slice":                 []string{"k"},
		"map":                   map[string]int{},
		"func":                  func() {},
		"struct holding slices": withSlice{parts: []string{"k"}},
	}
	for name, key := range keys {
		t.Run(name, func(t *testing.T) {
			require.PanicsWithValue(t, "key is not comparable", func() {
				_ = context.WithValue(t.Context(), key, "v")
			})
		})
	}
}
