package main

import (
	"context"
	"fmt"
	"io"

	"github.com/stelp-dev/stelp/exec"
)

// workerCommand is the hidden mode stelp re-executes itself in to run
// programs (see package exec); it is never started by hand.
const workerCommand = "__worker"

func runWorker(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if !exec.IsWorker() {
		fmt.Fprintf(stderr, "stelp %s: internal mode, started by stelp itself to run programs\n", workerCommand)
		return exitUsage
	}
	exec.MaybeRunWorker() // serves requests on the process's stdio, then exits
	return exitUsage
}
