package main

import (
	"context"
	"fmt"
	"io"
	"runtime"
	"runtime/debug"
	"strings"
)

// version is set at link time by release builds:
//
//	go build -ldflags "-X main.version=v1.2.3" ./cmd/stelp
//
// When empty, versionString falls back to what the Go toolchain recorded in
// the binary (module version, VCS revision), so `go install` builds and
// source builds still say what they are.
var version string

func runVersion(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := newFlags("version", "", "Print the stelp version, the VCS revision it was built from and the Go\ntoolchain.")
	pos, code, ok := parseFlags(fs, args, stdout, stderr)
	if !ok {
		return code
	}
	if len(pos) > 0 {
		return usageErr(fs, stderr, "unexpected argument %q", pos[0])
	}
	fmt.Fprintln(stdout, versionString(version, buildInfo()))
	return exitOK
}

// versionString formats e.g. "stelp v1.2.3 (rev 1a2b3c4d5e6f, modified) go1.26.8 linux/amd64".
func versionString(linked string, info *debug.BuildInfo) string {
	v := linked
	var rev, modified string
	if info != nil {
		if v == "" {
			v = info.Main.Version
		}
		for _, s := range info.Settings {
			switch s.Key {
			case "vcs.revision":
				rev = s.Value
			case "vcs.modified":
				modified = s.Value
			}
		}
	}
	if v == "" {
		v = "(devel)"
	}
	out := "stelp " + v
	if len(rev) > 12 {
		rev = rev[:12]
	}
	// A pseudo-version (v0.0.0-2026...-801e5ed9ca42+dirty) already names it.
	if rev != "" && !strings.Contains(v, rev) {
		if modified == "true" {
			rev += ", modified"
		}
		out += " (rev " + rev + ")"
	}
	return fmt.Sprintf("%s %s %s/%s", out, runtime.Version(), runtime.GOOS, runtime.GOARCH)
}

func buildInfo() *debug.BuildInfo {
	info, _ := debug.ReadBuildInfo()
	return info
}
