// Command hello prints its arguments; crashtest's tests build it.
package main

import (
	"fmt"
	"os"
)

func main() {
	fmt.Println(os.Args[1:])
}
