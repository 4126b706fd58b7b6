// Package broken has a second package comment.
package broken

// Helper is here so the package is not empty.
func Helper() int { return 1 }
