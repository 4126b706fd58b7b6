package ctxdemo_test

import (
	"context"
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/require"
)

// TestContextMethodsBeforeAndAfterCancellation checks what the four methods
// of each kind of context return before it ends and after, whether it ends
// by cancel or by its deadline.
func TestContextMethodsBeforeAndAfterCancellation(t *testing.T) {
	type key struct{}
	noCancel := func() {}
	tests := []struct {
		name     string
		new      func() (context.Context, context.CancelFunc) // runs at the bubble's start
		deadline time.Duration                                // after the start; 0 for none
		canEnd   bool                                         // Done is not nil
		value    any                                          // Value(key{})
		expire   bool                                         // end by waiting for the deadline, not by cancel
		errAfter error
	}{
		{
			name: "Background",
			new:  func() (context.Context, context.CancelFunc) { return context.Background(), noCancel },
		},
		{
			name: "TODO",
			new:  func() (context.Context, context.CancelFunc) { return context.TODO(), noCancel },
		},
		{
			name:     "WithCancel, cancelled",
			new:      func() (context.Context, context.CancelFunc) { return context.WithCancel(context.Background()) },
			canEnd:   true,
			errAfter: context.Canceled,
		},
		{
			name: "WithDeadline, cancelled early",
			new: func() (context.Context, context.CancelFunc) {
				return context.WithDeadline(context.Background(), time.Now().Add(time.Second))
			},
			deadline: time.Second,
			canEnd:   true,
			errAfter: context.Canceled,
		},
		{
			name: "WithDeadline, expired",
			new: func() (context.Context, context.CancelFunc) {
				return context.WithDeadline(context.Background(), time.Now().Add(time.Second))
			},
			deadline: time.Second,
			canEnd:   true,
			expire:   true,
			errAfter: context.DeadlineExceeded,
		},
		{
			name: "WithTimeout, cancelled early",
			new: func() (context.Context, context.CancelFunc) {
				return context.WithTimeout(context.Background(), 2*time.Second)
			},
			deadline: 2 * time.Second,
			canEnd:   true,
			errAfter: context.Canceled,
		},
		{
			name: "WithTimeout, expired",
			new: func() (context.Context, context.CancelFunc) {
				return context.WithTimeout(context.Background(), 2*time.Second)
			},
			deadline: 2 * time.Second,
			canEnd:   true,
			expire:   true,
			errAfter: context.DeadlineExceeded,
		},
		{
			name: "WithValue over Background",
			new: func() (context.Context, context.CancelFunc) {
				return context.WithValue(context.Background(), key{}, "v"), noCancel
			},
			value: "v",
		},
		{
			// A value context adds a value and passes everything else
			// through to its parent.
			name: "WithValue over WithTimeout, expired",
			new: func() (context.Context, context.CancelFunc) {
				ctx, cancel := context.WithTimeout(context.Background(), 3*time.Second)
				return context.WithValue(ctx, key{}, "v"), cancel
			},
			deadline: 3 * time.Second,
			canEnd:   true,
			value:    "v",
			expire:   true,
			errAfter: context.DeadlineExceeded,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				start := time.Now()
				ctx, cancel := tt.new()
				defer cancel()
				done := ctx.Done()

				check := func(when string, wantErr error) {
					t.Helper()
					d, ok := ctx.Deadline()
					if tt.deadline == 0 {
						require.False(t, ok, "%s: Deadline reports a deadline (%v)", when, d)
						require.True(t, d.IsZero(), "%s: Deadline() = %v; want the zero time", when, d)
					} else {
						require.True(t, ok, "%s: Deadline reports none", when)
						require.Equal(t, start.Add(tt.deadline), d, "%s: Deadline", when)
					}
					require.True(t, ctx.Done() == done, "%s: Done returned another channel", when)
					require.Equal(t, tt.canEnd, done != nil, "%s: Done() != nil", when)
					require.Equal(t, wantErr != nil, isClosed(done), "%s: Done() closed", when)
					requireErr(t, when+": Err()", ctx.Err(), wantErr)
					require.Equal(t, tt.value, ctx.Value(key{}), "%s: Value", when)
				}

				check("before", nil)
				if tt.expire {
					<-done
					require.Equal(t, tt.deadline, time.Since(start), "Done closed at")
				} else {
					cancel()
				}
				check("after", tt.errAfter)
			})
		})
	}
}
