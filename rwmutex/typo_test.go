package rwmutex_test

import (
	"reflect"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestMethodIsRLock checks the correction to the article, which writes the
// read-lock method as Rlock: Go names are case-sensitive, and *sync.RWMutex
// has RLock and no Rlock, so mu.Rlock() does not compile.
func TestMethodIsRLock(t *testing.T) {
	rw := reflect.TypeFor[*sync.RWMutex]()
	_, hasRLock := rw.MethodByName("RLock")
	_, hasRlock := rw.MethodByName("Rlock")
	assert.True(t, hasRLock, "*sync.RWMutex has a method RLock")
	assert.False(t, hasRlock, "*sync.RWMutex has a method Rlock")
}
