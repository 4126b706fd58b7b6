// Package once is a runnable lesson on doing something exactly once when many
// goroutines may ask for it: [sync.Once], and the three helpers built on it
// in Go 1.21, [sync.OnceFunc], [sync.OnceValue] and [sync.OnceValues]. The
// article stops at WaitGroup, Mutex and RWMutex; this section goes beyond it.
// Every claim below is shown by an example and checked by a test that would
// fail if the claim were false.
//
// # One run, and every caller waits for it
//
// [sync.Once.Do] calls its function f only on the first call for that Once.
// Later calls do nothing, even when they pass a different function, so a
// Once serves exactly one action; a second action needs a second Once.
//
// The half that matters under concurrency is the waiting. A goroutine that
// calls Do while another goroutine's f is still running does not return at
// once: it blocks until f has returned, and then returns without calling
// its own function (Example_waitForF). So when any call of Do returns, f has
// finished. In the terms of the Go memory model, the return from f is
// synchronized before the return from every call of Do, so whatever f wrote,
// every caller may read afterwards without a lock (Example).
//
// The comment inside Do in sync/once.go shows the version people write first,
// a compare-and-swap on a flag followed by a call of f, and explains why it
// is wrong: the goroutines that lose the swap return at once, while the
// winner may still be inside f. The real Do starts with a fast path, an
// atomic load of a done flag, which is all a call does once the flag is set.
// While it is unset, Do takes a slow path: it locks a [sync.Mutex], calls f
// if the flag is still unset, and sets the flag only after f has returned.
// Callers that arrive during f wait on that Mutex.
//
// The tests prove the waiting without timing. A child program calls Do from
// a second goroutine while the first goroutine's f never returns, and waits
// for that second call to return. It never does: every goroutine ends up
// blocked, the runtime ends the program with "fatal error: all goroutines
// are asleep - deadlock!", and the trace shows the second caller parked in
// sync.Mutex.Lock inside Do. Had Do returned early, the program would have
// exited normally.
//
// # A panic counts as done
//
// If f panics, Do treats it as returned. The panic goes on up the stack of
// the goroutine whose call ran f, and the Once is done all the same: later
// calls of Do return without calling anything (Example_panic), and so do the
// callers that were waiting in Do when f panicked. The Once keeps no
// record of the failure, so a program that must know whether the
// initialisation worked has to keep that itself, for example the error
// returned through [sync.OnceValues].
//
// # Do inside f waits for itself
//
// Because no call of Do returns before f has returned, a call of Do on the
// same Once from inside f can never return. The inner call finds the flag
// still unset and asks for the Mutex that the outer call holds, and a Mutex
// is not reentrant. The sync documentation says it plainly: if f causes Do
// to be called, it will deadlock. The functions that OnceFunc, OnceValue and
// OnceValues return each wrap a Once, so calling one of them from inside its
// own f blocks the same way.
//
// When nothing else can run, the runtime ends the program with
// "fatal error: all goroutines are asleep - deadlock!", and the trace shows
// the goroutine in state "sync.Mutex.Lock" with two calls of Do on its stack,
// the outer one and the inner one. Go 1.26 and Go 1.27 print the same. In a
// real program other goroutines are usually still running, so nothing is
// reported: the goroutine hangs, and with it every later caller of that Once.
// The detector is also silent in a program that links cgo, as every -race
// build does, and as a program that imports net does when cgo is enabled;
// the tests therefore build their child program without cgo.
//
// Calling Do on a different Once inside f is fine, and is how one lazy value
// is built on another (Example_nestedOnces).
//
// # OnceFunc, OnceValue and OnceValues
//
// The three functions added in Go 1.21 wrap the common patterns. Each takes
// f and returns a function that calls f the first time it is called and may
// be called from many goroutines at once:
//
//   - [sync.OnceFunc] for an action, such as closing something that several
//     code paths may want to close (Example_onceFunc);
//   - [sync.OnceValue] for a value, returned to every caller;
//   - [sync.OnceValues] for two values, usually a result and an error.
//
// Inside, each is a Once, so callers wait for the one run as with Do. They
// differ from Do when f panics: the returned function then panics with the
// same value on every call, the first one and all later ones, including
// callers that were waiting while f ran, and f still runs only once
// (Example_repanic). On the first call the panic is raised again while f's
// frames are still on the stack, so that trace leads into f; later calls
// panic from the returned function itself.
//
// What people get wrong:
//
//   - An error is a result like any other: OnceValues caches it, and every
//     later call returns the same error without calling f again
//     (Example_onceValues). Code that should retry a failed initialisation
//     needs something other than Once.
//   - The returned function must be made once, typically in a package-level
//     variable or a struct field. A function that calls
//     sync.OnceValue(load)() each time makes a new Once on every call, and
//     load runs every time.
//   - A Once must not be copied after first use: a copy has a flag and a
//     Mutex of its own, so it no longer agrees with the original. go vet's
//     copylocks check reports a copy, as it does for a Mutex.
//
// # Lazy initialisation needs Once
//
// A value built on first use with a plain check,
//
//	if cfg == nil {
//		cfg = loadConfig()
//	}
//	return cfg
//
// is a data race as soon as two goroutines can run it: one writes cfg, the
// other reads it, and nothing orders the two. Both may load the config, and
// a goroutine that sees the new pointer is not promised to see the fields
// loadConfig wrote behind it. An atomic flag set before the load, the
// incorrect Do of sync/once.go, is no better: the goroutine that loses the
// swap returns without waiting for the load, and its read of cfg is not
// ordered with the winner's write; it may even get nil. [sync.Once] or, shorter, a package-level [sync.OnceValue]
// fixes it (Example_lazyInit). When the value can simply be built at start-up,
// a package-level variable's initialiser or an init function needs no Once at
// all: package initialisation finishes before main starts.
//
// The tests prove it with the race detector. The child program, built with
// -race, has two goroutines get a lazily built value. With the plain nil
// check, and with the atomic flag, the detector prints "WARNING: DATA RACE"
// naming the getter, and the program exits with status 66, whichever
// goroutine happens to run first. With sync.Once and with sync.OnceValue it
// runs silent and builds the value once.
//
// sync/once.go and sync/oncefunc.go are the same in Go 1.26 and Go 1.27, so
// nothing in this lesson differs between them.
package once
