// Package gofix holds the article's WaitGroup program for go fix, which
// rewrites it to use WaitGroup.Go. It is only fixed with -diff, never run or
// changed.
package gofix

import (
	"fmt"
	"sync"
)

func article() {
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		fmt.Println("goroutine finished")
	}()
	wg.Wait()
}
