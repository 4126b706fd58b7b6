// Package semaphoredemo is a placeholder.
package semaphoredemo
