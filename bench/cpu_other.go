//go:build !unix

package bench

import "time"

// processCPU is not measured where there is no getrusage.
func processCPU() time.Duration { return 0 }
