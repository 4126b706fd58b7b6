// Package timelines holds pictures of the lessons' key examples: for each,
// an SVG timeline of its goroutines, drawn from the runtime's execution
// trace of one run by cmd/primer's -svg flag. The READMEs show them, and
// each lesson's package doc links its own. Each picture is one run on one
// machine: the order of events that the example forces by synchronisation
// is the same in every run, but the times, and what happens in between,
// are real and vary.
//
// Draw them all again, from the root of the module, with
//
//	go generate ./docs/timelines
//
// which runs the go:generate lines of this file, one primer command per
// picture. A test checks that every picture the READMEs and the lessons'
// docs show or link is here, that every picture here is drawn by one of
// those lines, and that each was drawn by the current renderer (it does
// not compare timings).
package timelines

//go:generate go run ../../cmd/primer -svg . -run ^Example_unbuffered$ channel
//go:generate go run ../../cmd/primer -svg . -run ^Example_oneHolder$ mutex
//go:generate go run ../../cmd/primer -svg . -run ^Example_readersShare$ rwmutex
//go:generate go run ../../cmd/primer -svg . -run ^Example_writerWaitsForReader$ rwmutex
//go:generate go run ../../cmd/primer -svg . -run ^Example$ selectloop
//go:generate go run ../../cmd/primer -svg . -run ^Example_pipeline$ done
//go:generate go run ../../cmd/primer -svg . -run ^ExampleHandle_cancel$ ctxdemo
