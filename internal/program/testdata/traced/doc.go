// Package traced has examples for the tests of a traced program: one
// hands a value from a goroutine to main, one panics.
package traced
