// Package timelines holds pictures of the lessons' key examples: for each,
// an SVG timeline of its goroutines, drawn from the runtime's execution
// trace of one run by cmd/primer's -svg flag. The READMEs show them, and
// each lesson's package doc links its own. [Pictures] lists them, with
// what each must show.
//
// # One run, chosen
//
// Each picture is one run on one machine, chosen to show what the lesson
// says of it. The order of events that an example forces by
// synchronisation is the same in every run: a value is received after it
// is sent, a Mutex has one holder at a time. But whether a
// goroutine had to wait on its way depends on scheduling: the worker of
// mutex's Example_oneHolder asks for the lock while main holds it, yet
// main may unlock before the worker's Lock call, and then the worker
// takes the lock without ever blocking on it. Such a run is as correct as
// any, but its picture does not show what the lesson points at. The
// times, and what happens in between, are real and vary from run to run.
//
// Draw them all again, from the root of the module, with
//
//	go generate ./docs/timelines
//
// which runs the program in ./gen. It builds cmd/primer once and, for
// each picture, runs its example with primer -svg until a run shows what
// [Picture.Shows] says, at most 20 times. If no run does, it fails naming
// the picture and the patterns missing, and writes nothing; otherwise it
// writes every picture. A test checks that every picture the READMEs and
// the lessons' docs show or link is here and in [Pictures], that the
// generator draws every picture here, that each was drawn by the current
// renderer and shows what [Picture.Shows] says (it does not compare
// timings).
package timelines

//go:generate go run ./gen
