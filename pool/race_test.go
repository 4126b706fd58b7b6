//go:build race

package pool_test

// raceEnabled reports whether the test binary was built with -race. In such
// a build, sync.Pool.Put drops one item in four at random (src/sync/pool.go,
// under race.Enabled), so a test that expects an item back must also accept
// that it was dropped.
const raceEnabled = true
