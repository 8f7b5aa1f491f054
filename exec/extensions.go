package exec

// defaultExtensions are the runtime additions a worker installs when the
// binary registered none.
func defaultExtensions() Extensions {
	return Extensions{}
}
