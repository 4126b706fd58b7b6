package channel_test

import (
	"go/doc"
	"go/doc/comment"
	"go/parser"
	"go/token"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestDocShowsTheVerifiedTable checks that the table in the package doc is
// exactly what Example_table prints. go test verifies the example's output,
// so the documented table is verified too.
func TestDocShowsTheVerifiedTable(t *testing.T) {
	fset := token.NewFileSet()
	pkgDoc, err := parser.ParseFile(fset, "doc.go", nil, parser.ParseComments)
	require.NoError(t, err)
	var tables []string
	for _, block := range new(comment.Parser).Parse(pkgDoc.Doc.Text()).Content {
		if code, ok := block.(*comment.Code); ok && strings.HasPrefix(code.Text, "operation ") {
			tables = append(tables, code.Text)
		}
	}
	require.Len(t, tables, 1, "tables in the package doc")

	file, err := parser.ParseFile(fset, "example_table_test.go", nil, parser.ParseComments)
	require.NoError(t, err)
	var output string
	for _, ex := range doc.Examples(file) {
		if ex.Name == "_table" {
			output = ex.Output
		}
	}
	require.NotEmpty(t, output, "Example_table's output")
	require.Equal(t, output, tables[0], "the package doc's table; want Example_table's output")
}
