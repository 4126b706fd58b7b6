// Package mismatch has an example whose output comment is wrong.
package mismatch
