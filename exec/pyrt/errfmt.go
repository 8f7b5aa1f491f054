package pyrt

import (
	"github.com/go-python/gpython/py"

	"github.com/stelp-dev/stelp/exec/pyrt/pyobj"
)

// ExceptionOf extracts the Python exception from an error returned by
// gpython, with CPython's type name and str(exception) message.
func ExceptionOf(err error) (typ, msg string) {
	var exc *py.Exception
	switch e := err.(type) {
	case py.ExceptionInfo:
		if x, ok := e.Value.(*py.Exception); ok {
			exc = x
		} else if e.Type != nil {
			return e.Type.Name, ""
		}
	case *py.Exception:
		exc = e
	case *py.Type:
		return e.Name, ""
	}
	if exc == nil {
		return "SystemError", err.Error()
	}
	m, serr := pyobj.ExceptionStr(exc)
	if serr != nil {
		m = "<exception str() failed>"
	}
	return exc.Base.Name, m
}

func formatErr(err error) string {
	t, m := ExceptionOf(err)
	if m == "" {
		return t
	}
	return t + ": " + m
}
