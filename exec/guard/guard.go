// Package guard holds the sandbox's attribute rules as data, shared by the
// transpiler (which routes guarded attribute accesses through a runtime
// check), the executor (which enforces them) and runtime extensions that
// look attributes up by name (str.format).
package guard

import "golang.org/x/text/unicode/norm"

// AttrRule is the sandbox's verdict on an attribute name.
type AttrRule int

const (
	// AttrFree: ordinary attribute, no check needed.
	AttrFree AttrRule = iota
	// AttrDeny: never readable, writable or deletable.
	AttrDeny
	// AttrInstanceOnly: readable on instances of user classes only.
	AttrInstanceOnly
	// AttrClassOnly: readable on classes only (a class's MRO and bases).
	AttrClassOnly
)

// deniedAttrs lead from an ordinary object to code objects, frames,
// globals or the builtins (the classic escapes).
var deniedAttrs = map[string]bool{
	"__subclasses__": true, "__globals__": true, "__code__": true, "__builtins__": true,
	"__closure__": true, "__func__": true, "__self__": true,
	"__getattribute__": true, "__reduce__": true,
	"__reduce_ex__": true, "__loader__": true, "__spec__": true, "__import__": true,
	"__traceback__": true, "__tb_frame__": true, "__tb_next__": true, "__tb_lasti__": true,
	"__frame__": true, "__defaults__": true, "__kwdefaults__": true, "__setattr__": true,
	"__delattr__": true, "__subclasshook__": true,
	"__objclass__": true, "__wrapped__": true, "__class_getitem__": true,
	"gi_frame": true, "gi_code": true, "gi_yieldfrom": true, "cr_frame": true,
	"cr_code": true, "ag_frame": true, "ag_code": true, "f_back": true, "f_globals": true,
	"f_locals": true, "f_builtins": true, "f_code": true, "tb_frame": true, "tb_next": true,
	"co_code": true, "co_consts": true, "co_names": true, "func_globals": true,
	"func_code": true, "mro": true,
}

// instanceOnlyAttrs: `self.__dict__` is common and harmless; a module's,
// function's or type's is not.
var instanceOnlyAttrs = map[string]bool{"__dict__": true}

// classOnlyAttrs answer what a class derives from: ordinary introspection
// that reaches only classes (and `object`, a builtin anyway); the escape's
// next step, __subclasses__, stays denied.
var classOnlyAttrs = map[string]bool{"__mro__": true, "__bases__": true, "__base__": true}

// Attr classifies an attribute name (NFKC-normalised first, as Python
// normalises identifiers).
func Attr(name string) AttrRule {
	n := name
	for i := 0; i < len(name); i++ {
		if name[i] >= 0x80 {
			n = norm.NFKC.String(name)
			break
		}
	}
	switch {
	case deniedAttrs[n]:
		return AttrDeny
	case instanceOnlyAttrs[n]:
		return AttrInstanceOnly
	case classOnlyAttrs[n]:
		return AttrClassOnly
	}
	return AttrFree
}

// Guarded reports whether accesses to name must go through the runtime
// check.
func Guarded(name string) bool { return Attr(name) != AttrFree }
