// Command gen draws the pictures of docs/timelines again. Run it as
//
//	go generate ./docs/timelines
//
// It builds cmd/primer once, then, for each picture of
// [timelines.Pictures], runs its example with primer -svg into a
// temporary directory and checks that the run shows what the picture must
// show. A run that does not is drawn again, up to a bound; if no run
// shows it, gen fails naming the picture and the missing patterns, and
// writes nothing. Only when every picture has a run that shows what it
// must does gen write them all into the current directory.
package main

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"

	"github.com/goprimer/concurrency/docs/timelines"
)

// runs bounds the runs of one example that gen tries before it gives up.
// A picture that needs more is of an example that does not make what its
// picture shows likely enough: fix the example or what the picture must
// show, not the bound.
const runs = 20

func main() {
	if err := generate(); err != nil {
		fmt.Fprintf(os.Stderr, "gen: %v\n", err)
		os.Exit(1)
	}
}

func generate() error {
	if os.Getenv("GOPACKAGE") != "timelines" {
		return errors.New("run me with go generate ./docs/timelines, which runs me in the directory the pictures go to")
	}
	tmp, err := os.MkdirTemp("", "timelines-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)

	primer := filepath.Join(tmp, "primer")
	build := exec.Command("go", "build", "-o", primer, "github.com/goprimer/concurrency/cmd/primer")
	if out, err := build.CombinedOutput(); err != nil {
		return fmt.Errorf("building cmd/primer: %v\n%s", err, out)
	}

	drawn := make([][]byte, len(timelines.Pictures))
	for i, p := range timelines.Pictures {
		svg, n, err := draw(primer, filepath.Join(tmp, "runs"), p)
		if err != nil {
			return err
		}
		drawn[i] = svg
		fmt.Printf("%s: run %d of up to %d shows it\n", p.File(), n, runs)
	}
	for i, p := range timelines.Pictures {
		if err := os.WriteFile(p.File(), drawn[i], 0o644); err != nil {
			return err
		}
	}
	fmt.Printf("wrote %d pictures\n", len(timelines.Pictures))
	return nil
}

// draw runs p's example with primer -svg until a run shows what p must
// show, at most runs times, and returns that run's picture and how many
// runs it took. An example that fails, or prints other than its
// // Output: comment, fails at once: that is no matter of scheduling.
func draw(primer, dir string, p timelines.Picture) ([]byte, int, error) {
	var missing []string
	for n := 1; n <= runs; n++ {
		if err := os.RemoveAll(dir); err != nil {
			return nil, 0, err
		}
		cmd := exec.Command(primer, "-svg", dir, "-run", "^"+regexp.QuoteMeta(p.Example)+"$", p.Section)
		var out bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &out
		if err := cmd.Run(); err != nil {
			return nil, 0, fmt.Errorf("%s: %s: %v\n%s", p.File(), cmd, err, out.Bytes())
		}
		svg, err := os.ReadFile(filepath.Join(dir, p.File()))
		if err != nil {
			return nil, 0, fmt.Errorf("%s: primer wrote no such picture: %v\n%s", p.File(), err, out.Bytes())
		}
		if missing, err = p.Missing(svg); err != nil {
			return nil, 0, err
		}
		if len(missing) == 0 {
			return svg, n, nil
		}
	}
	return nil, 0, fmt.Errorf("%s: none of %d runs shows what the docs say of it: in the last, no title matches %q\n"+
		"the example does not make it likely enough: make the example force it, or say less of its picture", p.File(), runs, missing)
}
