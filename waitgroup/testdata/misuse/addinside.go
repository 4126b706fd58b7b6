// Package misuse holds WaitGroup mistakes for go vet, next to the right
// forms, which vet must leave alone. It is only vetted, never run.
//
// This file: Add inside the goroutine it counts, which the waitgroup
// analyzer reports, a variant it misses, and the two right forms.
package misuse

import "sync"

// Wrong: each goroutine counts itself, possibly after Wait has returned.
func addInside(tasks []func()) {
	var wg sync.WaitGroup
	for _, task := range tasks {
		go func() {
			wg.Add(1) // want "WaitGroup.Add called from inside new goroutine"
			defer wg.Done()
			task()
		}()
	}
	wg.Wait()
}

// Just as wrong, but vet only inspects the first statement of a go func
// literal, so an Add inside a named function passes unreported.
func addInsideNamed(tasks []func()) {
	var wg sync.WaitGroup
	for _, task := range tasks {
		go run(&wg, task)
	}
	wg.Wait()
}

func run(wg *sync.WaitGroup, task func()) {
	wg.Add(1)
	defer wg.Done()
	task()
}

// Right: Add runs before the go statement.
func addBefore(tasks []func()) {
	var wg sync.WaitGroup
	for _, task := range tasks {
		wg.Add(1)
		go func() {
			defer wg.Done()
			task()
		}()
	}
	wg.Wait()
}

// Right, and simplest: Go calls Add(1) before it starts the goroutine.
func goMethod(tasks []func()) {
	var wg sync.WaitGroup
	for _, task := range tasks {
		wg.Go(task)
	}
	wg.Wait()
}
