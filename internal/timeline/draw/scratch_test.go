package draw

import (
	"os"
	"testing"
)

func TestScratch(t *testing.T) {
	for _, f := range fixtures() {
		for _, w := range []int{60, 80} {
			for _, a := range []bool{false, true} {
				if err := Text(os.Stdout, f.tl, w, a); err != nil {
					t.Fatal(err)
				}
				os.Stdout.WriteString("\n")
			}
		}
	}
}
