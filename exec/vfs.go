package exec

// vfs.go is the in-memory file system a run gets when the policy allows
// files: open() reads and writes a map seeded from the request, never the
// real disk.

import (
	"fmt"
	"path"
	"strings"

	"github.com/go-python/gpython/py"
)

const vfsMaxBytes = 8 << 20

func (s *session) vfsOpen(args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	s.checkStopped()
	if len(args) < 1 {
		return nil, py.ExceptionNewf(py.TypeError, "open() missing required argument 'file'")
	}
	nameObj, ok := args[0].(py.String)
	if !ok {
		return nil, py.ExceptionNewf(py.TypeError, "open(): file must be a str path")
	}
	mode := "r"
	if len(args) > 1 {
		m, ok := args[1].(py.String)
		if !ok {
			return nil, py.ExceptionNewf(py.TypeError, "open(): mode must be str")
		}
		mode = string(m)
	}
	if m, ok := kwargs["mode"].(py.String); ok {
		mode = string(m)
	}
	name := path.Clean(strings.TrimPrefix(string(nameObj), "./"))
	if strings.Contains(mode, "b") {
		return nil, py.ExceptionNewf(py.ValueError, "binary files are not supported in the sandbox")
	}
	f := &vfsFile{s: s, name: name}
	switch strings.Trim(mode, "t+") {
	case "r":
		content, ok := s.vfs[name]
		if !ok {
			return nil, py.ExceptionNewf(py.FileNotFoundError, "[Errno 2] No such file or directory: '%s'", string(nameObj))
		}
		f.data = content
	case "w", "x":
		f.writable = true
		s.vfs[name] = ""
	case "a":
		f.writable = true
		f.buf.WriteString(s.vfs[name])
	default:
		return nil, py.ExceptionNewf(py.ValueError, "invalid mode: '%s'", mode)
	}
	return f, nil
}

type vfsFile struct {
	s        *session
	name     string
	data     string
	pos      int
	writable bool
	closed   bool
	buf      strings.Builder
}

var vfsFileType = py.NewType("TextIOWrapper", "in-memory file")

func (f *vfsFile) Type() *py.Type { return vfsFileType }

func (f *vfsFile) M__iter__() (py.Object, error) { return f, nil }

func (f *vfsFile) M__next__() (py.Object, error) {
	line := f.readline()
	if line == "" {
		return nil, py.StopIteration
	}
	return py.String(line), nil
}

func (f *vfsFile) M__enter__() (py.Object, error) { return f, nil }

func (f *vfsFile) M__exit__(a, b, c py.Object) (py.Object, error) {
	f.close()
	return py.False, nil
}

func (f *vfsFile) readline() string {
	f.s.step(1)
	rest := f.data[f.pos:]
	if i := strings.IndexByte(rest, '\n'); i >= 0 {
		f.pos += i + 1
		return rest[:i+1]
	}
	f.pos = len(f.data)
	return rest
}

func (f *vfsFile) close() {
	if f.writable && !f.closed {
		f.s.vfs[f.name] = f.buf.String()
	}
	f.closed = true
}

func (f *vfsFile) M__getattribute__(name string) (py.Object, error) {
	m := func(fn func(args py.Tuple) (py.Object, error)) (py.Object, error) {
		return newMethod(name, func(args py.Tuple, _ py.StringDict) (py.Object, error) {
			f.s.checkStopped()
			if f.closed {
				return nil, py.ExceptionNewf(py.ValueError, "I/O operation on closed file.")
			}
			return fn(args)
		}), nil
	}
	switch name {
	case "read":
		return m(func(py.Tuple) (py.Object, error) {
			rest := f.data[f.pos:]
			f.pos = len(f.data)
			return py.String(rest), nil
		})
	case "readline":
		return m(func(py.Tuple) (py.Object, error) { return py.String(f.readline()), nil })
	case "readlines":
		return m(func(py.Tuple) (py.Object, error) {
			var out []py.Object
			for {
				l := f.readline()
				if l == "" {
					return py.NewListFromItems(out), nil
				}
				out = append(out, py.String(l))
			}
		})
	case "write":
		return m(func(args py.Tuple) (py.Object, error) {
			if !f.writable {
				return nil, py.ExceptionNewf(py.OSError, "not writable")
			}
			if len(args) != 1 {
				return nil, py.ExceptionNewf(py.TypeError, "write() takes exactly one argument")
			}
			str, ok := args[0].(py.String)
			if !ok {
				return nil, py.ExceptionNewf(py.TypeError, "write() argument must be str")
			}
			if f.buf.Len()+len(str) > vfsMaxBytes {
				f.s.limitStop("memory", fmt.Sprintf("in-memory file %q exceeded %d MiB", f.name, vfsMaxBytes>>20))
			}
			f.buf.WriteString(string(str))
			return py.Int(len(str)), nil
		})
	case "__enter__":
		return newMethod(name, func(py.Tuple, py.StringDict) (py.Object, error) { return f, nil }), nil
	case "__exit__":
		return newMethod(name, func(py.Tuple, py.StringDict) (py.Object, error) {
			f.close()
			return py.False, nil
		}), nil
	case "close":
		return newMethod(name, func(py.Tuple, py.StringDict) (py.Object, error) {
			f.close()
			return py.None, nil
		}), nil
	case "closed":
		return py.NewBool(f.closed), nil
	case "name":
		return py.String(f.name), nil
	}
	return nil, py.ExceptionNewf(py.AttributeError, "'TextIOWrapper' object has no attribute '%s'", name)
}
