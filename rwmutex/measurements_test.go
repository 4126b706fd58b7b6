package rwmutex_test

import (
	"fmt"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// row is one line of the measured table in doc.go: nanoseconds per
// operation for each cache.
type row struct {
	mutex, rwmutex, syncMap, cow int
}

// key names a row by its first three columns, as in {"1us", 99, 2}.
type key struct {
	work  string
	reads int
	cpus  int
}

// TestMeasurementsSayWhatTheTableShows checks every figure and comparison
// that the package doc draws from its table of measurements against the
// table itself, so that a sentence cannot claim more than the numbers show,
// and a new table cannot leave old conclusions behind unnoticed.
func TestMeasurementsSayWhatTheTableShows(t *testing.T) {
	doc, table := readDoc(t)
	require.Len(t, table, 16, "rows in the table of doc.go")
	at := func(work string, reads, cpus int) row {
		t.Helper()
		r, ok := table[key{work, reads, cpus}]
		require.True(t, ok, "no row work=%s reads=%d%% cpus=%d in the table", work, reads, cpus)
		return r
	}
	// says fails unless the doc states phrase, which the check that follows
	// it then proves from the table.
	says := func(phrase string) {
		t.Helper()
		require.Contains(t, doc, phrase, "package doc; the test checks this statement against the table")
	}

	t.Run("one CPU: the locks at most 13% apart, widest at 1us and 99% reads", func(t *testing.T) {
		says("With one CPU the two locks cost about the same, at most 13% apart: the widest gap is 863 against 971 ns, at 99% reads with a microsecond of work")
		widest, widestKey := 0.0, key{}
		for k, r := range table {
			if k.cpus != 1 {
				continue
			}
			gap := float64(max(r.mutex, r.rwmutex))/float64(min(r.mutex, r.rwmutex)) - 1
			if gap > widest {
				widest, widestKey = gap, k
			}
		}
		require.LessOrEqual(t, widest, 0.13, "widest gap between the locks with one CPU, at %+v", widestKey)
		require.Equal(t, key{"1us", 99, 1}, widestKey, "row of the widest gap")
		require.Equal(t, row{971, 863, 0, 0}, row{at("1us", 99, 1).mutex, at("1us", 99, 1).rwmutex, 0, 0}, "mutex and rwmutex at 1us, 99%%, 1 CPU")
	})

	t.Run("bare lookup, two CPUs: no reliable win", func(t *testing.T) {
		says("31 against 40 ns at 90% reads, but 44 against 35 with no writes at all")
		r90, r100 := at("none", 90, 2), at("none", 100, 2)
		require.Equal(t, [2]int{31, 40}, [2]int{r90.rwmutex, r90.mutex}, "rwmutex and mutex at none, 90%%, 2 CPUs")
		require.Equal(t, [2]int{44, 35}, [2]int{r100.rwmutex, r100.mutex}, "rwmutex and mutex at none, 100%%, 2 CPUs")

		says("Both locks cost 20 to 44 ns in every row without work")
		says("an operation with a bare map lookup costs 20 to 44 ns with either lock")
		for k, r := range table {
			if k.work == "none" {
				for _, ns := range []int{r.mutex, r.rwmutex} {
					require.True(t, 20 <= ns && ns <= 44, "a lock at %+v costs %d ns; want 20 to 44", k, ns)
				}
			}
		}
	})

	t.Run("1us of work, two CPUs: halved without writes, not with them", func(t *testing.T) {
		says("the RWMutex halves the cost when nobody writes (526 against 1,018 ns)")
		r := at("1us", 100, 2)
		require.Equal(t, [2]int{526, 1018}, [2]int{r.rwmutex, r.mutex}, "rwmutex and mutex at 1us, 100%%, 2 CPUs")
		require.InDelta(t, 0.5, float64(r.rwmutex)/float64(r.mutex), 0.05, "rwmutex/mutex at 1us, 100%%, 2 CPUs")

		says("One write in a hundred operations takes nearly all of that away (937 against 1,034)")
		r = at("1us", 99, 2)
		require.Equal(t, [2]int{937, 1034}, [2]int{r.rwmutex, r.mutex}, "rwmutex and mutex at 1us, 99%%, 2 CPUs")
		require.Greater(t, float64(r.rwmutex)/float64(r.mutex), 0.85, "rwmutex/mutex at 1us, 99%%, 2 CPUs; want most of the halving gone")

		says("at 90% and 50% reads it is no faster than the Mutex (975 against 956, 574 against 547)")
		r90, r50 := at("1us", 90, 2), at("1us", 50, 2)
		require.Equal(t, [4]int{975, 956, 574, 547}, [4]int{r90.rwmutex, r90.mutex, r50.rwmutex, r50.mutex},
			"rwmutex and mutex at 1us and 2 CPUs, 90%% then 50%%")
	})

	t.Run("sync.Map alone gets cheaper with two CPUs at every read share", func(t *testing.T) {
		says("sync.Map is the only one that gets cheaper with the second CPU at every read share once reads do real work")
		caches := map[string]func(row) int{
			"mutex":         func(r row) int { return r.mutex },
			"rwmutex":       func(r row) int { return r.rwmutex },
			"sync.Map":      func(r row) int { return r.syncMap },
			"copy-on-write": func(r row) int { return r.cow },
		}
		var scaling []string
		for name, cost := range caches {
			cheaper := true
			for _, reads := range []int{50, 90, 99, 100} {
				cheaper = cheaper && cost(at("1us", reads, 2)) < cost(at("1us", reads, 1))
			}
			if cheaper {
				scaling = append(scaling, name)
			}
		}
		require.Equal(t, []string{"sync.Map"}, scaling, "caches cheaper with 2 CPUs than 1 at every read share with 1us of work")

		says("480 to 496 ns at 90% and 99% reads, about half the locks' cost")
		for _, reads := range []int{90, 99} {
			r := at("1us", reads, 2)
			require.True(t, 480 <= r.syncMap && r.syncMap <= 496, "sync.Map at 1us, %d%%, 2 CPUs: %d ns; want 480 to 496", reads, r.syncMap)
			for _, lock := range []int{r.mutex, r.rwmutex} {
				require.InDelta(t, 0.5, float64(r.syncMap)/float64(lock), 0.05, "sync.Map/lock at 1us, %d%%, 2 CPUs", reads)
			}
		}
	})

	t.Run("copy-on-write: cheapest bare reads, writes over a hundred times dearer", func(t *testing.T) {
		says("Copy-on-write has the cheapest bare reads: with no writes and no work, 25 ns with one CPU and 12 with two")
		require.Equal(t, [2]int{25, 12}, [2]int{at("none", 100, 1).cow, at("none", 100, 2).cow}, "copy-on-write at none, 100%%, 1 then 2 CPUs")
		for _, cpus := range []int{1, 2} {
			r := at("none", 100, cpus)
			require.Less(t, r.cow, min(r.mutex, r.rwmutex, r.syncMap), "copy-on-write at none, 100%%, %d CPUs; want the cheapest", cpus)
		}

		says("at 50% reads it is over a hundred times slower than the locks with bare lookups (5,237 and 12,599 ns), and over ten times slower with a microsecond of work")
		r1, r2 := at("none", 50, 1), at("none", 50, 2)
		require.Equal(t, [2]int{5237, 12599}, [2]int{r1.cow, r2.cow}, "copy-on-write at none, 50%%, 1 then 2 CPUs")
		for k, r := range table {
			if k.reads != 50 {
				continue
			}
			times := map[string]int{"none": 100, "1us": 10}[k.work]
			require.Greater(t, r.cow, times*max(r.mutex, r.rwmutex), "copy-on-write at %+v; want over %d times either lock", k, times)
		}
	})
}

// readDoc returns the package doc as one line of text, without comment
// markers, and the table of measurements it holds, by row.
func readDoc(t *testing.T) (string, map[key]row) {
	t.Helper()
	src, err := os.ReadFile("doc.go")
	require.NoError(t, err)
	var text []string
	table := make(map[key]row)
	inTable := false
	for line := range strings.Lines(string(src)) {
		line = strings.TrimRight(line, "\n")
		if cell, ok := strings.CutPrefix(line, "//\t"); ok {
			fields := strings.Fields(cell)
			if len(fields) > 0 && fields[0] == "work" {
				inTable = true
				continue
			}
			if inTable && len(fields) == 7 {
				k, r, err := parseRow(fields)
				require.NoError(t, err, "table row %q", cell)
				table[k] = r
			}
			continue
		}
		inTable = false
		text = append(text, strings.TrimSpace(strings.TrimPrefix(line, "//")))
	}
	return strings.Join(strings.Fields(strings.Join(text, " ")), " "), table
}

// parseRow reads the fields of a table row such as
// "1us 99% 2 1,034 937 480 845".
func parseRow(fields []string) (key, row, error) {
	reads, err := strconv.Atoi(strings.TrimSuffix(fields[1], "%"))
	if err != nil {
		return key{}, row{}, err
	}
	var n [5]int
	for i, f := range fields[2:] {
		if n[i], err = strconv.Atoi(strings.ReplaceAll(f, ",", "")); err != nil {
			return key{}, row{}, fmt.Errorf("column %d: %w", i+3, err)
		}
	}
	return key{fields[0], reads, n[0]}, row{n[1], n[2], n[3], n[4]}, nil
}
