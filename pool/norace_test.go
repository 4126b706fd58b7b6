//go:build !race

package pool_test

// raceEnabled reports whether the test binary was built with -race. Without
// it, Put keeps every item, and the tests expect exact reuse.
const raceEnabled = false
