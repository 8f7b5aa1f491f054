package analysis

import (
	"regexp"
	"strings"
	"sync"
)

// suppressRe matches `# stelp: ignore[SP101, eval-call] reason`.
var suppressRe = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^#\s*stelp:\s*ignore\[([^\]]*)\]\s*(.*)$`) })

// bareIgnoreRe matches a malformed suppression without a rule list.
var bareIgnoreRe = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^#\s*stelp:\s*ignore\b`) })

type suppression struct {
	node   int32
	line   int
	codes  []string // rule IDs, as written (IDs or names)
	reason string
	used   map[string]bool
}

// statementLines returns the lines a finding's statement spans: the whole
// simple statement, or the header of a compound one (up to its body).
func (p *pass) statementLines(n int32) (int, int) {
	for c := n; c >= 0; c = p.nodes[c].parent {
		k := p.nodes[c].kind
		if !isStatement(k) {
			continue
		}
		end := p.nodes[c].end
		for _, f := range []string{"body", "consequence"} {
			if b := p.field(c, f); b >= 0 {
				end = p.nodes[b].start
				break
			}
		}
		if k == "decorated_definition" {
			if d := p.field(c, "definition"); d >= 0 {
				if b := p.field(d, "body"); b >= 0 {
					end = p.nodes[b].start
				}
			}
		}
		return p.t.pos(p.nodes[c].start).Line, p.t.pos(end).Line
	}
	l := p.t.pos(p.nodes[n].start).Line
	return l, p.t.pos(p.nodes[n].end).Line
}

func isStatement(k string) bool {
	return strings.HasSuffix(k, "_statement") || k == "function_definition" || k == "class_definition" ||
		k == "decorated_definition" || k == "case_clause" || k == "elif_clause" || k == "else_clause" ||
		k == "except_clause" || k == "except_group_clause" || k == "finally_clause"
}

func (p *pass) collectSuppressions() []*suppression {
	var out []*suppression
	for i := range p.nodes {
		if p.nodes[i].kind != "comment" {
			continue
		}
		txt := p.text(int32(i))
		if !strings.Contains(txt, "stelp:") {
			continue
		}
		m := suppressRe().FindStringSubmatch(strings.TrimSpace(txt))
		if m == nil {
			if bareIgnoreRe().MatchString(strings.TrimSpace(txt)) {
				// `# stelp: ignore` without rules silences nothing: say so
				out = append(out, &suppression{node: int32(i), line: p.t.pos(p.nodes[i].start).Line, used: map[string]bool{}})
			}
			continue
		}
		reason := m[2]
		if j := strings.IndexByte(reason, '#'); j >= 0 {
			reason = reason[:j] // a further comment is not the reason
		}
		s := &suppression{node: int32(i), line: p.t.pos(p.nodes[i].start).Line, reason: strings.TrimSpace(reason), used: map[string]bool{}}
		for _, c := range strings.Split(m[1], ",") {
			if c = strings.TrimSpace(c); c != "" {
				s.codes = append(s.codes, c)
			}
		}
		out = append(out, s)
	}
	return out
}

// applySuppressions drops suppressed findings and reports suppressions
// without a reason, with unknown rules, or that suppress nothing.
func (p *pass) applySuppressions(raw []rawFinding) []rawFinding {
	sups := p.collectSuppressions()
	if len(sups) == 0 {
		return raw
	}
	byLine := map[int][]*suppression{}
	for _, s := range sups {
		byLine[s.line] = append(byLine[s.line], s)
	}
	kept := raw[:0:0]
	for _, f := range raw {
		if f.rule == ruleSuppressNoReason || f.rule == ruleSuppressUnused || f.rule == ruleSyntaxError {
			kept = append(kept, f)
			continue
		}
		lo, hi := p.statementLines(f.node)
		suppressed := false
		for l := lo; l <= hi && !suppressed; l++ {
			for _, s := range byLine[l] {
				for _, c := range s.codes {
					if r := p.e.rule(c); r != nil && r.ID == f.Rule {
						s.used[c] = true
						suppressed = true
					}
				}
			}
		}
		if !suppressed {
			kept = append(kept, f)
		}
	}
	for _, s := range sups {
		if len(s.codes) == 0 {
			p.reportSup(ruleSuppressUnused, s, "suppression names no rule: write `# stelp: ignore[SP101] reason`")
			continue
		}
		if s.reason == "" {
			p.reportSup(ruleSuppressNoReason, s, "suppression of "+strings.Join(s.codes, ", ")+" gives no reason")
		}
		for _, c := range s.codes {
			switch {
			case p.e.rule(c) == nil:
				p.reportSup(ruleSuppressUnused, s, "suppression names unknown rule "+c)
			case !s.used[c]:
				p.reportSup(ruleSuppressUnused, s, "suppression of "+c+" suppresses nothing")
			}
		}
	}
	for _, f := range p.raw[len(p.raw)-p.supReported:] {
		kept = append(kept, f)
	}
	return kept
}

func (p *pass) reportSup(r *Rule, s *suppression, msg string) {
	p.report(r, s.node, msg)
	p.supReported++
}
