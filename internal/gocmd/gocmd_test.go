package gocmd_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"go.uber.org/goleak"

	"github.com/goprimer/concurrency/internal/gocmd"
)

func TestMain(m *testing.M) {
	goleak.VerifyTestMain(m)
}

func TestEnvPinsTheToolchainAndKeepsTheUsersFlags(t *testing.T) {
	got := gocmd.Env([]string{"HOME=/h", "GOFLAGS=-timeout=2m", "GOTOOLCHAIN=go1.27.3", "GOWORK=/w/go.work"})
	assert.Equal(t, []string{"HOME=/h", "GOTOOLCHAIN=local", "GOWORK=off", "GOFLAGS=-timeout=2m -mod=mod"}, got)
	assert.Equal(t, []string{"GOTOOLCHAIN=local", "GOWORK=off", "GOFLAGS=-mod=mod"}, gocmd.Env(nil))
}
