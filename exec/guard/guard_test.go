package guard

import "testing"

func TestAttr(t *testing.T) {
	cases := map[string]AttrRule{
		"__globals__":    AttrDeny,
		"__ｇｌｏｂａｌｓ__":    AttrDeny, // fullwidth letters normalise (NFKC) to __globals__
		"gi_frame":       AttrDeny,
		"__subclasses__": AttrDeny,
		"__dict__":       AttrInstanceOnly,
		"__mro__":        AttrClassOnly,
		"__ｂａｓｅｓ__":      AttrClassOnly,
		"__base__":       AttrClassOnly,
		"mro":            AttrDeny,
		"__class__":      AttrFree,
		"__name__":       AttrFree,
		"__init__":       AttrFree,
		// super().__init_subclass__(**kw) is the documented pattern; the
		// bound method leads nowhere without __self__/__func__ (denied).
		"__init_subclass__": AttrFree,
		"__self__":          AttrDeny,
		"append":            AttrFree,
		"globals":           AttrFree,
	}
	for name, want := range cases {
		if got := Attr(name); got != want {
			t.Errorf("Attr(%q) = %v, want %v", name, got, want)
		}
		if Guarded(name) != (want != AttrFree) {
			t.Errorf("Guarded(%q) disagrees with Attr", name)
		}
	}
}
