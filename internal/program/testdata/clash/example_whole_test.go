package clash_test

import (
	"fmt"
	"strings"
)

var said []string

func init() { said = append(said, "init") }

// Main is a name the generated package would use.
func Main() { said = append(said, "Main") }

func greeting() string { return "whole" }

// This whole-file example has an init function and a function Main.
func Example_whole() {
	Main()
	fmt.Println(greeting(), strings.Join(said, " "))
	// Output: whole init Main
}
