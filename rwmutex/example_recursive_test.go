package rwmutex_test

import (
	"fmt"
	"sync"
)

// Inventory counts items in stock. Its methods lock once each; the helper
// they share expects the lock to be held already.
type Inventory struct {
	mu    sync.RWMutex // guards stock
	stock map[string]int
}

// Add puts n more of item in stock.
func (inv *Inventory) Add(item string, n int) {
	inv.mu.Lock()
	defer inv.mu.Unlock()
	if inv.stock == nil {
		inv.stock = make(map[string]int)
	}
	inv.stock[item] += n
}

// Count returns how many of item are in stock.
func (inv *Inventory) Count(item string) int {
	inv.mu.RLock()
	defer inv.mu.RUnlock()
	return inv.countLocked(item)
}

// Total returns how many of all the items are in stock, read under one read
// lock so that no Add can slip in between two items.
func (inv *Inventory) Total(items ...string) int {
	inv.mu.RLock()
	defer inv.mu.RUnlock()
	total := 0
	for _, item := range items {
		// Not inv.Count(item): that would RLock a second time, and if an Add
		// were waiting in Lock by then, the second RLock would wait for the
		// Add, which waits for this first read lock: a deadlock.
		total += inv.countLocked(item)
	}
	return total
}

// countLocked is Count for callers that already hold inv.mu, for reading or
// writing. It never locks.
func (inv *Inventory) countLocked(item string) int {
	return inv.stock[item]
}

// This example avoids recursive read locking: Total holds the read lock once
// and calls a helper that expects the lock held, instead of calling Count.
func Example_noRecursiveRLock() {
	var inv Inventory
	var wg sync.WaitGroup
	for range 10 {
		wg.Go(func() { inv.Add("apple", 3) })
		wg.Go(func() { inv.Add("pear", 2) })
	}
	wg.Wait()
	fmt.Println("apples:", inv.Count("apple"))
	fmt.Println("total:", inv.Total("apple", "pear"))
	// Output:
	// apples: 30
	// total: 50
}
