//go:build !unix

package gocmd

import "os/exec"

// ownGroup leaves cmd as it is: on this system a cancelled go command is
// killed, as exec.CommandContext does by default.
func ownGroup(cmd *exec.Cmd) {}
