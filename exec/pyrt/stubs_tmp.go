package pyrt
func installStrMethods() {}
func installListMethods() {}
func installTupleMethods() {}
func installDictMethods() {}
func installSetMethods() {}
func installConstructors() {}
