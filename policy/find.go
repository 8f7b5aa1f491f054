package policy

import (
	"context"
	"os"
	"path/filepath"
	"sync"
	"time"
)

// Find looks for `.stelp.yaml` (or `.stelp.yml`) in dir and its parents,
// stopping after the repository root (a directory holding `.git`) or at the
// file-system root. The nearest file wins; it may extend others explicitly.
func Find(dir string) (string, bool) {
	dir, err := filepath.Abs(dir)
	if err != nil {
		return "", false
	}
	for {
		for _, name := range FileNames {
			cand := filepath.Join(dir, name)
			if st, err := os.Stat(cand); err == nil && !st.IsDir() {
				return cand, true
			}
		}
		if _, err := os.Stat(filepath.Join(dir, ".git")); err == nil {
			return "", false
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", false
		}
		dir = parent
	}
}

// ForFile finds and loads the config that applies to filePath and returns
// the file's effective policy. With no config file it returns the defaults.
// Rule keys are checked for form only; a Loader with a RuleResolver also
// rejects unknown rules.
func ForFile(ctx context.Context, filePath string) (*Policy, *Config, error) {
	return (&Loader{}).ForFile(ctx, filePath)
}

// Loader loads configs and caches them by path, reloading when any file a
// config was built from (itself or what it extends) changes on disk. It is
// what a long-running server uses so that editing `.stelp.yaml` takes effect
// without a restart. The zero value is usable. Safe for concurrent use.
type Loader struct {
	// Rules validates and canonicalises rule keys; nil checks form only.
	Rules RuleResolver
	// RuleNames (IDs and names) feed "did you mean" hints for unknown
	// rules; optional.
	RuleNames []string

	mu    sync.Mutex
	cache map[string]*cached
}

type cached struct {
	cfg   *Config
	stamp []stamp
}

type stamp struct {
	path string
	mod  time.Time
	size int64
	ok   bool
}

func stampOf(path string) stamp {
	st, err := os.Stat(path)
	if err != nil {
		return stamp{path: path}
	}
	return stamp{path: path, mod: st.ModTime(), size: st.Size(), ok: true}
}

// Load returns the config at path, from the cache when none of its sources
// changed. Errors are not cached: the next call re-reads the files.
func (l *Loader) Load(ctx context.Context, path string) (*Config, error) {
	key, err := filepath.Abs(path)
	if err != nil {
		key = path
	}
	l.mu.Lock()
	c := l.cache[key]
	l.mu.Unlock()
	if c != nil && fresh(c.stamp) {
		return c.cfg, nil
	}
	cfg, err := load(ctx, path, l.Rules, l.RuleNames)
	if err != nil {
		l.mu.Lock()
		delete(l.cache, key)
		l.mu.Unlock()
		return nil, err
	}
	stamps := make([]stamp, len(cfg.Sources))
	for i, s := range cfg.Sources {
		stamps[i] = stampOf(s)
	}
	l.mu.Lock()
	if l.cache == nil {
		l.cache = map[string]*cached{}
	}
	l.cache[key] = &cached{cfg: cfg, stamp: stamps}
	l.mu.Unlock()
	return cfg, nil
}

func fresh(stamps []stamp) bool {
	for _, s := range stamps {
		if stampOf(s.path) != s {
			return false
		}
	}
	return true
}

// ForFile finds the config for filePath (see Find), loads it through the
// cache and returns the file's effective policy and the config. A file with
// no config gets the defaults and DefaultConfig().
func (l *Loader) ForFile(ctx context.Context, filePath string) (*Policy, *Config, error) {
	abs, err := filepath.Abs(filePath)
	if err != nil {
		abs = filePath
	}
	path, ok := Find(filepath.Dir(abs))
	if !ok {
		c := DefaultConfig()
		return c.For(abs), c, nil
	}
	c, err := l.Load(ctx, path)
	if err != nil {
		return nil, nil, err
	}
	return c.For(abs), c, nil
}
