// Command onceprog runs the misuses of sync.Once that a test cannot survive
// in its own process. The argument chooses the form.
//
// Built without cgo, so that the runtime's deadlock detector can see that
// every goroutine is blocked:
//
//   - "waiter": while f runs (and never returns), a second goroutine calls
//     Do, and main waits for that call to return. Do makes it wait for f, so
//     the program dies of "all goroutines are asleep - deadlock!" with the
//     second caller parked in sync.Mutex.Lock.
//   - "recursive-do": f calls Do on its own Once, which blocks for good.
//   - "recursive-oncevalue": the function OnceValue returned is called from
//     inside its own f, which blocks the same way.
//
// Built with -race, to show that lazy initialisation needs synchronisation;
// two goroutines ask for the same lazily built value, and the program prints
// how many times it was built:
//
//   - "lazy-nilcheck": a plain if v == nil check; a data race.
//   - "lazy-casflag": an atomic flag set before the value is built, the
//     incorrect Do that sync/once.go describes; a data race.
//   - "lazy-once": sync.Once; no race.
//   - "lazy-oncevalue": sync.OnceValue; no race.
package main

import (
	"fmt"
	"os"
	"sync"
	"sync/atomic"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: onceprog waiter|recursive-do|recursive-oncevalue|lazy-nilcheck|lazy-casflag|lazy-once|lazy-oncevalue")
		os.Exit(2)
	}
	switch os.Args[1] {
	case "waiter":
		waiter()
	case "recursive-do":
		recursiveDo()
	case "recursive-oncevalue":
		recursiveOnceValue()
	case "lazy-nilcheck":
		lazy(nilCheck)
	case "lazy-casflag":
		lazy(casFlag)
	case "lazy-once":
		lazy(once)
	case "lazy-oncevalue":
		lazy(onceValue)
	default:
		fmt.Fprintf(os.Stderr, "onceprog: unknown form %q\n", os.Args[1])
		os.Exit(2)
	}
}

// waiter calls Do from a second goroutine while the first call's f is
// still running, and waits for the second call to return.
func waiter() {
	var o sync.Once
	running := make(chan struct{})
	go func() {
		o.Do(func() {
			close(running)
			select {} // f never returns
		})
	}()
	<-running
	returned := make(chan struct{})
	go func() {
		o.Do(func() { fmt.Println("the second caller's f ran") })
		close(returned)
	}()
	<-returned
	fmt.Println("the second Do returned while the first f was running")
}

// recursiveDo calls Do on the same Once from inside f.
func recursiveDo() {
	var o sync.Once
	o.Do(func() {
		fmt.Println("f runs")
		o.Do(func() { fmt.Println("inner f runs") })
		fmt.Println("inner Do returned")
	})
}

// recursiveOnceValue calls the function OnceValue returned from inside its
// own f.
func recursiveOnceValue() {
	var get func() int
	get = sync.OnceValue(func() int {
		fmt.Println("f runs")
		return get() + 1
	})
	fmt.Println("get() =", get())
}

// A config stands for anything expensive to build and shared once built.
type config struct{ name string }

// loads counts how many times a config was built.
var loads atomic.Int32

func load() *config {
	loads.Add(1)
	return &config{name: "prod"}
}

// lazy has two goroutines get the config at the same time, and prints how
// many times it was built.
func lazy(get func() *config) {
	var wg sync.WaitGroup
	names := make([]string, 2)
	for i := range names {
		wg.Go(func() {
			if c := get(); c != nil {
				names[i] = c.name
			}
		})
	}
	wg.Wait()
	fmt.Println("loads =", loads.Load())
}

var cfg *config

// nilCheck builds cfg the first time it finds it nil. Nothing orders one
// goroutine's write of cfg before the other's read.
func nilCheck() *config {
	if cfg == nil {
		cfg = load()
	}
	return cfg
}

var started atomic.Bool

// casFlag lets only the goroutine that sets the flag build cfg, but the
// other one returns at once, without waiting for the build: it reads cfg
// while it is being written, or reads nil.
func casFlag() *config {
	if started.CompareAndSwap(false, true) {
		cfg = load()
	}
	return cfg
}

var cfgOnce sync.Once

// once builds cfg under cfgOnce: every Do returns after load has returned.
func once() *config {
	cfgOnce.Do(func() { cfg = load() })
	return cfg
}

// onceValue is the shortest correct form.
var onceValue = sync.OnceValue(load)
