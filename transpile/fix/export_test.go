package fix

import "testing"

// For the external tests (package fix_test), which may import pipeline:
// pipeline attaches this package's fixes, so only an external test can
// run programs through it.

// Fixtures lists testdata/fixes/*.py.
func Fixtures(t *testing.T) []string { return fixtures(t) }

// ShellMeta is the shell syntax whose presence makes shell=True's fix
// unsafe.
const ShellMeta = shellMeta

// SetAlwaysCheckLoops turns boundedLoop's shortcut off (true) or on.
func SetAlwaysCheckLoops(on bool) { alwaysCheckLoops = on }
