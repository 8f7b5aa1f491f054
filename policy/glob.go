package policy

import (
	"errors"
	"path"
	"strings"
)

// glob is a compiled `paths:` pattern. Patterns are slash-separated and
// relative to the directory of the config that was discovered for the file
// (the root config, not a file it extends: shared configs are meant to be
// reused by many repositories). The rules are gitignore's, which most people
// already know:
//
//   - `*`, `?`, `[...]` match within one path segment;
//   - `**` as a whole segment matches zero or more segments;
//   - a pattern without a slash (`*_test.py`) matches at any depth;
//   - a leading `/` anchors the pattern at the config's directory;
//   - a pattern that matches a directory matches everything below it, so
//     `tests` and `tests/**` are the same.
type glob struct {
	src  string
	segs []string
}

func compileGlob(p string) (*glob, error) {
	src := p
	p = strings.TrimSpace(p)
	if p == "" {
		return nil, errors.New("empty pattern")
	}
	if strings.Contains(p, `\`) {
		return nil, errors.New(`use "/" as the path separator (backslash is not allowed)`)
	}
	anchored := strings.HasPrefix(p, "/")
	p = strings.TrimPrefix(p, "/")
	for strings.HasPrefix(p, "./") {
		p = strings.TrimPrefix(p, "./")
		anchored = true
	}
	p = strings.TrimSuffix(p, "/")
	if p == "" || p == "." {
		return &glob{src: src, segs: []string{"**"}}, nil
	}
	if !anchored && !strings.Contains(p, "/") {
		p = "**/" + p
	}
	segs := strings.Split(p, "/")
	for _, s := range segs {
		switch {
		case s == "":
			return nil, errors.New("empty path segment (\"//\")")
		case s == "..":
			return nil, errors.New(`".." is not allowed; patterns are relative to the config's directory`)
		case s != "**" && strings.Contains(s, "**"):
			return nil, errors.New(`"**" must be a whole path segment, as in "a/**/b"`)
		}
		if _, err := path.Match(s, ""); err != nil {
			return nil, errors.New("malformed pattern segment " + s)
		}
	}
	return &glob{src: src, segs: segs}, nil
}

// match reports whether rel (slash-separated, relative to the config
// directory) or one of its parent directories matches.
func (g *glob) match(rel string) bool {
	segs := strings.Split(rel, "/")
	for n := len(segs); n >= 1; n-- {
		if matchSegs(g.segs, segs[:n]) {
			return true
		}
	}
	return false
}

func matchSegs(pat, name []string) bool {
	for len(pat) > 0 {
		if pat[0] == "**" {
			// Collapse runs of ** and try every split point.
			for len(pat) > 0 && pat[0] == "**" {
				pat = pat[1:]
			}
			if len(pat) == 0 {
				return true
			}
			for i := 0; i <= len(name); i++ {
				if matchSegs(pat, name[i:]) {
					return true
				}
			}
			return false
		}
		if len(name) == 0 {
			return false
		}
		if ok, _ := path.Match(pat[0], name[0]); !ok {
			return false
		}
		pat, name = pat[1:], name[1:]
	}
	return len(name) == 0
}
