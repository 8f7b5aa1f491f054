package pyobj

func initDictMethods() {}
func initSetMethods()  {}
