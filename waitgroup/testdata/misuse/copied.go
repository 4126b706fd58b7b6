package misuse

// This file: a WaitGroup copied by value, which the copylocks analyzer
// reports. The copy has its own counter, so Done on it never releases the
// original's Wait.

import "sync"

// Wrong: worker receives a copy; its Done changes the copy only.
func worker(wg sync.WaitGroup) { // want "worker passes lock by value: sync.WaitGroup contains sync.noCopy"
	defer wg.Done()
}

func startByValue() {
	var wg sync.WaitGroup
	wg.Add(1)
	go worker(wg) // want "call of worker copies lock value: sync.WaitGroup contains sync.noCopy"
	wg.Wait()     // would wait forever
}

// Right: share the WaitGroup through a pointer.
func workerByPointer(wg *sync.WaitGroup) {
	defer wg.Done()
}

func startByPointer() {
	var wg sync.WaitGroup
	wg.Add(1)
	go workerByPointer(&wg)
	wg.Wait()
}
