// Command stelp guards Python code written by LLMs: it checks it for unsafe
// constructs, rewrites them, runs it in a restricted interpreter and serves
// all of that to editors over LSP. This file is only the dispatcher; each
// subcommand lives in its own file and is a thin shell over the packages.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"text/tabwriter"
)

// Exit codes shared by the commands that do not define their own.
const (
	exitOK    = 0
	exitFound = 1 // check: an error-severity finding
	exitUsage = 2 // usage error, unreadable input or internal error
)

// runFunc is one subcommand: it gets the arguments after its name and
// returns the process exit code. It must not call os.Exit or touch the
// process's own stdio, so tests can run it with buffers.
type runFunc func(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int

type command struct {
	name    string
	summary string // one line for `stelp --help`
	run     runFunc
	hidden  bool // internal modes (e.g. the exec worker) stay out of help
}

// commands is the subcommand table, one line per command, in help order.
func commands() []command {
	return []command{
		{name: "check", summary: "report unsafe constructs in Python files (text, JSON or SARIF)", run: runCheck},
		{name: "fix", summary: "apply the safe rewrites to Python files (--diff to preview, --unsafe-fixes for the rest)", run: runFix},
		{name: "run", summary: "check a Python program and run it in the isolated, restricted interpreter", run: runRun},
		{name: workerCommand, summary: "internal: the isolated worker that runs programs", run: runWorker, hidden: true},
		{name: daemonCommand, summary: "internal: the background daemon that keeps workers warm for stelp run", run: runDaemon, hidden: true},
		{name: "serve", summary: "run the language server (LSP over stdio, or --listen ADDRESS)", run: runServe},
		{name: "bench", summary: "measure stelp on the paper's corpora (TBR, TAR, correctness, latency)", run: runBench},
		{name: "rules", summary: "list the rules and what each one catches", run: runRules},
		{name: "version", summary: "print the stelp version", run: runVersion},
	}
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// run dispatches args (without the program name) to a subcommand.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		usage(stderr)
		return exitUsage
	}
	switch name := args[0]; name {
	case "-h", "-help", "--help":
		usage(stdout)
		return exitOK
	case "-version", "--version":
		return runVersion(ctx, nil, stdin, stdout, stderr)
	case "help":
		if len(args) == 1 {
			usage(stdout)
			return exitOK
		}
		if len(args) > 2 {
			fmt.Fprintln(stderr, "stelp help: want at most one command name")
			return exitUsage
		}
		c, ok := lookup(args[1])
		if !ok {
			fmt.Fprintf(stderr, "stelp help: unknown command %q; run 'stelp --help' for the list\n", args[1])
			return exitUsage
		}
		return c.run(ctx, []string{"--help"}, stdin, stdout, stderr)
	default:
		c, ok := lookup(name)
		if !ok {
			if strings.HasPrefix(name, "-") {
				fmt.Fprintf(stderr, "stelp: flag %s before a command; flags go after it, e.g. 'stelp check %s ...'\n", name, name)
			} else {
				fmt.Fprintf(stderr, "stelp: unknown command %q; run 'stelp --help' for the list\n", name)
			}
			return exitUsage
		}
		return c.run(ctx, args[1:], stdin, stdout, stderr)
	}
}

func lookup(name string) (command, bool) {
	for _, c := range commands() {
		if c.name == name {
			return c, true
		}
	}
	return command{}, false
}

func usage(w io.Writer) {
	fmt.Fprint(w, `stelp guards Python code written by LLMs: static checks, safe rewrites and
restricted execution, from the command line or as a language server.

Usage:
  stelp <command> [flags] [arguments]

Commands:
`)
	tw := tabwriter.NewWriter(w, 0, 0, 3, ' ', 0)
	for _, c := range commands() {
		if !c.hidden {
			fmt.Fprintf(tw, "  %s\t%s\n", c.name, c.summary)
		}
	}
	tw.Flush()
	fmt.Fprint(w, `
Run 'stelp help <command>' or 'stelp <command> --help' for a command's flags.
Configuration is read from the nearest .stelp.yaml; see the policy package
documentation (go doc ./policy) for its keys.
`)
}

// newFlags makes a FlagSet for a subcommand whose help text is the given
// synopsis and description followed by the flag list.
func newFlags(name, synopsis, description string) *flag.FlagSet {
	fs := flag.NewFlagSet("stelp "+name, flag.ContinueOnError)
	fs.Usage = func() {
		w := fs.Output()
		fmt.Fprintf(w, "Usage: stelp %s %s\n\n%s\n", name, synopsis, strings.TrimSpace(description))
		var any bool
		fs.VisitAll(func(*flag.Flag) { any = true })
		if any {
			fmt.Fprint(w, "\nFlags:\n")
			printFlags(w, fs)
		}
	}
	return fs
}

// printFlags lists flags GNU-style (--name), which is how the help text
// and most users write them; the flag package accepts both forms.
func printFlags(w io.Writer, fs *flag.FlagSet) {
	fs.VisitAll(func(f *flag.Flag) {
		arg, usage := flag.UnquoteUsage(f)
		line := "  --" + f.Name
		if len(f.Name) == 1 {
			line = "  -" + f.Name
		}
		if arg != "" {
			line += " " + arg
		}
		if f.DefValue != "" && f.DefValue != "false" {
			usage += fmt.Sprintf(" (default %s)", f.DefValue)
		}
		fmt.Fprintf(w, "%s\n      %s\n", line, usage)
	})
}

// parseFlags parses args allowing flags after positional arguments
// (`stelp check a.py --format json`), as ruff and most modern CLIs do; a
// `--` ends flag parsing. It returns the positional arguments, or an exit
// code when parsing ended the command: 0 for --help (usage printed to
// stdout), 2 for a usage error (printed to stderr).
func parseFlags(fs *flag.FlagSet, args []string, stdout, stderr io.Writer) ([]string, int, bool) {
	fs.SetOutput(io.Discard)
	var pos []string
	for {
		err := fs.Parse(args)
		if errors.Is(err, flag.ErrHelp) {
			fs.SetOutput(stdout)
			fs.Usage()
			return nil, exitOK, false
		}
		if err != nil {
			fmt.Fprintf(stderr, "%s: %v\n", fs.Name(), err)
			fmt.Fprintf(stderr, "Run '%s --help' for usage.\n", fs.Name())
			return nil, exitUsage, false
		}
		rest := fs.Args()
		if len(rest) == 0 {
			return pos, 0, true
		}
		if consumed := len(args) - len(rest); consumed > 0 && args[consumed-1] == "--" {
			return append(pos, rest...), 0, true
		}
		pos = append(pos, rest[0])
		args = rest[1:]
	}
}

// usageErr reports a usage error the way flag parsing does.
func usageErr(fs *flag.FlagSet, stderr io.Writer, format string, args ...any) int {
	fmt.Fprintf(stderr, "%s: %s\n", fs.Name(), fmt.Sprintf(format, args...))
	fmt.Fprintf(stderr, "Run '%s --help' for usage.\n", fs.Name())
	return exitUsage
}

// choice is a flag.Value restricted to a fixed set of words.
type choice struct {
	val     string
	allowed []string
}

func newChoice(def string, allowed ...string) *choice {
	return &choice{val: def, allowed: allowed}
}

func (c *choice) String() string { return c.val }

func (c *choice) Set(s string) error {
	for _, a := range c.allowed {
		if s == a {
			c.val = s
			return nil
		}
	}
	return fmt.Errorf("%q is not one of %s", s, strings.Join(c.allowed, ", "))
}
