package once_test

import (
	"errors"
	"sync"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/goprimer/concurrency/internal/watchdog"
)

// TestPanickingFCountsAsDone proves O2: the panic reaches the caller whose
// Do ran f, and after it the Once counts as done. Later calls of Do return
// normally without calling f, and so does a caller that was waiting in Do
// when f panicked.
func TestPanickingFCountsAsDone(t *testing.T) {
	errBoom := errors.New("boom")

	t.Run("later calls return without calling f", func(t *testing.T) {
		var once sync.Once
		got, _ := catch(func() { once.Do(func() { explode(errBoom) }) })
		requirePanicValue(t, errBoom, got, "the first Do, whose f panicked,")

		ran := false
		got, _ = catch(func() { once.Do(func() { ran = true }) })
		require.Nil(t, got, "what the second Do panicked with; want a normal return (O2)")
		require.False(t, ran, "the second Do called its f; want the panicking f to count as done (O2)")
	})

	t.Run("a caller waiting for f returns normally", func(t *testing.T) {
		var once sync.Once
		entered := make(chan struct{})
		release := make(chan struct{})
		first := make(chan any, 1)
		go func() {
			got, _ := catch(func() {
				once.Do(func() {
					close(entered)
					<-release
					explode(errBoom)
				})
			})
			first <- got
		}()
		watchdog.Within(t, "O2: the first caller's f starts", func() { <-entered })

		type outcome struct {
			panicked any
			ran      bool
		}
		second := make(chan outcome, 1)
		go func() {
			var o outcome
			o.panicked, _ = catch(func() { once.Do(func() { o.ran = true }) })
			second <- o
		}()
		// The second caller is now on its way into Do or waiting in it: f
		// has not returned, so Do cannot let it through (O1).
		close(release)

		var got1 any
		var got2 outcome
		watchdog.Within(t, "O2: both callers of Do return after f panics", func() {
			got1 = <-first
			got2 = <-second
		})
		requirePanicValue(t, errBoom, got1, "the first caller's Do, whose f panicked,")
		require.Nil(t, got2.panicked, "what the second caller's Do panicked with; want a normal return (O2)")
		require.False(t, got2.ran, "the second caller's f ran; want the panicking f to count as done (O2)")
	})
}
