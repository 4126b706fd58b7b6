// Package mixed is a fixture of lesson's tests: a package whose test files
// hold examples, tests, or both.
package mixed

// Greeting is what the examples print.
const Greeting = "hello"
