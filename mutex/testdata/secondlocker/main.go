// Command secondlocker is the child process of TestSecondLockerBlocks. Its
// main goroutine holds a Mutex for good and waits for a second goroutine to
// lock the same Mutex.
//
// If a Mutex let a second holder in, the goroutine would close acquired and
// the program would exit normally. Because Lock blocks, every goroutine is
// asleep and the runtime stops the program with
// "fatal error: all goroutines are asleep - deadlock!", listing the second
// goroutine in the state "sync.Mutex.Lock" (with GOTRACEBACK=all).
package main

import "sync"

func main() {
	var mu sync.Mutex
	acquired := make(chan struct{})

	mu.Lock() // held until the process ends: there is no Unlock
	go func() {
		mu.Lock()
		close(acquired)
	}()
	<-acquired
}
