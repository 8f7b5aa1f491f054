package exec

// Reason is the one word that says why a run ended as it did: the limit
// kind, the first violation's kind, or the exception type ("" for ok and
// blocked). Summaries, tests and benchmarks group results by it.
func (r *Result) Reason() string {
	switch {
	case r.Limit != nil:
		return r.Limit.Kind
	case len(r.Violations) > 0:
		return r.Violations[0].Kind
	case r.Exception != nil:
		return r.Exception.Type
	}
	return ""
}
