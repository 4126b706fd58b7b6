// Command deadlock blocks its only goroutine forever, so the runtime's
// deadlock detector ends it with "fatal error: all goroutines are asleep -
// deadlock!". The channel package's tests build it with CGO_ENABLED=0: in a
// cgo binary the detector stays silent and the program hangs.
//
// With the argument "timer" it first starts a timer. The detector does not
// report a deadlock while a timer is pending, because the timer might wake
// someone; it reports only after the timer has fired, and the line the timer
// prints shows the order.
package main

import (
	"os"
	"time"
)

func main() {
	if len(os.Args) > 1 && os.Args[1] == "timer" {
		time.AfterFunc(50*time.Millisecond, func() {
			os.Stdout.WriteString("timer fired\n")
		})
	}
	var ch chan int // nil: no goroutine can ever receive from it
	ch <- 1
}
