// Package workerpool is a runnable lesson on bounded parallelism.
//
// # Placeholder
//
// Written last.
package workerpool
