// Package fix computes and applies the rewrites that turn unsafe constructs
// into the safe subset. A fix is a list of text edits on the original
// source, labelled safe (same behaviour on benign input: applied by
// fix-all) or unsafe (changes behaviour: offered, applied only on request).
// The language server turns fixes into code actions, `stelp fix` applies
// them to files; both call this package.
package fix

import (
	"context"
	"slices"
	"sort"

	"github.com/stelp-dev/stelp/analysis"
	"github.com/stelp-dev/stelp/policy"
)

// maxRounds bounds fix-all: each round re-checks the result, so a fix that
// exposes another (eval of a constant string becomes code that a second
// rule can fix) is taken in a later round.
const maxRounds = 8

// fixer computes the fix for one finding, or nil when there is no honest
// one for this occurrence. n is the smallest named node covering the
// finding's range.
type fixer func(d *doc, f analysis.Finding, n *analysis.Node) *analysis.Fix

// fixerFor returns the fixer of a rule ID, nil for a rule that gets no
// fix. A switch, not a map: it is asked once per finding, and a map
// literal would be built on every call.
func fixerFor(ruleID string) fixer {
	switch ruleID {
	case "SP101":
		return fixEval
	case "SP102":
		return fixExec
	case "SP104":
		return fixDunderImport
	case "SP212":
		return fixConstantGetattr
	case "SP401":
		return fixOSSystem
	case "SP403":
		return fixShellTrue
	case "SP604":
		return fixRequestTimeout
	case "SP605":
		return fixVerifyFalse
	case "SP701":
		return fixPickle
	case "SP704":
		return fixYAMLLoad
	case "SP706":
		return fixTorchLoad
	case "SP801", "SP802", "SP812":
		return fixEndlessLoop
	case "SP803":
		return fixEndlessFor
	case "SP831":
		return fixLeakedOpen
	case "SP901":
		return fixWeakHash
	case "SP902":
		return fixInsecureRandom
	}
	return nil
}

// RuleHasFix reports whether this package can compute fixes for the rule
// (for some of its occurrences).
func RuleHasFix(ruleID string) bool {
	ok := fixerFor(ruleID) != nil
	return ok
}

// Attach fills f.Fix for every finding that has a fix, computed from src.
// Findings whose fix cannot be computed keep Fix nil. The slice is returned
// (modified in place).
func Attach(ctx context.Context, src []byte, findings []analysis.Finding) []analysis.Finding {
	if !anyFixable(findings) {
		return findings
	}
	p := analysis.NewParser()
	defer p.Close()
	t, err := p.Parse(ctx, nil, src)
	if err != nil {
		return findings
	}
	defer t.Close()
	return AttachTree(ctx, p, t, findings)
}

// AttachTree is Attach over an already parsed document. Fixes are checked
// by re-parsing the document with their edits applied (incrementally, from
// a copy of t's tree): fixes that do not overlap are checked together, and
// one by one only when a batch does not parse; a fix that would not parse
// is dropped. p is accepted for callers that hold a parser and may be nil:
// the check uses its own.
func AttachTree(ctx context.Context, p *analysis.Parser, t *analysis.Tree, findings []analysis.Finding) []analysis.Finding {
	return attach(ctx, t, findings, nil, true)
}

// AttachSummaries is AttachTree for reports that show only which findings
// have a fix, its title and its label (`stelp check`'s text and JSON):
// it skips the re-parse that validates the edits, and so that nothing
// unvalidated can be applied or shown, the fixes it attaches carry no
// edits. The two agree as long as no fixer writes a fix that does not
// parse, which TestSummariesAgree checks over every fixture and corpus
// program; a fix whose edits are used comes from AttachTree (or All),
// which validates.
func AttachSummaries(ctx context.Context, t *analysis.Tree, findings []analysis.Finding) []analysis.Finding {
	return attach(ctx, t, findings, nil, false)
}

// attach computes the fixes; pol (nil: the default) decides which modules
// a rewrite may import in place of __import__. validate re-parses the
// document with the fixes applied and drops those that do not parse;
// without it, the fixes are reduced to their title and label.
func attach(ctx context.Context, t *analysis.Tree, findings []analysis.Finding, pol *policy.Policy, validate bool) []analysis.Finding {
	if !anyFixable(findings) || t == nil {
		return findings
	}
	if pol == nil {
		pol = policy.Default()
	}
	d := newDoc(t.Source(), t.RootNode())
	d.pol, d.tree = pol, t
	defer d.close()
	var pending []int // findings with a fix still to be checked
	for i := range findings {
		if ctx.Err() != nil {
			break
		}
		f := &findings[i]
		fx := fixerFor(f.Rule)
		if fx == nil {
			continue // a fix the checker built itself, if any, stays
		}
		// This package owns the rewrites of the rules it knows: its fixer
		// decides, replacing whatever the checker may have attached.
		f.Fix = nil
		n := d.nodeAt(f.Range)
		if n == nil {
			continue
		}
		if fixv := fx(d, *f, n); fixv != nil && len(fixv.Edits) > 0 {
			sortEdits(fixv.Edits)
			f.Fix = fixv
			if !d.parsed[fixv] {
				pending = append(pending, i)
			}
		}
	}
	if !validate {
		for i := range findings {
			fx := findings[i].Fix
			if fx == nil || fixerFor(findings[i].Rule) == nil {
				continue
			}
			findings[i].Fix = nil
			if _, ok := toByteEdits(d.src, d.lines, fx.Edits); ok {
				findings[i].Fix = &analysis.Fix{Title: fx.Title, Applicability: fx.Applicability}
			}
		}
		return findings
	}
	if d.root.HasError() || len(pending) == 0 {
		return findings // nothing to compare with: a broken file stays broken
	}
	v := newValidator(t)
	defer v.close()
	for len(pending) > 0 && ctx.Err() == nil {
		var batch, edits []analysis.TextEdit
		var members, later []int
		var taken []byteEdit
		for _, i := range pending {
			es, ok := toByteEdits(d.src, d.lines, findings[i].Fix.Edits)
			if !ok {
				findings[i].Fix = nil
				continue
			}
			if conflicts(taken, es) {
				later = append(later, i)
				continue
			}
			taken = append(taken, es...)
			batch = append(batch, findings[i].Fix.Edits...)
			members = append(members, i)
		}
		edits = dedupeEdits(batch)
		if !v.parses(ctx, d, edits) {
			for _, i := range members {
				if !v.parses(ctx, d, findings[i].Fix.Edits) {
					// A fix that breaks the syntax is a bug in the fixer; never offer it.
					findings[i].Fix = nil
				}
			}
		}
		pending = later
	}
	return findings
}

// conflicts reports whether es overlaps an edit in taken (identical import
// lines do not conflict).
func conflicts(taken, es []byteEdit) bool {
	for _, e := range es {
		for _, a := range taken {
			if a.start == e.start && a.end == e.end && a.text == e.text {
				continue
			}
			if overlaps(a, e) {
				return true
			}
		}
	}
	return false
}

// dedupeEdits drops repeated identical edits (the same import added by
// several fixes).
func dedupeEdits(es []analysis.TextEdit) []analysis.TextEdit {
	seen := map[analysis.TextEdit]bool{}
	out := es[:0:0]
	for _, e := range es {
		if !seen[e] {
			seen[e] = true
			out = append(out, e)
		}
	}
	return out
}

func anyFixable(findings []analysis.Finding) bool {
	for _, f := range findings {
		if fixerFor(f.Rule) != nil {
			return true
		}
	}
	return false
}

// Apply applies the fixes of findings (safe ones; unsafe ones too when
// unsafe is true). Fixes whose edits overlap an already accepted fix are
// skipped: fixes are taken in order of their first edit's start, ties by
// rule ID, so the outcome does not depend on the order of findings. Edits
// that are identical (the same import added by two fixes) are applied once.
// It returns the new source, the findings whose fixes were applied and
// those skipped for overlapping.
func Apply(src []byte, findings []analysis.Finding, unsafe bool) (out []byte, applied []analysis.Finding, skipped []analysis.Finding) {
	ls := lineStarts(src)
	type cand struct {
		f     analysis.Finding
		edits []byteEdit
		start int
	}
	var cands []cand
	for _, f := range findings {
		if f.Fix == nil || len(f.Fix.Edits) == 0 {
			continue
		}
		if f.Fix.Applicability != analysis.FixSafe && !unsafe {
			continue
		}
		es, ok := toByteEdits(src, ls, f.Fix.Edits)
		if !ok {
			skipped = append(skipped, f)
			continue
		}
		start := len(src) + 1
		for _, e := range es {
			if !e.isImport && e.start < start {
				start = e.start
			}
		}
		if start > len(src) {
			start = es[0].start
		}
		cands = append(cands, cand{f, es, start})
	}
	sort.SliceStable(cands, func(i, j int) bool {
		if cands[i].start != cands[j].start {
			return cands[i].start < cands[j].start
		}
		return cands[i].f.Rule < cands[j].f.Rule
	})
	var accepted []byteEdit
	for _, c := range cands {
		if conflicts(accepted, c.edits) {
			skipped = append(skipped, c.f)
			continue
		}
		for _, e := range c.edits {
			if !slices.Contains(accepted, e) {
				accepted = append(accepted, e)
			}
		}
		applied = append(applied, c.f)
	}
	return applyBytes(src, accepted), applied, skipped
}

// All runs check → attach → apply until nothing changes (at most maxRounds
// rounds): the fix-all of `stelp fix` and of the language server. It
// returns the fixed source and the number of fixes applied. A round whose
// result would not parse while its input did is undone and its fixes are
// applied one at a time instead, so fix-all never produces a syntax error.
func All(ctx context.Context, src []byte, pol *policy.Policy, unsafe bool) ([]byte, int, error) {
	if pol == nil {
		pol = policy.Default()
	}
	p := analysis.NewParser()
	defer p.Close()
	total := 0
	for range maxRounds {
		if err := ctx.Err(); err != nil {
			return src, total, err
		}
		next, n, err := round(ctx, p, src, pol, unsafe)
		if err != nil {
			return src, total, err
		}
		if n == 0 || string(next) == string(src) {
			break
		}
		src, total = next, total+n
	}
	return src, total, nil
}

func round(ctx context.Context, p *analysis.Parser, src []byte, pol *policy.Policy, unsafe bool) ([]byte, int, error) {
	t, err := p.Parse(ctx, nil, src)
	if err != nil {
		return nil, 0, err
	}
	findings := analysis.CheckTree(ctx, t, pol)
	findings = attach(ctx, t, findings, pol, true)
	hadErrors := t.RootNode().HasError()
	t.Close()
	out, applied, _ := Apply(src, findings, unsafe)
	if len(applied) == 0 || hadErrors {
		return out, len(applied), nil
	}
	if ok, err := parsesClean(ctx, p, out); err != nil {
		return nil, 0, err
	} else if ok {
		return out, len(applied), nil
	}
	// Fixes that parse alone but not together: take the first only.
	one, applied1, _ := Apply(src, applied[:1], true)
	if ok, _ := parsesClean(ctx, p, one); ok {
		return one, len(applied1), nil
	}
	return src, 0, nil
}

func parsesClean(ctx context.Context, p *analysis.Parser, src []byte) (bool, error) {
	t, err := p.Parse(ctx, nil, src)
	if err != nil {
		return false, err
	}
	defer t.Close()
	return !t.RootNode().HasError(), nil
}
