package pool_test

import (
	"bytes"
	"runtime"
	"sync"
	"testing"
	"weak"

	"github.com/stretchr/testify/require"
)

// TestPoolKeepsTheLargestBufferAlive proves P4 (Go issue 23199). One 1 MiB
// request, then three GC cycles of a hundred 64-byte requests each: put
// back whatever its size, the big buffer stays in the Pool, every small
// request is served with it, and being in use in every cycle it survives
// every GC. Put back through putBuffer, which refuses buffers over
// maxPooled, it is freed at the first GC and the small requests get small
// buffers.
//
// The Pool never holds more than one buffer here (the requests run one at
// a time on one P), so the big buffer is alive exactly when the next Get
// returns it. In a race build Put drops one buffer in four, so the
// uncapped Pool loses the big buffer too, sooner or later; the test then
// only checks that it is alive exactly when Get returns it.
func TestPoolKeepsTheLargestBufferAlive(t *testing.T) {
	onePNoAutoGC(t)
	putAll := func(p *sync.Pool, b *bytes.Buffer) {
		b.Reset()
		p.Put(b)
	}
	for _, tc := range []struct {
		name      string
		put       func(*sync.Pool, *bytes.Buffer)
		keepsBig  bool // whether the big buffer must still be alive at the end
		maybeKeep bool // whether it may be (a race build can drop it)
	}{
		{"put back whatever its size", putAll, !raceEnabled, true},
		{"put back only up to maxPooled", putBuffer, false, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := &sync.Pool{New: func() any { return new(bytes.Buffer) }}
			big := serve(p, 1<<20, tc.put)
			for range 3 {
				for range 100 {
					serve(p, 64, tc.put)
				}
				runtime.GC()
			}

			alive := big.Value() != nil
			next := p.Get().(*bytes.Buffer)
			t.Logf("after the small requests: big buffer alive %v, next buffer's capacity %d", alive, next.Cap())
			if tc.keepsBig {
				require.True(t, alive, "P4: the 1 MiB buffer is still alive after 300 small requests and 3 GCs")
			}
			if !tc.maybeKeep {
				require.False(t, alive, "P4: the 1 MiB buffer, not put back, is freed by the first GC")
				require.LessOrEqual(t, next.Cap(), maxPooled, "P4: capacity of the buffer a small request gets")
			}
			if alive {
				require.Same(t, big.Value(), next, "P4: the buffer the next small request gets is the 1 MiB one")
			}
		})
	}
}

// serve handles one request that writes size bytes, with a buffer from p
// returned through put, and returns a weak pointer to the buffer it used.
func serve(p *sync.Pool, size int, put func(*sync.Pool, *bytes.Buffer)) weak.Pointer[bytes.Buffer] {
	b := p.Get().(*bytes.Buffer)
	b.Write(make([]byte, size))
	w := weak.Make(b)
	put(p, b)
	return w
}
