//go:build linux

package exec

import "syscall"

func setPdeathsig(attr *syscall.SysProcAttr) { attr.Pdeathsig = syscall.SIGKILL }

func processLayers() []string { return []string{"process-group", "pdeathsig"} }
