package semaphoredemo_test

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
	"golang.org/x/sync/semaphore"
)

// TestReleaseMoreThanHeldPanics checks the misuse part of SM1 with the exact
// message of golang.org/x/sync v0.25.0, and what the panic leaves behind.
// Release subtracts before it checks, and the panic does not undo the
// subtraction: the count stays below zero, so a recovered program carries on
// with a semaphore that admits more than its size.
func TestReleaseMoreThanHeldPanics(t *testing.T) {
	t.Run("the panic and its message", func(t *testing.T) {
		sem := semaphore.NewWeighted(2)
		require.PanicsWithValue(t, "semaphore: released more than held", func() { sem.Release(1) },
			"Release(1) of an idle Weighted(2) (SM1)")
	})

	t.Run("after the panic the semaphore admits more than its size", func(t *testing.T) {
		sem := semaphore.NewWeighted(2)
		require.True(t, sem.TryAcquire(1))
		require.PanicsWithValue(t, "semaphore: released more than held", func() { sem.Release(2) },
			"Release(2) with 1 held (SM1)")
		require.True(t, sem.TryAcquire(3), "TryAcquire(3) of a Weighted(2) after the recovered panic: want true, the count was left at -1 (SM1)")
	})

	t.Run("it counts weight, not owners: another goroutine may release", func(t *testing.T) {
		sem := semaphore.NewWeighted(1)
		require.True(t, sem.TryAcquire(1))
		released := make(chan any, 1)
		go func() {
			defer func() { released <- recover() }()
			sem.Release(1) // acquired by the test goroutine
		}()
		require.Nil(t, <-released, "Release(1) from a goroutine that did not acquire: want no panic")
		require.True(t, sem.TryAcquire(1), "TryAcquire(1) after the other goroutine released: want true")
		sem.Release(1)
	})
}

// TestNegativeWeightsPanic checks the other misuse panics of SM1 in the
// pinned source: a negative size or a negative n is a bug, never an error
// value.
func TestNegativeWeightsPanic(t *testing.T) {
	require.PanicsWithValue(t, "semaphore: size < 0", func() { semaphore.NewWeighted(-1) }, "NewWeighted(-1)")
	sem := semaphore.NewWeighted(1)
	require.PanicsWithValue(t, "semaphore: n < 0", func() { _ = sem.Acquire(context.Background(), -1) }, "Acquire(ctx, -1)")
	require.PanicsWithValue(t, "semaphore: n < 0", func() { sem.TryAcquire(-1) }, "TryAcquire(-1)")
	require.PanicsWithValue(t, "semaphore: n < 0", func() { sem.Release(-1) }, "Release(-1)")
	require.True(t, sem.TryAcquire(1), "TryAcquire(1) after the panics: want true, none changed the count")
	sem.Release(1)
}

// TestZeroWeightedAdmitsNothing checks, for SM1, why a Weighted is made with
// NewWeighted: the zero value has a size of 0, so every request for weight
// is refused by TryAcquire and, being larger than the size, left by Acquire
// to wait for its context.
func TestZeroWeightedAdmitsNothing(t *testing.T) {
	bubble(t, "SM1: Acquire(1) on a zero Weighted returns at the deadline", func(t *testing.T) {
		var sem semaphore.Weighted
		require.False(t, sem.TryAcquire(1), "TryAcquire(1) of a zero Weighted: want false")
		start := time.Now()
		ctx, cancel := context.WithTimeout(t.Context(), time.Second)
		defer cancel()
		require.Equal(t, context.DeadlineExceeded, sem.Acquire(ctx, 1), "Acquire(1) of a zero Weighted: want it to wait for the deadline")
		require.Equal(t, time.Second, time.Since(start), "Acquire(1) of a zero Weighted gave up at this instant; want 1s, the deadline")
	})
}
