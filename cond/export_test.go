package cond

// SetTestHookBeforeWait makes WaitContext call f between registering its
// AfterFunc and its first Wait, until the returned function is called.
func SetTestHookBeforeWait(f func()) (restore func()) {
	testHookBeforeWait = f
	return func() { testHookBeforeWait = nil }
}
