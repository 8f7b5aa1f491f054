package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/pmezard/go-difflib/difflib"

	"github.com/stelp-dev/stelp/analysis"
	"github.com/stelp-dev/stelp/policy"
	"github.com/stelp-dev/stelp/transpile/fix"
)

const fixHelp = `Apply the safe rewrites to Python files: the fixes that keep behaviour on
benign input (eval of a constant string written out, yaml.safe_load, a
timeout for requests, endless loops bounded, files closed by a with block,
...). Fixes that change behaviour are applied only with --unsafe-fixes.

PATH may be a file, a directory (walked for *.py like 'stelp check') or -
for standard input, whose fixed text is printed to standard output. Files
are rewritten atomically (a temporary file in the same directory renamed
over the original, keeping its mode); a file that changed on disk while it
was being fixed is left alone and reported. With --diff nothing is written:
a unified diff of the changes is printed instead.

The findings left after fixing are reported like 'stelp check' does.

Exit status: 0 nothing at error severity is left; 1 some error-severity
finding remains; 2 usage error, invalid config, or a file could not be
read or written.`

func runFix(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := newFlags("fix", "[flags] PATH...", fixHelp)
	diff := fs.Bool("diff", false, "print a unified diff of the fixes and write nothing")
	unsafe := fs.Bool("unsafe-fixes", false, "also apply fixes that change behaviour")
	configPath := fs.String("config", "", "use this config `file` for every input instead of discovering .stelp.yaml")
	paths, code, ok := parseFlags(fs, args, stdout, stderr)
	if !ok {
		return code
	}
	if len(paths) == 0 {
		return usageErr(fs, stderr, "no paths given; pass files, directories or - for stdin")
	}
	if n := count(paths, "-"); n > 1 {
		return usageErr(fs, stderr, "- (stdin) given %d times", n)
	}
	c := &checker{loader: newLoader(), stdin: stdin, found: map[string]findResult{}, configErrs: map[string]bool{}}
	if *configPath != "" {
		cfg, err := c.loader.Load(ctx, *configPath)
		if err != nil {
			fmt.Fprintf(stderr, "stelp fix: invalid config:\n%v\n", err)
			return exitUsage
		}
		c.fixed = cfg
	}
	// The report goes to stdout unless stdout carries a diff or a program.
	report := stdout
	if *diff || count(paths, "-") > 0 {
		report = stderr
	}
	failed := false
	errorsLeft := 0
	totalFixed := 0
	for _, in := range collect(paths, "") {
		if ctx.Err() != nil {
			fmt.Fprintln(stderr, "stelp fix: interrupted")
			return exitUsage
		}
		if in.problem != "" {
			fmt.Fprintf(stderr, "stelp fix: %s: %s\n", in.path, in.problem)
			failed = true
			continue
		}
		n, left, err := fixOne(ctx, c, in, *diff, *unsafe, stdout, report)
		if err != nil {
			fmt.Fprintf(stderr, "stelp fix: %s: %v\n", in.path, err)
			failed = true
			continue
		}
		totalFixed += n
		errorsLeft += left
	}
	verb := "Fixed"
	if *diff {
		verb = "Would fix"
	}
	fmt.Fprintf(report, "%s %d issue(s); %d error-severity finding(s) left.\n", verb, totalFixed, errorsLeft)
	switch {
	case failed:
		return exitUsage
	case errorsLeft > 0:
		return exitFound
	}
	return exitOK
}

// fixOne fixes one input and reports what is left. It returns the number
// of fixes applied and of error-severity findings left.
func fixOne(ctx context.Context, c *checker, in *checkInput, diff, unsafe bool, stdout, report io.Writer) (int, int, error) {
	var before os.FileInfo
	if !in.stdin {
		st, err := os.Stat(in.path)
		if err != nil {
			return 0, 0, errors.New(describeErr(err))
		}
		before = st
	}
	src, problem := c.read(in)
	if problem != "" {
		return 0, 0, errors.New(problem)
	}
	pol, err := c.policyFor(ctx, in)
	if err != nil {
		return 0, 0, fmt.Errorf("invalid config: %w", err)
	}
	out, n, err := fix.All(ctx, src, pol, unsafe)
	if err != nil {
		return 0, 0, fmt.Errorf("fix: %w", err)
	}
	switch {
	case diff:
		if err := writeDiff(stdout, in.path, src, out); err != nil {
			return 0, 0, err
		}
	case in.stdin:
		if _, err := stdout.Write(out); err != nil {
			return 0, 0, fmt.Errorf("write output: %w", err)
		}
	case !bytes.Equal(src, out):
		if err := writeAtomic(in.path, src, out, before, nil); err != nil {
			return 0, 0, err
		}
	}
	left := 0
	for _, f := range fix.Attach(ctx, out, analysis.Check(ctx, out, pol)) {
		if f.Severity == policy.SeverityError {
			left++
		}
		cf := f.Contract(out)
		hint := ""
		if f.Fix != nil && f.Fix.Applicability == analysis.FixUnsafe && !unsafe {
			hint = " (unsafe fix available: --unsafe-fixes)"
		}
		fmt.Fprintf(report, "%s:%d:%d: %s [%s] %s%s\n", in.path, cf.Line, cf.Column, cf.Rule, cf.Severity, cf.Message, hint)
	}
	return n, left, nil
}

func writeDiff(w io.Writer, path string, a, b []byte) error {
	if bytes.Equal(a, b) {
		return nil
	}
	from, to := path, path
	if !filepath.IsAbs(path) {
		// git's a/ b/ prefixes, so `git apply -p1` takes the diff.
		from, to = "a/"+filepath.ToSlash(path), "b/"+filepath.ToSlash(path)
	}
	text, err := difflib.GetUnifiedDiffString(difflib.UnifiedDiff{
		A: difflib.SplitLines(string(a)), B: difflib.SplitLines(string(b)),
		FromFile: from, ToFile: to, Context: 3,
	})
	if err != nil {
		return fmt.Errorf("diff: %w", err)
	}
	_, err = io.WriteString(w, text)
	return err
}

// writeAtomic replaces path with out: a temporary file in the same
// directory (same file system, so the rename is atomic) gets the content
// and the original mode, is synced, and is renamed over path, so readers
// see the old file or the new one, never half of one. Just before the
// rename the file is compared with what was read (content, size and
// modification time); if someone changed it meanwhile, it is left alone.
// beforeCheck, if set, runs just before that comparison (tests use it to
// change the file at the worst moment).
func writeAtomic(path string, orig, out []byte, before os.FileInfo, beforeCheck func()) (err error) {
	// A symlink is followed: renaming over the link itself would replace
	// it with a regular file and leave its target unfixed.
	if real, err := filepath.EvalSymlinks(path); err == nil {
		path = real
	}
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	tmp, err := os.CreateTemp(dir, "."+base+".stelp-fix-*")
	if err != nil {
		return fmt.Errorf("write: %w", err)
	}
	name := tmp.Name()
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(name)
		}
	}()
	if _, err = tmp.Write(out); err != nil {
		return fmt.Errorf("write %s: %w", name, err)
	}
	if err = tmp.Chmod(before.Mode().Perm()); err != nil {
		return fmt.Errorf("write %s: %w", name, err)
	}
	if err = tmp.Sync(); err != nil {
		return fmt.Errorf("write %s: %w", name, err)
	}
	if err = tmp.Close(); err != nil {
		return fmt.Errorf("write %s: %w", name, err)
	}
	if beforeCheck != nil {
		beforeCheck()
	}
	now, err := os.Stat(path)
	if err != nil {
		return fmt.Errorf("not overwritten: %s", describeErr(err))
	}
	cur, err := os.ReadFile(path)
	if err != nil {
		return fmt.Errorf("not overwritten: %s", describeErr(err))
	}
	if !now.ModTime().Equal(before.ModTime()) || now.Size() != before.Size() || !bytes.Equal(cur, orig) {
		err = errors.New("changed on disk since it was read; not overwritten (run stelp fix again)")
		return err
	}
	if err = os.Rename(name, path); err != nil {
		return fmt.Errorf("write: %w", err)
	}
	return nil
}
