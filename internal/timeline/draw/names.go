package draw

import (
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/goprimer/concurrency/internal/timeline"
)

// laneNames returns the names the lanes are drawn with, each at most
// limit columns wide, all different. Each is the lane's function without
// its package path or "main."; if that does not fit, it loses the
// example's own name too ("func1" for "main.Example_handoff.func1"), and
// if that still does not fit, its start, so that the func literal suffix
// stays. Lanes starting in the same function are numbered, "func1#2".
// In ASCII, a character outside ASCII becomes '?'.
func laneNames(tl *timeline.Timeline, limit int, ascii bool) []string {
	names := make([]string, len(tl.Lanes))
	for i, l := range tl.Lanes {
		names[i] = clean(shortName(l.Name), ascii)
		if names[i] == "" {
			names[i] = "g" + strconv.FormatInt(l.Goroutine, 10)
		}
	}
	numberRepeats(names)
	if widest(names) > limit && tl.Example != "" {
		prefix := clean(tl.Example, ascii) + "."
		for i, n := range names {
			if len(n) > len(prefix) {
				names[i] = strings.TrimPrefix(n, prefix)
			}
		}
	}
	for i, n := range names {
		names[i] = keepEnd(n, limit, ascii)
	}
	// Two long names may still end alike: number them by lane.
	for i := range names {
		for j := i + 1; j < len(names); j++ {
			if names[j] == names[i] {
				suffix := "#" + strconv.Itoa(j)
				names[j] = keepEnd(names[j]+suffix, limit, ascii)
			}
		}
	}
	return names
}

// shortName drops the package path and "main." from a function name:
// "main.worker" is "worker", "golang.org/x/sync/errgroup.(*Group).Go.func1"
// is "errgroup.(*Group).Go.func1".
func shortName(name string) string {
	if i := strings.LastIndex(name, "/"); i >= 0 && !strings.Contains(name[:i], "[") {
		name = name[i+1:]
	}
	return strings.TrimPrefix(name, "main.")
}

// numberRepeats appends "#1", "#2", ... to names that occur more than
// once, in lane order.
func numberRepeats(names []string) {
	orig := slices.Clone(names)
	for i, n := range orig {
		count, k := 0, 0
		for j, m := range orig {
			if m == n {
				count++
				if j <= i {
					k++
				}
			}
		}
		if count > 1 {
			names[i] = n + "#" + strconv.Itoa(k)
		}
	}
}

// clean replaces what cannot be shown: a character that does not print,
// or in ASCII one outside ASCII, becomes '?'.
func clean(s string, ascii bool) string {
	return strings.Map(func(r rune) rune {
		if !unicode.IsPrint(r) || ascii && r > unicode.MaxASCII {
			return '?'
		}
		return r
	}, s)
}

// widest returns the width of the widest name.
func widest(names []string) int {
	w := 0
	for _, n := range names {
		w = max(w, cols(n))
	}
	return w
}

// cols returns how many columns s takes in a terminal: two for an East
// Asian wide character, none for a combining mark, one for any other.
func cols(s string) int {
	n := 0
	for _, r := range s {
		n += runeWidth(r)
	}
	return n
}

func runeWidth(r rune) int {
	switch {
	case unicode.In(r, unicode.Mn, unicode.Me):
		return 0
	case r >= 0x1100 && r <= 0x115F, r >= 0x2E80 && r <= 0xA4CF && r != 0x303F,
		r >= 0xAC00 && r <= 0xD7A3, r >= 0xF900 && r <= 0xFAFF, r >= 0xFE30 && r <= 0xFE4F,
		r >= 0xFF00 && r <= 0xFF60, r >= 0xFFE0 && r <= 0xFFE6, r >= 0x1F300 && r <= 0x1F64F,
		r >= 0x1F900 && r <= 0x1F9FF, r >= 0x20000 && r <= 0x3FFFD:
		return 2
	}
	return 1
}

// ellipsis marks where a name or a line was cut.
func ellipsis(ascii bool) string {
	if ascii {
		return "~"
	}
	return "…"
}

// keepEnd returns s cut to at most limit columns by dropping its start.
func keepEnd(s string, limit int, ascii bool) string {
	if cols(s) <= limit {
		return s
	}
	e := ellipsis(ascii)
	rs := []rune(s)
	w := cols(e)
	i := len(rs)
	for i > 0 && w+runeWidth(rs[i-1]) <= limit {
		i--
		w += runeWidth(rs[i])
	}
	return e + string(rs[i:])
}

// keepStart returns s cut to at most limit columns by dropping its end.
func keepStart(s string, limit int, ascii bool) string {
	if cols(s) <= limit {
		return s
	}
	e := ellipsis(ascii)
	var b strings.Builder
	w := cols(e)
	for _, r := range s {
		if w+runeWidth(r) > limit {
			break
		}
		b.WriteRune(r)
		w += runeWidth(r)
	}
	return b.String() + e
}
