// Package clash has examples whose programs declare the same names, one
// of them Main, and one an init function.
package clash
