// Package rwmutex is a runnable lesson on [sync.RWMutex], the reader/writer
// lock from the article's section "互斥锁和读写锁" (mutexes and read-write
// locks): the three rules that tell readers from writers, the writer
// preference that can make recursive read locking deadlock, and measurements
// of when an RWMutex is worth it over a plain [sync.Mutex]. The package
// exports nothing; its examples and tests are the content.
//
// An RWMutex guards memory just as a Mutex does, but it knows two kinds of
// holder. Code that changes the guarded data takes the write lock with
// [sync.RWMutex.Lock] and releases it with [sync.RWMutex.Unlock]; code that
// only reads takes the read lock with [sync.RWMutex.RLock] and releases it
// with [sync.RWMutex.RUnlock]. The pairs must match: every RUnlock undoes one
// RLock, every Unlock undoes one Lock, and mixing them up is a fatal error.
// The usual shape is a lock call followed at once by a deferred unlock:
//
//	func (c *Cache) Get(key string) (int, bool) {
//		c.mu.RLock()
//		defer c.mu.RUnlock()
//		v, ok := c.m[key]
//		return v, ok
//	}
//
// As with a Mutex, the zero value is an unlocked RWMutex ready to use, a
// struct that holds one is used through a pointer, and an RWMutex must not be
// copied after first use (go vet's copylocks check reports copies).
//
// # The three rules
//
// The article states them, and the tests check each one with the lock's
// non-blocking probes [sync.RWMutex.TryLock] and [sync.RWMutex.TryRLock], so
// that a broken rule shows as a failed assertion rather than a hung test:
//
//   - One writer: while a goroutine holds the write lock, neither another
//     writer nor any reader can get in.
//   - Many readers: any number of goroutines can hold the read lock at the
//     same time. The test proves it with a barrier that opens only once
//     every reader is holding its read lock.
//   - Readers and writers exclude each other: while any read lock is held, a
//     writer waits; it gets in only after the last RUnlock.
//
// Pictures of one run each, drawn from the runtime's execution trace,
// show [three readers holding the read lock together] and [a writer
// waiting for a reader].
//
// Nothing else separates the two kinds of lock. The read lock does not stop
// a reader from writing; it is the programmer's promise that the code under
// RLock only reads, and the race detector is what catches a broken promise.
//
// # A waiting writer stops new readers
//
// If readers could always join a read lock that is already held, a steady
// stream of overlapping readers would keep a writer out for ever. So an
// RWMutex prefers writers: once a goroutine is blocked in Lock, every new
// RLock blocks too (and TryRLock fails) until that writer has had its turn.
// The readers already inside finish normally, the writer runs, then the
// waiting readers go in together.
//
// The price is that read locking is not reentrant. A goroutine that holds a
// read lock and calls RLock again, perhaps through a helper method that
// locks too, works in test after test until the day a writer arrives between
// the two calls: then the second RLock waits for the writer, the writer
// waits for the first read lock to be released, and the two never move
// again. The test named TestRecursiveReadLockDeadlocks builds exactly that
// moment and observes both goroutines stuck. The cure is structural:
// exported methods take the lock once, and the helpers they call expect it
// held and say so in their names (the example noRecursiveRLock). Nor can a
// read lock be upgraded: a goroutine that holds RLock and calls Lock waits
// for its own read lock to go, for ever (the test
// TestReadLockCannotBeUpgraded watches it wait). Release the read lock
// first, take the write lock, and check again what you read, since anything
// may have changed in between.
//
// # RLocker
//
// [sync.RWMutex.RLocker] returns a [sync.Locker] whose Lock and Unlock are
// RLock and RUnlock, for code that accepts any Locker: a [sync.Cond] whose
// waiters only read, or a helper that runs a function under "a lock" and
// should take the read side.
//
// # Misuse is fatal
//
// Unlocking what is not locked ends the program with a fatal error that
// recover cannot catch, printed as "fatal error: sync: RUnlock of unlocked
// RWMutex" or "fatal error: sync: Unlock of unlocked RWMutex". The same
// messages appear when the pairs are crossed: Unlock after RLock, or RUnlock
// after Lock. The tests run each case in a child process and check the exact
// line.
//
// # When an RWMutex pays
//
// The article recommends an RWMutex for workloads with many reads and few
// writes. That is where it can help, but the read share alone does not decide
// it. RLock and RUnlock each do an atomic add on one counter shared by all
// readers, so every reader writes to the same cache line, just as every
// locker of a Mutex does. When the read critical section is short (in the
// table below, an operation with a bare map lookup costs 20 to 44 ns with
// either lock), those atomic operations are a large share of the cost, the
// cache line bounces between cores, and an RWMutex is no faster than a
// Mutex, sometimes slower: its write lock does more than a Mutex's Lock, as
// it takes a Mutex of its own and then updates the reader count. It pays when
// readers hold the lock long enough for their critical sections to overlap
// usefully, and only if there are several CPUs to run them on. With one CPU
// nothing runs in parallel anyway.
//
// Writes cost more than their own critical section. Each one makes the
// readers that arrive meanwhile park in RLock (that is the writer
// preference), waits for the readers inside to leave, and then has the
// scheduler wake the parked readers, perhaps on another CPU. While they are
// parked and being woken, those readers read nothing, so "few writes" has
// to mean very few; with frequent writes the lock behaves like a
// Mutex with extra steps.
//
// For data that is read very often and written rarely there are two
// alternatives that let readers write no shared memory at all: [sync.Map],
// made for keys that are written once and read many times, and a
// copy-on-write map behind a [sync/atomic.Pointer], where readers load the
// pointer and read a map that nobody modifies any more, while each writer
// copies the whole map under a Mutex, changes the copy and publishes it.
// Copy-on-write makes reads nearly free and writes proportional to the size
// of the map, so it suits configuration and routing tables, not caches that
// change every few operations.
//
// # Measurements
//
// BenchmarkCache compares four versions of a read-mostly cache of 1000 string
// keys: guarded by a Mutex, by an RWMutex, a sync.Map, and a copy-on-write
// map. It varies the share of reads (50%, 90%, 99%, and 100%, where nobody
// writes; the other operations overwrite an existing key) and the read's
// critical section: a bare map lookup (work=none), or the lookup plus about
// a microsecond of computation on the value while the lock is held
// (work=1us). Each benchmark runs its operations from GOMAXPROCS goroutines
// with [testing.B.RunParallel], and the sub-benchmark names are key=value
// pairs, so benchstat can pivot them:
//
//	go test -run '^$' -bench Cache -benchtime=300ms -count=6 -cpu=1,2 ./rwmutex/ > new.txt
//	benchstat -col /lock -row /work,/reads,/gomaxprocs new.txt
//
// Measured with Go 1.26.8 on linux/amd64, a two-vCPU virtual machine
// ("Oxide Virtual Turin-like Processor") with nothing else running, six runs
// of each benchmark at -benchtime=300ms, medians from benchstat (spread
// mostly within ±10%). Nanoseconds per operation; cpus is GOMAXPROCS, the
// number of goroutines reading and writing at once:
//
//	work  reads  cpus    mutex  rwmutex  sync.Map    copy-on-write
//	none   50%     1        31       28       124           5,237
//	none   50%     2        40       43        75          12,599
//	none   90%     1        32       32        65           1,043
//	none   90%     2        40       31        31           2,563
//	none   99%     1        22       22        30             210
//	none   99%     2        36       30        20             552
//	none  100%     1        31       31        36              25
//	none  100%     2        35       44        21              12
//	1us    50%     1       500      507       535           5,371
//	1us    50%     2       547      574       413          15,146
//	1us    90%     1       789      798       973           1,816
//	1us    90%     2       956      975       496           3,968
//	1us    99%     1       971      863     1,001           1,023
//	1us    99%     2     1,034      937       480             845
//	1us   100%     1       983      877       876             973
//	1us   100%     2     1,018      526       474             467
//
// (With 1 µs of work, the rows with more writes are cheaper per operation
// only because a write does no work; compare across a row, not down a
// column.) What the table says:
//
//   - With one CPU the two locks cost about the same, at most 13% apart: the
//     widest gap is 863 against 971 ns, at 99% reads with a microsecond of
//     work, not far beyond the spread between runs. Nothing can read in
//     parallel, so there is little for an RWMutex to win.
//   - With a bare map lookup (work=none) the RWMutex is no reliable win on
//     two CPUs either: 31 against 40 ns at 90% reads, but 44 against 35 with
//     no writes at all. Both locks cost 20 to 44 ns in every row without
//     work.
//   - With a microsecond of work under the read lock and two CPUs, the
//     RWMutex halves the cost when nobody writes (526 against 1,018 ns),
//     because two readers compute at once. One write in a hundred
//     operations takes nearly all of that away (937 against 1,034), and at
//     90% and 50% reads it is no faster than the Mutex (975 against 956,
//     574 against 547).
//   - sync.Map is the only one that gets cheaper with the second CPU at every
//     read share once reads do real work, because its readers never wait
//     for a writer: 480 to 496 ns at 90% and 99% reads, about half the
//     locks' cost.
//   - Copy-on-write has the cheapest bare reads: with no writes and no work,
//     25 ns with one CPU and 12 with two. But every write copies all 1,000
//     entries, so at 50% reads it is over a hundred times slower than the
//     locks with bare lookups (5,237 and 12,599 ns), and over ten times
//     slower with a microsecond of work. It wins only where writes are rare
//     enough to be counted by hand.
//
// The test TestMeasurementsSayWhatTheTableShows reads the table above and
// checks every figure and comparison in these points against it.
//
// So the article's rule needs two more conditions before an RWMutex pays:
// the read critical sections must be long, and writes must be very rare. Go
// through the benchmarks with your own workload before choosing; for a map
// that is mostly read, sync.Map or copy-on-write may serve better still.
//
// # Corrections to the article
//
// The article writes the read-lock method as Rlock. Go names are
// case-sensitive, and the method is RLock (as in RUnlock, TryRLock and
// RLocker), so mu.Rlock() does not compile. The test TestMethodIsRLock checks
// the method set.
//
// [three readers holding the read lock together]: https://github.com/goprimer/concurrency/blob/main/docs/timelines/rwmutex-Example_readersShare.svg
// [a writer waiting for a reader]: https://github.com/goprimer/concurrency/blob/main/docs/timelines/rwmutex-Example_writerWaitsForReader.svg
package rwmutex
