package timeline_test

import (
	"os"
	"sync"
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/goprimer/concurrency/internal/timeline"
	"github.com/goprimer/concurrency/internal/watchdog"
)

// TestReceiveBlocksUntilTheSend traces a receive that blocks, then the send
// that wakes it: main is blocked on the channel receive, the sender runs,
// and main is woken by the sender.
func TestReceiveBlocksUntilTheSend(t *testing.T) {
	tl := traceInBubble(t, func() {
		ch := make(chan int)
		go sender(ch)
		<-ch
	})
	requireStory(t, tl,
		"main: run, blocked chan receive, woken by sender, run",
		"sender: run, blocked other (synctest), woken by nobody, run")
}

// sender sends on ch once every other goroutine of its bubble is blocked.
func sender(ch chan<- int) {
	synctest.Wait()
	ch <- 1
}

// TestSendBlocksUntilTheReceive is the handoff the other way round: the
// sender blocks first, and the receiver wakes it.
func TestSendBlocksUntilTheReceive(t *testing.T) {
	tl := traceInBubble(t, func() {
		ch := make(chan int)
		go func() { ch <- 1 }()
		synctest.Wait()
		<-ch
	})
	requireStory(t, tl,
		"main: run, blocked other (synctest), woken by nobody, run",
		"TestSendBlocksUntilTheReceive.func1.1: run, blocked chan send, woken by main, run")
}

// TestMutexHandoff traces two goroutines contending for a Mutex: main
// holds it while the locker blocks in Lock, and main's Unlock wakes the
// locker.
func TestMutexHandoff(t *testing.T) {
	var mu sync.Mutex
	parked, done := make(chan struct{}), make(chan struct{})
	// Started before the trace, this goroutine is no lane: main's wait
	// for it reads "woken by nobody".
	go func() {
		waitParked(map[string]string{"mutexMain": "chan receive", "locker": "sync.Mutex.Lock"})
		close(parked)
	}()
	var tl *timeline.Timeline
	watchdog.Within(t, "the locker parks on the Mutex main holds, and main's Unlock lets it in", func() {
		tl = record(t, func() { mutexMain(&mu, parked, done) })
		<-done
	})
	requireStory(t, tl,
		"main: run, blocked chan receive, woken by nobody, run",
		"locker: run, blocked sync.Mutex, woken by main, run")
}

// mutexMain holds mu until the locker it starts is parked on it.
func mutexMain(mu *sync.Mutex, parked <-chan struct{}, done chan struct{}) {
	mu.Lock()
	go locker(mu, done)
	<-parked
	mu.Unlock()
}

func locker(mu *sync.Mutex, done chan<- struct{}) {
	mu.Lock()
	//lint:ignore SA2001 the fixture traces the wait for the lock, not what it guards
	mu.Unlock()
	close(done)
}

// TestRWMutexWriterWaitsForTheReader traces a writer blocked in Lock while
// main holds a read lock: the block is the RWMutex's, not the Mutex's
// inside it, and main's RUnlock wakes the writer.
func TestRWMutexWriterWaitsForTheReader(t *testing.T) {
	var rw sync.RWMutex
	parked, done := make(chan struct{}), make(chan struct{})
	go func() {
		waitParked(map[string]string{"rwMain": "chan receive", "writer": "sync.RWMutex.Lock"})
		close(parked)
	}()
	var tl *timeline.Timeline
	watchdog.Within(t, "the writer parks until main's read lock is released", func() {
		tl = record(t, func() { rwMain(&rw, parked, done) })
		<-done
	})
	requireStory(t, tl,
		"main: run, blocked chan receive, woken by nobody, run",
		"writer: run, blocked sync.RWMutex, woken by main, run")
}

func rwMain(rw *sync.RWMutex, parked <-chan struct{}, done chan struct{}) {
	rw.RLock()
	go writer(rw, done)
	<-parked
	rw.RUnlock()
}

func writer(rw *sync.RWMutex, done chan<- struct{}) {
	rw.Lock()
	//lint:ignore SA2001 the fixture traces the wait for the lock, not what it guards
	rw.Unlock()
	close(done)
}

// TestRWMutexWriterWaitsForTheWriter traces a writer blocked in Lock while
// main holds the write lock: the writer waits on the Mutex inside the
// RWMutex, and the block is still the RWMutex's.
func TestRWMutexWriterWaitsForTheWriter(t *testing.T) {
	var rw sync.RWMutex
	parked, done := make(chan struct{}), make(chan struct{})
	go func() {
		waitParked(map[string]string{"rwWriterMain": "chan receive", "writer": "sync.Mutex.Lock"})
		close(parked)
	}()
	var tl *timeline.Timeline
	watchdog.Within(t, "the second writer parks until main's write lock is released", func() {
		tl = record(t, func() { rwWriterMain(&rw, parked, done) })
		<-done
	})
	requireStory(t, tl,
		"main: run, blocked chan receive, woken by nobody, run",
		"writer: run, blocked sync.RWMutex, woken by main, run")
}

func rwWriterMain(rw *sync.RWMutex, parked <-chan struct{}, done chan struct{}) {
	rw.Lock()
	go writer(rw, done)
	<-parked
	rw.Unlock()
}

// TestCondWaitRelocks traces main woken from Cond.Wait while the signaller
// still holds the lock: Wait then blocks relocking c.L, a block on the
// Mutex, not the Cond, and the signaller's Unlock wakes it.
func TestCondWaitRelocks(t *testing.T) {
	var mu sync.Mutex
	waiting, relocking, done := make(chan struct{}), make(chan struct{}), make(chan struct{})
	go func() {
		waitParked(map[string]string{"condMain": "sync.Cond.Wait", "condSignaller": "chan receive"})
		close(waiting)
		// main can only be relocking after the Signal, so the
		// signaller's receive now is its second.
		waitParked(map[string]string{"condMain": "sync.Mutex.Lock", "condSignaller": "chan receive"})
		close(relocking)
	}()
	var tl *timeline.Timeline
	watchdog.Within(t, "Cond.Wait, signalled, blocks relocking the Mutex until the signaller unlocks it", func() {
		tl = record(t, func() { condMain(&mu, waiting, relocking, done) })
		<-done
	})
	requireStory(t, tl,
		"main: run, blocked sync.Cond, woken by condSignaller, run, blocked sync.Mutex, woken by condSignaller, run",
		"condSignaller: run, blocked chan receive, woken by nobody, run, blocked chan receive, woken by nobody, run")
}

func condMain(mu *sync.Mutex, waiting, relocking <-chan struct{}, done chan struct{}) {
	c := sync.NewCond(mu)
	ready := false
	mu.Lock()
	go condSignaller(c, &ready, waiting, relocking, done)
	for !ready {
		c.Wait()
	}
	mu.Unlock()
}

func condSignaller(c *sync.Cond, ready *bool, waiting, relocking <-chan struct{}, done chan<- struct{}) {
	<-waiting
	c.L.Lock()
	*ready = true
	c.Signal()
	<-relocking
	c.L.Unlock()
	close(done)
}

// TestWaitGroupWait traces main blocked in Wait until the last Done, which
// the finisher's goroutine calls when its function returns. The lane is
// named after the function given to Go, not Go's own wrapper.
func TestWaitGroupWait(t *testing.T) {
	tl := traceInBubble(t, func() {
		var wg sync.WaitGroup
		wg.Go(finisher)
		wg.Wait()
	})
	requireStory(t, tl,
		"main: run, blocked sync.WaitGroup, woken by finisher, run",
		"finisher: run, blocked other (synctest), woken by nobody, run")
}

// finisher returns once main is blocked in Wait.
func finisher() { synctest.Wait() }

// TestSelectTakesTheReadyCase traces a select with one ready case: the
// sender is blocked on its send, so main's select takes that case without
// blocking, and wakes the sender.
func TestSelectTakesTheReadyCase(t *testing.T) {
	tl := traceInBubble(t, func() {
		ready, never := make(chan int), make(chan int)
		go sendOn(ready)
		synctest.Wait()
		select {
		case <-ready:
		case <-never:
		}
	})
	requireStory(t, tl,
		"main: run, blocked other (synctest), woken by nobody, run",
		"sendOn: run, blocked chan send, woken by main, run")
}

func sendOn(ch chan<- int) { ch <- 1 }

// TestSelectBlocksUntilACaseIsReady traces a select with no case ready:
// main blocks on the select, and the send that makes one case ready wakes
// it.
func TestSelectBlocksUntilACaseIsReady(t *testing.T) {
	tl := traceInBubble(t, func() {
		a, b := make(chan int), make(chan int)
		go sender(a)
		select {
		case <-a:
		case <-b:
		}
	})
	requireStory(t, tl,
		"main: run, blocked select, woken by sender, run",
		"sender: run, blocked other (synctest), woken by nobody, run")
}

// TestCondWait traces main waiting on a Cond until the signaller's Signal.
// The signaller unlocks before it signals, so main takes the lock back
// without a Mutex block.
func TestCondWait(t *testing.T) {
	tl := traceInBubble(t, func() {
		var mu sync.Mutex
		c := sync.NewCond(&mu)
		ready := false
		go signaller(c, &ready)
		mu.Lock()
		for !ready {
			c.Wait()
		}
		mu.Unlock()
	})
	requireStory(t, tl,
		"main: run, blocked sync.Cond, woken by signaller, run",
		"signaller: run, blocked other (synctest), woken by nobody, run")
}

func signaller(c *sync.Cond, ready *bool) {
	synctest.Wait()
	c.L.Lock()
	*ready = true
	c.L.Unlock()
	c.Signal()
}

// TestSleepAndTimerChannel traces a time.Sleep, then waits for a timer's
// channel: a sleep, then a channel receive, a one-case select (which the
// compiler makes a plain receive) and a select. The trace cannot tell a
// timer's channel from any other, and no goroutine of the example wakes
// any of them: the timer does.
func TestSleepAndTimerChannel(t *testing.T) {
	tl := traceInBubble(t, func() {
		time.Sleep(time.Second)
		<-time.After(time.Second)
		//lint:ignore S1000,S1037 the one-case select is what the test traces
		select {
		case <-time.After(time.Second):
		}
		never := make(chan int)
		select {
		case <-time.After(time.Second):
		case <-never:
		}
	})
	requireStory(t, tl, "main: run, blocked sleep, woken by nobody, run, "+
		"blocked chan receive, woken by nobody, run, "+
		"blocked chan receive, woken by nobody, run, "+
		"blocked select, woken by nobody, run")
}

// TestSystemCall traces a write to a file: the lane shows the system call.
func TestSystemCall(t *testing.T) {
	f, err := os.OpenFile(os.DevNull, os.O_WRONLY, 0)
	require.NoError(t, err)
	defer f.Close()
	tl := record(t, func() {
		_, err = f.Write([]byte("x"))
	})
	require.NoError(t, err, "writing to %s", os.DevNull)
	var states []timeline.State
	for _, s := range tl.Lanes[0].Spans {
		states = append(states, s.State)
	}
	require.Contains(t, states, timeline.Syscall, "the main lane's states, writing a file\n%s", dump(tl))
}
