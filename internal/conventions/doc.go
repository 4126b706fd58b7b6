// Package conventions holds the test that keeps every section package of
// this module to the conventions readers rely on: a package doc of
// substance, examples that pkg.go.dev shows, runs and can make playable, a
// watchdog over every example so that a hang fails in seconds, and a
// goroutine leak check around every test binary.
package conventions
