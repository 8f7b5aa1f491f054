package analysis

import (
	"fmt"
	"strings"

	"github.com/stelp-dev/stelp/policy"
)

// SP1xx: running code built at run time.

var ruleEval = &Rule{
	ID: "SP101", Name: "eval-call", CWE: 95, Category: CatCodeExecution, Severity: policy.SeverityError, Bandit: "B307",
	Summary: "eval() runs arbitrary code",
	Why: "eval() compiles and runs whatever string reaches it, with the program's full authority. " +
		"Aliases (`e = eval`), `getattr(builtins, 'ev'+'al')` and look-alike Unicode names are resolved first. " +
		"To parse a literal use ast.literal_eval; to compute, write the expression.",
	Bad:       "x = eval(user_input)\nrun = getattr(__builtins__, 'ev' + 'al')\nrun('1+1')",
	Good:      "import ast\nx = ast.literal_eval(user_input)",
	HasFix:    true,
	calls:     []string{"builtins.eval"},
	callCheck: describeCode("eval() runs arbitrary code"),
	related:   taintRelated("eval()"),
}

var ruleExec = &Rule{
	ID: "SP102", Name: "exec-call", CWE: 95, Category: CatCodeExecution, Severity: policy.SeverityError, Bandit: "B102",
	HasFix:  true,
	Summary: "exec() runs arbitrary statements",
	Why: "exec() runs any Python statements it is given, including imports and file or process access. " +
		"Write the statements as code instead.",
	Bad:       "exec('result = n % k')",
	Good:      "result = n % k",
	calls:     []string{"builtins.exec"},
	callCheck: describeCode("exec() runs arbitrary statements"),
	related:   taintRelated("exec()"),
}

var ruleCompile = &Rule{
	ID: "SP103", Name: "compile-call", CWE: 95, Category: CatCodeExecution, Severity: policy.SeverityError,
	Summary: "compile() builds a code object from a string",
	Why:     "A compiled code object is one call away from running (exec, eval, types.FunctionType). re.compile is not affected.",
	Bad:     "code = compile(src, '<s>', 'exec')",
	Good:    "pattern = re.compile(r'\\d+')",
	calls:   []string{"builtins.compile"},
}

var ruleDunderImport = &Rule{
	ID: "SP104", Name: "dunder-import-call", CWE: 94, Category: CatCodeExecution, Severity: policy.SeverityError,
	HasFix:  true,
	Summary: "__import__() loads a module chosen at run time",
	Why: "__import__ bypasses the import statement, so the import allowlist cannot see which module is loaded; " +
		"it is the usual first step of `__import__('os').system(...)`.",
	Bad:       "__import__('os').system('ls')",
	Good:      "import math",
	calls:     []string{"builtins.__import__"},
	callCheck: importedModuleMsg("__import__"),
}

var ruleImportlib = &Rule{
	ID: "SP105", Name: "importlib-import", CWE: 94, Category: CatCodeExecution, Severity: policy.SeverityError,
	Summary: "importlib loads a module or file chosen at run time",
	Why:     "importlib.import_module and loaders load code by a computed name or path, hiding it from the import allowlist.",
	Bad:     "mod = importlib.import_module(name)",
	Good:    "import json",
	calls: []string{"importlib.import_module", "importlib.reload", "importlib.util.spec_from_file_location",
		"importlib.util.module_from_spec", "importlib.machinery.SourceFileLoader", "imp.load_source",
		"imp.load_module", "imp.load_compiled", "imp.load_dynamic", "imp.find_module", "zipimport.zipimporter",
		"pkgutil.get_loader", "importlib.util.find_spec", "importlib.__import__"},
	callCheck: importedModuleMsg("importlib"),
}

var ruleRunpy = &Rule{
	ID: "SP106", Name: "code-runner-call", CWE: 95, Category: CatCodeExecution, Severity: policy.SeverityError,
	Summary: "runpy, code or timeit runs source given as data",
	Why:     "runpy.run_path/run_module, the code module's interpreters and timeit with a string statement all compile and run source text.",
	Bad:     "runpy.run_path('payload.py')",
	Good:    "import mymodule\nmymodule.main()",
	calls: []string{"runpy.run_path", "runpy.run_module", "code.interact", "code.InteractiveInterpreter",
		"code.InteractiveConsole", "code.compile_command", "codeop.compile_command", "builtins.breakpoint", "pdb.set_trace", "pdb.run", "timeit.timeit", "timeit.repeat", "timeit.Timer"},
	callCheck: func(p *pass, call int32, q string) (string, bool) {
		if q == "timeit.timeit" || q == "timeit.repeat" || q == "timeit.Timer" {
			a := p.arg(call, 0, "stmt")
			if a < 0 || p.res.eval(a).k != vStr {
				return "", false
			}
		}
		if q == "builtins.breakpoint" || strings.HasPrefix(q, "pdb.") {
			return "`" + shortName(q) + "` opens an interactive debugger that runs any code typed", true
		}
		return "`" + q + "` runs source text", true
	},
}

var ruleCodeObject = &Rule{
	ID: "SP107", Name: "code-object-construction", CWE: 94, Category: CatCodeExecution, Severity: policy.SeverityError,
	Summary: "A function or code object is built by hand",
	Why:     "types.FunctionType and types.CodeType turn raw byte code or another function's globals into callable code, bypassing every source check.",
	Bad:     "f = types.FunctionType(code, globals())",
	Good:    "def f():\n    ...",
	calls:   []string{"types.FunctionType", "types.CodeType", "types.LambdaType", "types.MethodType"},
}

func codeExecFamily() family {
	return family{rules: []*Rule{ruleEval, ruleExec, ruleCompile, ruleDunderImport, ruleImportlib, ruleRunpy, ruleCodeObject}}
}

// describeCode adds what a constant code string does to the message: the
// string is parsed and checked like the file itself (one level deep).
func describeCode(base string) func(p *pass, call int32, q string) (string, bool) {
	return func(p *pass, call int32, q string) (string, bool) {
		code, ok := p.res.eval(p.arg(call, 0, "source")).str()
		if !ok {
			if p.arg(call, 0, "source") < 0 {
				return base, true
			}
			// No honest rewrite exists for code computed at run time: say
			// what to write instead.
			return base + " built at run time; no safe automatic fix: parse the data explicitly (int(), float(), " +
				"json.loads, ast.literal_eval for literals) or dispatch through a dict of functions", true
		}
		msg := base + ": `" + trimTo(strings.TrimSpace(code), 50) + "`"
		if p.nested || len(code) > 1<<16 {
			return msg, true
		}
		var inner []string
		seen := map[string]bool{}
		for _, f := range p.checkNested([]byte(code)) {
			if f.Severity == policy.SeverityError && !seen[f.Rule] && f.Rule != "SP000" {
				seen[f.Rule] = true
				inner = append(inner, f.Rule+" "+f.Name)
			}
		}
		if len(inner) > 0 {
			msg += "; the code itself: " + strings.Join(inner, ", ")
		}
		return msg, true
	}
}

// importedModuleMsg names the module when it folds to a constant.
func importedModuleMsg(what string) func(p *pass, call int32, q string) (string, bool) {
	return func(p *pass, call int32, q string) (string, bool) {
		a := p.arg(call, 0, "name")
		if s, ok := p.res.eval(a).str(); ok {
			return fmt.Sprintf("%s loads module `%s` at run time, out of the import allowlist's sight", what, s), true
		}
		if q == "importlib.reload" {
			return "importlib.reload re-runs a module's code", true
		}
		return what + " loads a module whose name is computed at run time", true
	}
}

// taintRelated points at the input() call or parameter whose value reaches
// the first argument of eval/exec.
func taintRelated(what string) func(p *pass, call int32) []Related {
	return func(p *pass, call int32) []Related {
		a := p.arg(call, 0, "")
		if a < 0 {
			return nil
		}
		v := p.res.eval(a)
		if v.taint == 0 {
			return nil
		}
		src := v.taint - 1
		msg := "this value reaches " + what
		if p.nodes[src].kind == "call" {
			msg = "user input read here reaches " + what
		} else if p.nodes[src].kind == "identifier" {
			msg = "parameter `" + p.text(src) + "` reaches " + what + ": callers control it"
		}
		return []Related{{Range: p.t.rangeOf(p.nodes[src].start, p.nodes[src].end), Message: msg}}
	}
}
