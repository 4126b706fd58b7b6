// Package atomicdemo is a runnable lesson on [sync/atomic]: atomic
// operations, the kind that locks are built from, used directly for a counter, a flag, a running maximum or a published
// configuration. It goes beyond the article, which stops at the mutexes.
// Every claim below is shown by an example and checked by a test that fails
// if the claim is false. The package is not named atomic because its
// examples import sync/atomic, and a package of that name would shadow it.
//
// The sync/atomic documentation itself warns that these functions need great
// care and that, outside special low-level code, synchronization is better
// done with channels or the [sync] package. The cases below are the ones
// where an atomic is simpler than a lock, not only faster: a single word of
// state, read and changed as a whole.
//
// # Why n++ loses updates, and Add does not
//
// n++ is three steps: read n, add one, write n. Two goroutines running it
// without synchronization can both read the same value, and then one write
// erases the other: an update is lost (and the program has a data race).
// [sync/atomic.Int64.Add] does the three steps as one indivisible operation,
// so every Add sees every Add before it and returns a value no other Add
// returned (Example).
//
// Atomic operations do not make a sequence of them atomic. n.Store(n.Load()+1)
// on a [sync/atomic.Int64] has the same gap as n++ between its read and its
// write, and loses updates the same way; only the data race is gone.
// Example_loadThenStore replays that interleaving with channels, and the
// tests force it on every run rather than waiting for the scheduler to pick
// it: A reads, B runs its whole increment, A writes. n++ on an int and Load
// then Store on an atomic.Int64 both end at 1. An Add after the gap ends at
// 2, because it reads the value in the same step as it writes it; so does a
// CompareAndSwap loop, because its swap fails and it reads again. Add itself
// has no gap to force anything into. Another test lets goroutines collide
// freely and checks that the values Add returned are exactly 1 to the total,
// each once; that test only samples, since a broken increment fails it only
// when goroutines really run at the same moment, which a busy or single-CPU
// machine seldom allows.
//
// # The typed atomics
//
// Since Go 1.19 the package has types that wrap a value: [sync/atomic.Bool],
// [sync/atomic.Int32], [sync/atomic.Int64], [sync/atomic.Uint32],
// [sync/atomic.Uint64], [sync/atomic.Uintptr] and [sync/atomic.Pointer]. Each
// has Load, Store, Swap and CompareAndSwap; the integer types add Add, And
// and Or. Their zero value is ready to use: zero, false or a nil pointer.
// Prefer them to the older functions such as [sync/atomic.AddInt64], for
// three reasons the tests check:
//
//   - The value is an unexported field, reached only through the methods. A
//     plain n++ or read of an atomic.Int64 does not compile, while an int64
//     handled with the functions accepts a forgotten plain access without
//     complaint. The classic slip n = atomic.AddInt64(&n, 1), whose
//     assignment is a plain write, cannot even be written with the types;
//     with the functions, vet's atomic check reports it as "direct
//     assignment to atomic value".
//   - The 64-bit types are always 8-byte aligned. Int64 and Uint64 hold a
//     field of the unexported type align64, which the compiler treats as
//     8-byte aligned wherever it appears; go/types mirrors the rule, and the
//     tests use it to lay out structs for 386, ARM and 32-bit MIPS, where a
//     plain int64 after an int32 lands at offset 4 but an atomic.Int64 at
//     offset 8. There, a 64-bit atomic operation at an address that is not
//     8-aligned panics with "unaligned 64-bit atomic operation", and with the
//     functions it is the caller's job to avoid that.
//   - A Pointer[T] holds a *T: storing any other type is a compile error, and
//     it cannot be converted to a Pointer of another element type.
//
// A typed atomic must not be copied after first use: the copy is a separate
// variable, and updates through it never reach the original. It is
// sometimes said that the typed atomics cannot be copied by accident; that
// overstates it. A copy compiles and runs; what catches it is go vet's copylocks check, because
// every typed atomic holds a field of the unexported type noCopy, whose
// Lock and Unlock methods are what copylocks looks for. It reports an
// assignment, a value receiver or a call that copies one. go test runs only
// part of vet, without copylocks, so run go vet itself. [sync/atomic.Value]
// must not be copied either, but it holds no noCopy field, and vet says
// nothing about its copies.
//
// An atomic.Bool holds a uint32, so it takes 4 bytes where a bool takes 1.
// The Go 1.27 documentation of sync/atomic adds a paragraph saying that
// only a few integer sizes are supported and that a Bool may be larger than
// a built-in bool; the types themselves are the same in Go 1.26 and Go 1.27.
//
// # Compare-and-swap loops
//
// CompareAndSwap(old, new) stores new only if the value is still old, and
// reports whether it did. Any update computed from the current value can be
// built on it: load the value, compute the new one, and swap; if the swap
// fails, another goroutine changed the value in between, so load it again
// and retry. Example_runningMax keeps a running maximum this way, and stops
// early once the stored maximum is already as large. Its test forces another
// goroutine to raise the maximum in the gap: the swap fails, the loop sees
// the larger value and stores nothing, where compare-then-Store would write
// the smaller value over it.
//
// The loop is lock-free but not wait-free: under heavy contention one
// goroutine can fail its swap again and again, and it does all its work
// again on each retry. Keep the work inside the loop small, and free of side
// effects that must happen only once.
//
// # atomic.Value and its panics
//
// [sync/atomic.Value] holds a value of any type and predates generics. Its
// rules are checked at run time, by panics with exact texts:
//
//   - Store(nil) panics with "sync/atomic: store of nil value into Value".
//   - A Store of a value whose concrete type differs from the first one
//     stored panics with "sync/atomic: store of inconsistently typed value
//     into Value". Concrete means the dynamic type: two errors made by
//     errors.New and fmt.Errorf with %w are of different types.
//   - Swap panics with "sync/atomic: swap of nil value into Value" and
//     "sync/atomic: swap of inconsistently typed value into Value";
//     CompareAndSwap with "sync/atomic: compare and swap of nil value into
//     Value", with "sync/atomic: compare and swap of inconsistently typed
//     values" when old and new differ in type, and with "sync/atomic:
//     compare and swap of inconsistently typed value into Value" when new
//     differs from what is stored.
//   - CompareAndSwap compares with ==, so on a Value holding an uncomparable
//     type such as a slice it panics with the runtime's "runtime error:
//     comparing uncomparable type []int". The package documentation does
//     not mention this one.
//
// After a panic the Value still holds what it held. Load returns nil before
// the first Store. [sync/atomic.Pointer] is the typed replacement: its type
// is checked by the compiler, and a nil *T is an ordinary value to store
// (Example_valuePanics).
//
// # Publishing with atomic.Pointer
//
// The memory model (go.dev/ref/mem) counts atomic operations as
// synchronization: if the effect of an atomic operation A is observed by an
// atomic operation B, then A is synchronized before B, and all the atomic
// operations of a program behave as if executed in one sequentially
// consistent order. So a goroutine that builds a value and then Stores a
// pointer to it publishes the whole value: a goroutine whose Load returns
// that pointer sees every write that happened before the Store.
//
// This gives copy-on-write. Readers Load the current value and use it
// without a lock, for as long as they like; writers never change a
// published value, but build a changed copy and publish it, with
// CompareAndSwap in a loop when there are several writers
// (Example_copyOnWrite). Readers pay one atomic load; writers pay a copy,
// which suits data that is read often and changed rarely, such as
// configuration or routing tables. Changing a published value in place
// breaks the scheme: readers holding it would race with the writer.
//
// Two tests check this. One builds a small program with -race, in which a
// writer publishes configurations while a reader reads them, with nothing
// else between the two goroutines. Published through a plain pointer, the
// race detector reports "WARNING: DATA RACE" and the program exits with
// status 66, whatever order the goroutines ran in; through an
// atomic.Pointer, it runs silent. The other runs copy-on-write writers and
// readers together and checks that no update is lost and that a snapshot a
// reader took first is unchanged at the end.
//
// # And and Or
//
// Since Go 1.23, Int32, Int64, Uint32, Uint64 and Uintptr have And and Or
// methods (and the package has functions such as [sync/atomic.OrUint32]).
// Or(mask) sets the mask's bits, And(mask) keeps only the mask's bits, so
// And(^mask) clears them. Both return the old value, unlike Add, which
// returns the new one. The old value tells the caller what the bits were
// just before its change, so Or works as a test-and-set: of several
// goroutines that Or the same bit, exactly one finds it clear
// (Example_flags). Bool and Pointer have neither.
//
// # What people get wrong
//
//   - Mixing atomic and plain access to one variable. Every access that
//     may run at the same time as another, reads included, must be atomic;
//     the typed atomics enforce it by allowing no other kind.
//   - Composing atomics: a Load followed by a Store, or two atomics that
//     must change together, are not one atomic step. Use CompareAndSwap for
//     a single word, and a Mutex when several values must stay consistent.
//   - Copying a typed atomic or a struct that holds one, by a value
//     receiver or an assignment: run go vet.
//   - Storing values of different concrete types in an atomic.Value, or nil.
//   - Changing a value after publishing a pointer to it.
//
// # Atomic or Mutex
//
// The benchmarks set the atomic forms against a Mutex doing the same job,
// with every goroutine of RunParallel at work at once: a running maximum
// (a CompareAndSwap loop against a Mutex around an int64) and reading a
// published configuration (atomic.Pointer's Load against RLock of a
// RWMutex and Lock of a Mutex). Run them with
//
//	go test -run '^$' -bench . -benchmem -count=6 ./atomicdemo/ > new.txt
//	benchstat new.txt
//
// On linux/amd64 with Go 1.26.8, on a two-vCPU virtual machine ("AMD
// EPYC") that other jobs were using at the same time (a load average of 9
// to 21 during the run), so that RunParallel ran two goroutines, benchstat
// gave these medians of six runs, in nanoseconds per operation, with wide
// spreads from the shared machine:
//
//	                      atomic       Mutex        RWMutex
//	running maximum       14.5 ±55%    49.8 ±57%
//	reading a config      16.3 ±32%    38.0 ±48%    39.6 ±24%
//
// None of them allocates. The figures are rough, but the order is clear:
// every run of the CompareAndSwap loop beat every run of its Mutex, and
// every run of the Pointer's Load beat every run of the RWMutex. A Load only
// reads the shared word, so readers do not get in each other's way, while
// RLock and RUnlock each add to the RWMutex's shared count of readers, so
// for a read this short the RWMutex did no better than a plain Mutex.
//
// The difference is tens of nanoseconds an operation, which matters only
// on a hot path. Choose by what the code needs: an atomic for one word of
// state (a counter, a flag, a maximum, a pointer to an immutable value), a
// Mutex as soon as several values must change together or a reader must see
// them consistent, which no single atomic can give.
//
// A counter is measured in the mutex package:
// [github.com/goprimer/concurrency/mutex].
//
// # Go 1.26 and Go 1.27
//
// src/sync/atomic/type.go and value.go are identical in the two releases,
// and so are vet's copylocks and atomic checks, go/types' alignment rule and
// the runtime's "unaligned 64-bit atomic operation" panic. The
// package documentation differs by that paragraph about sizes, and
// Go 1.27's doc.go gives SwapUintptr, CompareAndSwapUintptr and StoreUintptr
// //go:linknamestd directives, which concern only which packages the linker
// lets reach them by name. Nothing in this lesson behaves differently between them.
package atomicdemo
