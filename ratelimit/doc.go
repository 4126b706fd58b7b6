// Package ratelimit is a runnable lesson on rate limiting: pacing events
// with a ticker, allowing bursts with a channel of tokens ([Tokens]), and
// the token bucket of golang.org/x/time/rate.
package ratelimit
