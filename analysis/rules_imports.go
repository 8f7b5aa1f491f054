package analysis

import (
	"strings"

	"github.com/stelp-dev/stelp/policy"
)

// SP3xx: what a program may import.

// dangerousModules give access to the OS, the interpreter's internals, the
// network or native code; importing them is an error whatever the allowlist.
var dangerousModules = setOf(`os posix nt sys subprocess socket ctypes cffi threading _thread thread
		multiprocessing concurrent asyncio shutil pathlib importlib imp builtins __builtin__ marshal pickle cPickle
		_pickle shelve dill cloudpickle jsonpickle joblib tempfile glob fnmatch signal pty tty termios fcntl io _io
		mmap resource select selectors code codeop runpy inspect gc ctypes ssl http urllib urllib2 urllib3 requests
		httpx aiohttp ftplib telnetlib smtplib poplib imaplib nntplib xmlrpc socketserver webbrowser platform getpass
		pwd grp spwd crypt sysconfig site zipimport pkgutil faulthandler tracemalloc sched timeit trace pdb bdb
		pydoc fileinput filecmp zipfile tarfile gzip bz2 lzma zlib sqlite3 dbm atexit weakref types opcode dis
		_ctypes ptrace winreg msvcrt _winapi posixpath ntpath linecache tokenize py_compile compileall`)

func setOf(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

func topModule(m string) string {
	if i := strings.IndexByte(m, '.'); i >= 0 {
		return m[:i]
	}
	return m
}

var ruleDangerousImport = &Rule{
	ID: "SP301", Name: "dangerous-module-import", CWE: 829, Category: CatImports, Severity: policy.SeverityError,
	Summary: "A module that reaches the OS, the network or the interpreter's internals is imported",
	Why: "os, sys, subprocess, socket, ctypes, threading, pickle, builtins and similar modules give a program the " +
		"machine, not just computation. Generated code that imports them does more than compute an answer.",
	Bad:  "import os\nfrom subprocess import run as go",
	Good: "import math",
	hooks: map[string]func(*pass, *Rule, int32){
		"import_statement":      checkImport,
		"import_from_statement": checkImport,
	},
}

var ruleImportNotAllowed = &Rule{
	ID: "SP302", Name: "import-not-allowed", CWE: 829, Category: CatImports, Severity: policy.SeverityError,
	Summary: "A module outside the import allowlist is imported",
	Why: "Only the modules listed under `modules.allow` in .stelp.yaml (by default: benign standard modules such " +
		"as math, re, json, collections, itertools) may be imported; anything else is unreviewed code.",
	Bad:  "import numpy",
	Good: "import math",
}

var ruleSysTamper = &Rule{
	ID: "SP303", Name: "import-system-tampering", CWE: 829, Category: CatImports, Severity: policy.SeverityError,
	Summary: "sys.modules, sys.path or import hooks are used",
	Why:     "sys.modules hands out already imported modules (os among them) by name; sys.path and meta_path change what an import loads.",
	Bad:     "sys.modules['os'].system('id')",
	Good:    "import math",
	refs: []string{"sys.modules", "sys.path", "sys.meta_path", "sys.path_hooks", "sys.path_importer_cache",
		"sys.settrace", "sys.setprofile", "sys.addaudithook"},
}

// checkImport reports one finding per imported module (SP301 before SP302).
func checkImport(p *pass, r *Rule, n int32) {
	var mods []int32
	nd := &p.nodes[n]
	if nd.kind == "import_from_statement" {
		m := p.field(n, "module_name")
		if m < 0 || p.nodes[m].kind != "dotted_name" {
			return // relative: the project's own package
		}
		mods = append(mods, m)
	} else {
		for _, c := range p.namedChildren(n) {
			switch p.nodes[c].kind {
			case "dotted_name":
				mods = append(mods, c)
			case "aliased_import":
				mods = append(mods, p.field(c, "name"))
			}
		}
	}
	for _, m := range mods {
		name := canonical(p.dotted(m))
		top := topModule(name)
		if top == "__future__" {
			continue
		}
		if dangerousModules[top] || dangerousModules[name] {
			p.report(r, m, "import of `"+name+"`: "+lowerFirst(dangerWhy(top)))
			continue
		}
		if !p.pol.Allows(name) {
			p.report(ruleImportNotAllowed, m, "import of `"+name+"`, which is not on the import allowlist (modules.allow)")
		}
	}
}

func dangerWhy(top string) string {
	switch top {
	case "os", "posix", "nt", "subprocess", "pty", "shutil", "pathlib", "glob", "tempfile", "io", "_io", "fileinput", "fnmatch":
		return "it reaches files and processes"
	case "socket", "ssl", "http", "urllib", "urllib2", "urllib3", "requests", "httpx", "aiohttp", "ftplib", "telnetlib",
		"smtplib", "poplib", "imaplib", "nntplib", "xmlrpc", "socketserver", "webbrowser":
		return "it reaches the network"
	case "pickle", "cPickle", "_pickle", "marshal", "shelve", "dill", "cloudpickle", "jsonpickle", "joblib":
		return "it deserializes objects that can run code"
	case "threading", "_thread", "thread", "multiprocessing", "concurrent", "asyncio", "signal", "sched":
		return "it spawns threads or processes or handles signals"
	case "ctypes", "_ctypes", "cffi", "mmap":
		return "it reaches native memory"
	case "builtins", "__builtin__", "importlib", "imp", "sys", "inspect", "gc", "code", "codeop", "runpy", "types", "pkgutil", "zipimport":
		return "it reaches the interpreter's internals"
	}
	return "it reaches the machine beyond computation"
}

func importFamily() family {
	return family{rules: []*Rule{ruleDangerousImport, ruleImportNotAllowed, ruleSysTamper}}
}
