package main

import (
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"unicode"
)

// tabWidth is how many columns a tab advances to, in code and output.
const tabWidth = 4

// A screen writes lines for a terminal: tabs expanded, colour only if
// asked for, and lines counted.
type screen struct {
	w     io.Writer
	color bool
	lines int
}

// printf prints a formatted message, its tabs expanded.
func (s *screen) printf(format string, args ...any) {
	text := fmt.Sprintf(format, args...)
	s.lines += strings.Count(text, "\n")
	io.WriteString(s.w, expandTabs(text))
}

// heading prints title, underlined, in bold on a colour terminal.
func (s *screen) heading(title string) {
	s.printf("%s\n%s\n\n", s.paint(bold, title), strings.Repeat("=", displayWidth(title)))
}

// text prints prose, re-wrapping lines that wide characters made wider
// than the screen. Lines of code (indented by four spaces) stay as they
// are, and # headings are in bold.
func (s *screen) text(text string) {
	for line := range strings.Lines(text) {
		line = strings.TrimSuffix(line, "\n")
		switch {
		case strings.HasPrefix(line, "    "):
			s.printf("%s\n", line)
		case strings.HasPrefix(line, "# "):
			s.printf("%s\n", s.paint(bold, line))
		default:
			for _, l := range wrap(line, width) {
				s.printf("%s\n", l)
			}
		}
	}
}

// code prints text indented by four spaces, with its tabs expanded to
// four columns.
func (s *screen) code(text string) {
	for line := range strings.Lines(text) {
		line = strings.TrimRight(line, "\r\n")
		if strings.TrimSpace(line) == "" {
			s.printf("\n")
			continue
		}
		s.printf("    %s\n", expandTabs(line))
	}
}

// ANSI colours.
const (
	bold  = "1"
	red   = "1;31"
	green = "32"
)

// paint returns text in colour, if the screen has colour.
func (s *screen) paint(color, text string) string {
	if !s.color {
		return text
	}
	return "\033[" + color + "m" + text + "\033[0m"
}

// expandTabs replaces each tab with spaces up to the next tab stop.
func expandTabs(text string) string {
	if !strings.Contains(text, "\t") {
		return text
	}
	var b strings.Builder
	col := 0
	for _, r := range text {
		switch r {
		case '\t':
			n := tabWidth - col%tabWidth
			b.WriteString(strings.Repeat(" ", n))
			col += n
		case '\n':
			b.WriteRune(r)
			col = 0
		default:
			b.WriteRune(r)
			col += runeWidth(r)
		}
	}
	return b.String()
}

// wrap breaks line into lines at most limit columns wide, at spaces or
// between wide characters, keeping its indentation on each.
func wrap(line string, limit int) []string {
	if displayWidth(line) <= limit {
		return []string{line}
	}
	indent := line[:len(line)-len(strings.TrimLeft(line, " "))]
	var lines []string
	cur, curWidth := indent, displayWidth(indent)
	lastBreak := -1 // byte offset in cur after which it may break
	for _, r := range line[len(indent):] {
		w := runeWidth(r)
		if r == ' ' && curWidth+w > limit {
			lines = append(lines, strings.TrimRight(cur, " "))
			cur, curWidth, lastBreak = indent, displayWidth(indent), -1
			continue
		}
		if curWidth+w > limit && lastBreak > len(indent) {
			rest := strings.TrimLeft(cur[lastBreak:], " ")
			lines = append(lines, strings.TrimRight(cur[:lastBreak], " "))
			cur = indent + rest
			curWidth = displayWidth(cur)
			lastBreak = -1
		}
		if r == ' ' {
			lastBreak = len(cur)
		}
		cur += string(r)
		curWidth += w
		if w == 2 {
			lastBreak = len(cur)
		}
	}
	return append(lines, cur)
}

// columns lays rows out in aligned columns, measuring Chinese characters
// as two columns, and wraps the last column to fit in limit. It returns the
// lines of each row.
func columns(rows [][]string, limit int) [][]string {
	var widths []int
	for _, row := range rows {
		for i, cell := range row {
			if i == len(widths) {
				widths = append(widths, 0)
			}
			widths[i] = max(widths[i], displayWidth(cell))
		}
	}
	lead := 0
	for _, wd := range widths[:len(widths)-1] {
		lead += wd + 2
	}
	out := make([][]string, len(rows))
	for r, row := range rows {
		var line strings.Builder
		for i, cell := range row[:len(row)-1] {
			line.WriteString(cell)
			line.WriteString(strings.Repeat(" ", widths[i]-displayWidth(cell)+2))
		}
		for i, l := range wrap(strings.Repeat(" ", lead)+row[len(row)-1], limit) {
			if i == 0 {
				l = line.String() + strings.TrimLeft(l, " ")
			}
			out[r] = append(out[r], l)
		}
	}
	return out
}

// displayWidth is the number of terminal columns s takes.
func displayWidth(s string) int {
	n := 0
	for _, r := range s {
		n += runeWidth(r)
	}
	return n
}

// runeWidth is two for a wide (East Asian) character, one for any other.
func runeWidth(r rune) int {
	if r < 0x1100 { // the first wide block, Hangul Jamo
		return 1
	}
	if unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul) || (r >= 0xFF01 && r <= 0xFF60) || (r >= 0x3000 && r <= 0x303F) {
		return 2
	}
	return 1
}

// isTerminal reports whether f is a terminal (a character device).
func isTerminal(f *os.File) bool {
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}

// screenRows is the height of the terminal as the shell reports it in
// LINES, or 24.
func screenRows() int {
	if n, err := strconv.Atoi(os.Getenv("LINES")); err == nil && n > 0 {
		return n
	}
	return 24
}

// utf8Locale reports whether the locale that getenv's environment sets
// for character types has the codeset UTF-8. As POSIX orders them, LC_ALL
// decides if it is set and not empty, then LC_CTYPE, then LANG; with none
// set, the locale is "C", which is ASCII. A locale is written
// language[_territory][.codeset][@modifier], and the codeset may be
// spelled UTF-8, utf8 or in any case between.
func utf8Locale(getenv func(string) string) bool {
	for _, name := range []string{"LC_ALL", "LC_CTYPE", "LANG"} {
		locale := getenv(name)
		if locale == "" {
			continue
		}
		locale, _, _ = strings.Cut(locale, "@")
		_, codeset, _ := strings.Cut(locale, ".")
		return strings.EqualFold(strings.ReplaceAll(codeset, "-", ""), "utf8")
	}
	return false
}
