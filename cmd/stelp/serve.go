package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"strings"
	"time"

	"go.uber.org/zap"
	"go.uber.org/zap/zapcore"

	"github.com/stelp-dev/stelp/exec"
	"github.com/stelp-dev/stelp/server"
)

const serveHelp = `
Run the language server. It speaks LSP over stdin/stdout (what editors
start), or with --listen on a TCP address, one session per connection (for
debugging: connect an editor or a script to it).

Editors get diagnostics while typing, quick fixes, "Execute safely" code
lenses and trace values as inlay hints. Tools without files call
workspace/executeCommand with stelp.check, stelp.transpile, stelp.execute or
stelp.fixAll and {"text": "..."}; each result carries a plain-language
"feedback" text.

The log goes to stderr (or --log), never to stdout.`

func runServe(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := newFlags("serve", "[flags]", serveHelp)
	listen := fs.String("listen", "", "serve on this TCP `address` (e.g. 127.0.0.1:7777) instead of stdio")
	workers := fs.Int("workers", 2, "warm worker processes for executions")
	debounce := fs.Duration("debounce", 150*time.Millisecond, "quiet time after an edit before analysis")
	docsURL := fs.String("docs-url", "", "base `URL` of docs/rules.md for diagnostic links")
	logPath := fs.String("log", "", "write the log to this `file` instead of stderr")
	verbose := fs.Bool("v", false, "log debug detail")
	// Many LSP clients add --stdio unasked; stdio is the default anyway.
	fs.Bool("stdio", false, "speak LSP over stdin/stdout (the default; accepted for clients that pass it)")
	rest, code, ok := parseFlags(fs, args, stdout, stderr)
	if !ok {
		return code
	}
	if len(rest) > 0 {
		return usageErr(fs, stderr, "unexpected arguments %q", rest)
	}
	if *workers < 1 {
		return usageErr(fs, stderr, "--workers must be at least 1")
	}
	logOut := zapcore.AddSync(stderr)
	if *logPath != "" {
		f, err := os.OpenFile(*logPath, os.O_CREATE|os.O_APPEND|os.O_WRONLY, 0o644)
		if err != nil {
			fmt.Fprintf(stderr, "stelp serve: %v\n", err)
			return exitUsage
		}
		defer f.Close()
		logOut = zapcore.AddSync(f)
	}
	level := zapcore.InfoLevel
	if *verbose {
		level = zapcore.DebugLevel
	}
	log := zap.New(zapcore.NewCore(zapcore.NewConsoleEncoder(zap.NewDevelopmentEncoderConfig()), logOut, level))
	defer log.Sync()

	// Without a warm pool the editor still gets diagnostics and fixes;
	// runs then start a fresh worker each (slower, same isolation).
	var runner exec.Runner = exec.OneShot{}
	if pool, err := exec.NewPool(ctx, exec.PoolOptions{Size: *workers}); err != nil {
		log.Warn("warm workers did not start; each run starts its own worker", zap.Error(err))
	} else {
		defer pool.Close()
		runner = pool
	}
	engine := &server.PipelineEngine{Runner: runner, Loader: newLoader()}
	opts := server.Options{Logger: log, Debounce: *debounce, DocsURL: *docsURL, Version: strings.TrimPrefix(versionString(version, buildInfo()), "stelp ")}
	if *debounce <= 0 {
		opts.Debounce = -1
	}

	if *listen != "" {
		return serveTCP(ctx, *listen, engine, opts, stderr)
	}
	err := server.New(engine, opts).Run(ctx, stdio{stdin, stdout})
	switch {
	case err == nil:
		return exitOK
	case errors.Is(err, server.ErrExitWithoutShutdown), errors.Is(err, context.Canceled):
		return 1 // LSP: exit without shutdown is exit code 1
	}
	fmt.Fprintf(stderr, "stelp serve: %v\n", err)
	return 1
}

// serveTCP serves each connection as its own session until ctx ends.
func serveTCP(ctx context.Context, addr string, engine server.Engine, opts server.Options, stderr io.Writer) int {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		fmt.Fprintf(stderr, "stelp serve: %v\n", err)
		return exitUsage
	}
	fmt.Fprintf(stderr, "stelp serve: listening on %s\n", ln.Addr())
	go func() {
		<-ctx.Done()
		ln.Close()
	}()
	for {
		conn, err := ln.Accept()
		if err != nil {
			if ctx.Err() != nil {
				return exitOK
			}
			fmt.Fprintf(stderr, "stelp serve: accept: %v\n", err)
			return 1
		}
		go func() {
			err := server.New(engine, opts).Run(ctx, conn)
			opts.Logger.Info("session ended", zap.String("remote", conn.RemoteAddr().String()), zap.Error(err))
		}()
	}
}

// stdio is the editor's end of the pipe.
type stdio struct {
	io.Reader
	io.Writer
}

// Close is a no-op: stdin and stdout belong to the process, which ends
// right after the session.
func (stdio) Close() error { return nil }
