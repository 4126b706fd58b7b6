// Package cond is a runnable lesson on [sync.Cond].
package cond
