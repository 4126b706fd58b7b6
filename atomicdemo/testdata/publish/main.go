// Command publish has one goroutine publish a series of configurations
// while another reads whichever is current, with nothing between them but
// the variable that holds the current one. The argument chooses that
// variable: "atomic" uses an atomic.Pointer[config], "plain" an ordinary
// *config. Each configuration is built in full before it is published and
// never changed after.
//
// TestRaceDetectorJudgesPublication builds it with -race. Built so, the
// plain form makes the race detector print "WARNING: DATA RACE" and exit
// with status 66, whichever goroutine happens to run first: nothing orders
// the writer's assignment before the reader's read. The atomic form runs
// silent: a Load that observes a Store is synchronized after it, so the
// reader sees every field the writer set before the Store.
package main

import (
	"fmt"
	"os"
	"runtime"
	"sync"
	"sync/atomic"
)

// config is immutable once published.
type config struct {
	version int
	name    string
	limits  map[string]int
}

// newConfig builds version v in full.
func newConfig(v int) *config {
	return &config{version: v, name: fmt.Sprint("v", v), limits: map[string]int{"max": v}}
}

// check reports whether c is whole: every field as newConfig set it.
func (c *config) check() error {
	if c.name != fmt.Sprint("v", c.version) || c.limits["max"] != c.version {
		return fmt.Errorf("torn config: %+v", *c)
	}
	return nil
}

// versions is how many configurations the writer publishes.
const versions = 200

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: publish atomic|plain")
		os.Exit(2)
	}
	var load func() *config
	var store func(*config)
	switch os.Args[1] {
	case "atomic":
		var cur atomic.Pointer[config]
		load, store = cur.Load, cur.Store
	case "plain":
		var cur *config
		load = func() *config { return cur }
		store = func(c *config) { cur = c }
	default:
		fmt.Fprintf(os.Stderr, "publish: unknown form %q\n", os.Args[1])
		os.Exit(2)
	}
	if err := run(load, store); err != nil {
		fmt.Fprintln(os.Stderr, "publish:", err)
		os.Exit(1)
	}
	fmt.Println("last version:", load().version)
}

// run publishes versions 1 to versions with store while another goroutine
// reads with load and checks each configuration it sees.
func run(load func() *config, store func(*config)) error {
	var wg sync.WaitGroup
	var err error  // written by the reader, read after Wait
	wg.Go(func() { // the writer
		for v := range versions {
			store(newConfig(v + 1))
			runtime.Gosched() // let the reader run between versions
		}
	})
	wg.Go(func() { // the reader
		for range versions {
			if c := load(); c != nil {
				if e := c.check(); e != nil && err == nil {
					err = e
				}
			}
			runtime.Gosched()
		}
	})
	wg.Wait()
	return err
}
