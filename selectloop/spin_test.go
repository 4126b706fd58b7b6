package selectloop_test

import (
	"runtime"
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/goprimer/concurrency/internal/watchdog"
)

// Two workers that wait for jobs until done is closed. Each returns how many
// turns its loop made.

// spinningWorker is the article's for-select with an empty default, applied
// to waiting: when no job is ready, select returns at once through default
// and the loop goes round again, burning CPU. onIdle runs on each such turn.
func spinningWorker(done <-chan struct{}, jobs <-chan int, onIdle func()) (turns int) {
	for {
		select {
		case <-done:
			return turns
		case <-jobs:
		default:
			onIdle()
		}
		turns++
	}
}

// blockingWorker has no default: select parks the goroutine until a job or
// the stop arrives, so the loop turns once per job.
func blockingWorker(done <-chan struct{}, jobs <-chan int) (turns int) {
	for {
		select {
		case <-done:
			return turns
		case <-jobs:
		}
		turns++
	}
}

// TestEmptyDefaultSpinsWhileIdle gives each worker one job, then leaves both
// idle. The blocking worker parks: synctest.Wait returns only because it is
// durably blocked, and it turns exactly once, for its job. The spinning
// worker goes on turning with nothing to do; the test lets it make 1000 idle
// turns and then stops it, which keeps the demonstration short. If a select
// with default waited like one without, the spinning worker would never
// reach 1000 turns and the bubble would report a deadlock; if a select
// without default woke with no case ready, the blocking worker would turn
// more than once; it would then never block durably either, synctest.Wait
// would not return, and the watchdog fails the test in seconds instead.
func TestEmptyDefaultSpinsWhileIdle(t *testing.T) {
	const idleTurns = 1000
	watchdog.Within(t, "a select without default parks its goroutine until a case is ready", func() {
		testEmptyDefaultSpinsWhileIdle(t, idleTurns)
	})
}

func testEmptyDefaultSpinsWhileIdle(t *testing.T, idleTurns int) {
	synctest.Test(t, func(t *testing.T) {
		done := make(chan struct{})

		blockJobs, blockTurns := make(chan int), make(chan int, 1)
		go func() { blockTurns <- blockingWorker(done, blockJobs) }()
		blockJobs <- 1
		synctest.Wait() // the blocking worker is parked, using no CPU

		spinJobs, spinTurns := make(chan int), make(chan int, 1)
		spun := make(chan struct{})
		idle := 0
		onIdle := func() {
			idle++
			if idle == idleTurns {
				close(spun)
				runtime.Gosched() // let the test close done even on one CPU
			}
		}
		go func() { spinTurns <- spinningWorker(done, spinJobs, onIdle) }()
		spinJobs <- 1
		<-spun
		close(done)

		require.Equal(t, 1, <-blockTurns, "turns of the blocking worker: one job, no idle turns")
		require.GreaterOrEqual(t, <-spinTurns, 1+idleTurns, "turns of the spinning worker: one job and at least %d idle turns", idleTurns)
	})
}

// BenchmarkIdleWorker measures what each worker costs while it waits for
// work. A job arrives once a millisecond, in real time, and the worker has
// nothing else to do. Each op is one job. The benchmark reports the worker's
// loop turns per job and, where the operating system tells (Unix), the CPU
// time the process used per second of wall time: cpu-cores 1 means one core
// kept fully busy.
func BenchmarkIdleWorker(b *testing.B) {
	b.Run("empty default", func(b *testing.B) {
		benchmarkIdleWorker(b, func(done <-chan struct{}, jobs <-chan int) int {
			return spinningWorker(done, jobs, func() {})
		})
	})
	b.Run("blocking select", func(b *testing.B) {
		benchmarkIdleWorker(b, blockingWorker)
	})
}

func benchmarkIdleWorker(b *testing.B, worker func(done <-chan struct{}, jobs <-chan int) int) {
	done, jobs := make(chan struct{}), make(chan int)
	turns := make(chan int, 1)
	go func() { turns <- worker(done, jobs) }()
	tick := time.NewTicker(time.Millisecond)
	defer tick.Stop()

	cpu0, measured := processCPU()
	wall0 := time.Now()
	for b.Loop() {
		<-tick.C
		jobs <- 1
	}
	cpu, _ := processCPU()
	wall := time.Since(wall0)
	close(done)

	b.ReportMetric(float64(<-turns)/float64(b.N), "turns/job")
	if measured {
		b.ReportMetric(float64(cpu-cpu0)/float64(wall), "cpu-cores")
	}
}
