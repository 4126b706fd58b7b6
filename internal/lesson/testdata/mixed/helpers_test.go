package mixed_test

import (
	"strings"
	"testing"
)

// shout is a helper of Example_helper. This file declares no example,
// though this comment names one:
//
//	func Example_none() {}
func shout(s string) string { return strings.ToUpper(s) }

func TestHelper(t *testing.T) {}
