//go:build !linux

package exec

const sandboxProbeEnv = "STELP_TEST_SANDBOX_PROBE"

func sandboxProbe() int { return 0 }
