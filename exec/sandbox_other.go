//go:build !linux

package exec

import "github.com/stelp-dev/stelp/policy"

// On other systems the worker has no OS layers beyond being a separate
// process with a wall-clock timeout; Result.Isolation says so.
type isolation struct{ layers []string }

func lockDown(memMB int64) *isolation              { return &isolation{} }
func (iso *isolation) beforeRun(lim policy.Limits) {}
func (iso *isolation) peakKB() int64               { return 0 }
