//go:build !unix

package cputime

import "time"

// Used is not measured where there is no getrusage.
func Used() time.Duration { return 0 }
