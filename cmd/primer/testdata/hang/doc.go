// Package hang has an example that never returns.
package hang
