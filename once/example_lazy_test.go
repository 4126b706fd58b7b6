package once_test

import (
	"fmt"
	"sync"
)

type config struct {
	addr string
}

var loads int // how many times loadConfig ran

func loadConfig() *config {
	loads++
	return &config{addr: "localhost:8080"}
}

// currentConfig loads the config on first use. A plain
// "if cfg == nil { cfg = loadConfig() }" would be a data race as soon as two
// goroutines call it; OnceValue makes them share one load.
var currentConfig = sync.OnceValue(loadConfig)

// This example initialises a shared value lazily, on first use, from several
// goroutines at once, with a package-level OnceValue.
func Example_lazyInit() {
	var wg sync.WaitGroup
	got := make([]*config, 4)
	for i := range got {
		wg.Go(func() { got[i] = currentConfig() })
	}
	wg.Wait()

	fmt.Println("loads:", loads)
	fmt.Println("same config for all:", got[0] == got[1] && got[1] == got[2] && got[2] == got[3])
	fmt.Println("addr:", got[0].addr)
	// Output:
	// loads: 1
	// same config for all: true
	// addr: localhost:8080
}
