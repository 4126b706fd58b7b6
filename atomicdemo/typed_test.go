package atomicdemo_test

import (
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"sync/atomic"
	"testing"
	"unsafe"

	"github.com/stretchr/testify/require"

	"github.com/goprimer/concurrency/internal/vettest"
)

// TestVetReportsAtomicMisuse runs the real go vet on testdata/misuse, which
// copies each typed atomic (claim A2) by assignment, by a value receiver and
// by a call. copylocks must report every copy of Int32, Int64, Uint64, Bool
// and Pointer[T], which all hold a sync/atomic.noCopy, and must stay silent
// about the copied atomic.Value, which holds none. The package compiles, or
// vet would fail: a copy is legal Go, caught only by vet. The atomic check
// must also report n = atomic.AddInt64(&n, 1), a mistake the old functions
// allow and the typed atomics cannot express.
func TestVetReportsAtomicMisuse(t *testing.T) {
	t.Parallel() // runs go vet: overlap it with the other tests
	got := vettest.Check(t, "testdata/misuse")
	const noCopy = " contains sync/atomic.noCopy"
	want := []vettest.Diagnostic{
		{File: "assign.go", Line: 15, Analyzer: "atomic", Message: "direct assignment to atomic value"},
		{File: "copies.go", Line: 27, Analyzer: "copylocks", Message: "total passes lock by value: github.com/goprimer/concurrency/atomicdemo/testdata/misuse.stats contains sync/atomic.Int64" + noCopy},
		{File: "copies.go", Line: 32, Analyzer: "copylocks", Message: "add passes lock by value: sync/atomic.Int64" + noCopy},
		{File: "copies.go", Line: 38, Analyzer: "copylocks", Message: "assignment copies lock value to n: sync/atomic.Int64" + noCopy},
		{File: "copies.go", Line: 39, Analyzer: "copylocks", Message: "assignment copies lock value to e: sync/atomic.Int32" + noCopy},
		{File: "copies.go", Line: 40, Analyzer: "copylocks", Message: "assignment copies lock value to b: sync/atomic.Uint64" + noCopy},
		{File: "copies.go", Line: 41, Analyzer: "copylocks", Message: "assignment copies lock value to r: sync/atomic.Bool" + noCopy},
		{File: "copies.go", Line: 42, Analyzer: "copylocks", Message: "assignment copies lock value to l: sync/atomic.Pointer[string]" + noCopy},
		{File: "copies.go", Line: 44, Analyzer: "copylocks", Message: "call of add copies lock value: sync/atomic.Int64" + noCopy},
	}
	require.Equal(t, want, got, "go vet diagnostics for testdata/misuse, sorted by file:line text (A2)")
}

// fset and sourceImporter are shared by every type check, so sync/atomic
// is type-checked from its source once per test binary, not once per call.
var (
	fset           = token.NewFileSet()
	sourceImporter = importer.ForCompiler(fset, "source", nil)
)

// typeCheck type-checks src as package p, sized for the gc compiler on
// arch, and returns the package and the messages of its errors.
func typeCheck(t *testing.T, arch, src string) (*types.Package, []string) {
	t.Helper()
	f, err := parser.ParseFile(fset, "p.go", src, 0)
	require.NoError(t, err)
	var msgs []string
	conf := types.Config{
		Importer: sourceImporter,
		Sizes:    types.SizesFor("gc", arch),
		Error:    func(err error) { msgs = append(msgs, err.(types.Error).Msg) },
	}
	pkg, _ := conf.Check("p", fset, []*ast.File{f}, nil)
	return pkg, msgs
}

// TestTypedAtomicsAllowNoPlainAccess checks the protection claim A2 really
// gives: the value inside a typed atomic is an unexported field, so code can
// only reach it through the atomic methods, and a plain n++ or read does
// not compile. An int64 handled with the atomic functions has no such
// guard: a forgotten plain n++ beside atomic.AddInt64 compiles (and races).
// Pointer[T] also refuses conversion to a Pointer of another element type,
// and Bool has no And or Or.
func TestTypedAtomicsAllowNoPlainAccess(t *testing.T) {
	_, errs := typeCheck(t, "amd64", `package p

import "sync/atomic"

var (
	n atomic.Int64
	b atomic.Bool
	p atomic.Pointer[int]
	raw int64
)

func f() {
	n++
	_ = n.v
	_ = atomic.Pointer[string](p)
	b.Or(true)
	atomic.AddInt64(&raw, 1)
	raw++ // compiles: nothing ties raw to the atomic functions
}
`)
	want := []string{
		"invalid operation: n++ (non-numeric type atomic.Int64)",
		"n.v undefined (cannot refer to unexported field v)",
		"cannot convert p (variable of struct type atomic.Pointer[int]) to type atomic.Pointer[string]",
		"b.Or undefined (type atomic.Bool has no field or method Or)",
	}
	require.Equal(t, want, errs, "go/types errors, in source order; want each plain use of a typed atomic refused and raw++ accepted (A2)")
}

// TestInt64AndUint64AreAlways64BitAligned checks the alignment half of
// claim A2. On 32-bit platforms an int64 is only 4-byte aligned, so after
// an int32 it sits at offset 4, and on 386, ARM and 32-bit MIPS a 64-bit
// atomic operation there panics with "unaligned 64-bit atomic operation"
// (internal/runtime/atomic). atomic.Int64 and atomic.Uint64 hold a field of type
// sync/atomic.align64, which the compiler (and go/types, which mirrors it)
// treats as 8-byte aligned, so they sit at offset 8 on every platform.
func TestInt64AndUint64AreAlways64BitAligned(t *testing.T) {
	const src = `package p

import "sync/atomic"

type plain struct {
	flag int32
	n    int64
}

type signed struct {
	flag int32
	n    atomic.Int64
}

type unsigned struct {
	flag int32
	n    atomic.Uint64
}
`
	for _, arch := range []string{"386", "arm", "mips", "amd64", "arm64"} {
		t.Run(arch, func(t *testing.T) {
			pkg, errs := typeCheck(t, arch, src)
			require.Empty(t, errs, "go/types errors")
			sizes := types.SizesFor("gc", arch)
			offsetOfN := func(name string) int64 {
				st := pkg.Scope().Lookup(name).Type().Underlying().(*types.Struct)
				return sizes.Offsetsof([]*types.Var{st.Field(0), st.Field(1)})[1]
			}
			require.Equal(t, int64(8), offsetOfN("signed"), "offset of an atomic.Int64 after an int32 on %s (A2)", arch)
			require.Equal(t, int64(8), offsetOfN("unsigned"), "offset of an atomic.Uint64 after an int32 on %s (A2)", arch)
			wantPlain := int64(8)
			if sizes.Sizeof(types.Typ[types.Uintptr]) == 4 {
				wantPlain = 4 // a 32-bit platform: int64 needs only 4-byte alignment
			}
			require.Equal(t, wantPlain, offsetOfN("plain"), "offset of a plain int64 after an int32 on %s", arch)
		})
	}

	t.Run("this platform", func(t *testing.T) {
		var s struct {
			flag int32
			n    atomic.Int64
			u    atomic.Uint64
		}
		require.Equal(t, uintptr(8), unsafe.Offsetof(s.n), "offset of an atomic.Int64 after an int32 (A2)")
		require.Equal(t, uintptr(8), unsafe.Alignof(s.u), "alignment of atomic.Uint64 (A2)")
	})
}

// TestBoolIsAUint32 checks what the package doc says of atomic.Bool's size:
// it holds a uint32, so it takes 4 bytes where a bool takes 1. Go 1.27's
// sync/atomic documentation adds that a Bool may be larger than a bool; Go
// 1.26's says nothing, and the type is the same in both.
func TestBoolIsAUint32(t *testing.T) {
	require.Equal(t, uintptr(4), unsafe.Sizeof(atomic.Bool{}), "unsafe.Sizeof(atomic.Bool{})")
	require.Equal(t, uintptr(1), unsafe.Sizeof(false), "unsafe.Sizeof(false)")
}
