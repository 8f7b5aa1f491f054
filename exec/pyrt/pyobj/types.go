package pyobj

import (
	"log"

	"github.com/go-python/gpython/py"
)

// gpython readies only the types created before its own init ran; ours are
// readied here (MRO, base) so that Lookup and IsSubtype work on them.
func init() {
	DictType.New, DictType.Init = dictNew, dictInit
	SetType.New, SetType.Init = setNew, setInit
	FrozenSetType.New = frozenSetNew
	for _, t := range []*py.Type{DictType, SetType, FrozenSetType, PropertyType, SuperType, iteratorType, setIterType, unboundMethodType, bytesIterType, strIterType,
		dictIterTypes[0], dictIterTypes[1], dictIterTypes[2]} {
		t.Flags |= py.TPFLAGS_BASETYPE
		if err := t.Ready(); err != nil {
			log.Fatalf("pyobj: ready %s: %v", t.Name, err)
		}
	}
	DictType.Flags |= py.TPFLAGS_DICT_SUBCLASS
	initDictMethods()
	initSetMethods()
}
