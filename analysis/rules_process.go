package analysis

import "github.com/stelp-dev/stelp/policy"

// SP4xx: starting processes and running shell commands.

var ruleOSSystem = &Rule{
	ID: "SP401", Name: "shell-command", CWE: 78, Category: CatProcess, Severity: policy.SeverityError, Bandit: "B605",
	HasFix:  true,
	Summary: "A shell command is run",
	Why:     "os.system, os.popen and friends pass a string to the shell: any text that reaches it runs as a command.",
	Bad:     "os.system('ls ' + path)",
	Good:    "names = sorted(entries)",
	calls: []string{"os.system", "os.popen", "os.popen2", "os.popen3", "os.popen4", "platform.popen",
		"commands.getoutput", "commands.getstatusoutput", "subprocess.getoutput", "subprocess.getstatusoutput",
		"asyncio.create_subprocess_shell", "pty.spawn"},
	callMsg: func(q string) string { return "`" + q + "` runs a shell command" },
	related: taintRelated("the shell command"),
}

var ruleSubprocess = &Rule{
	ID: "SP402", Name: "subprocess-call", CWE: 78, Category: CatProcess, Severity: policy.SeverityError, Bandit: "B603",
	Summary: "A child process is started",
	Why:     "subprocess runs other programs with the program's rights; generated code has no business starting them.",
	Bad:     "subprocess.run(['cat', '/etc/passwd'])",
	Good:    "compute the result in Python",
	calls: []string{"subprocess.run", "subprocess.call", "subprocess.check_call", "subprocess.check_output",
		"subprocess.Popen", "asyncio.create_subprocess_exec", "multiprocessing.Process().start"},
	callMsg: func(q string) string { return "`" + q + "` starts a child process" },
	related: taintRelated("the command"),
}

var ruleShellTrue = &Rule{
	ID: "SP403", Name: "shell-true", CWE: 78, Category: CatInjection, Severity: policy.SeverityError, Bandit: "B602",
	HasFix:  true,
	Summary: "A process is started with shell=True",
	Why:     "shell=True hands the command line to /bin/sh, so quotes, `;` and `$(...)` in any interpolated value become commands (command injection).",
	Bad:     "subprocess.run(f'grep {pattern} log', shell=True)",
	Good:    "subprocess.run(['grep', pattern, 'log'])",
	hooks: map[string]func(*pass, *Rule, int32){
		"keyword_argument": func(p *pass, r *Rule, n int32) {
			if normIdent(p.text(p.field(n, "name"))) != "shell" {
				return
			}
			v := p.res.eval(p.field(n, "value"))
			if (v.k == vBool || v.k == vNum) && v.n != 0 {
				p.report(r, n, "")
			}
		},
	},
}

var ruleExecSpawn = &Rule{
	ID: "SP404", Name: "process-replace-or-fork", CWE: 78, Category: CatProcess, Severity: policy.SeverityError, Bandit: "B606",
	Summary: "The process is replaced, forked or spawned",
	Why:     "os.exec*, os.spawn*, posix_spawn and fork start new programs or copies of the process outside any control.",
	Bad:     "os.execvp('sh', ['sh'])",
	Good:    "call a Python function",
	calls: []string{"os.execl", "os.execle", "os.execlp", "os.execlpe", "os.execv", "os.execve", "os.execvp",
		"os.execvpe", "os.spawnl", "os.spawnle", "os.spawnlp", "os.spawnlpe", "os.spawnv", "os.spawnve", "os.spawnvp",
		"os.spawnvpe", "os.posix_spawn", "os.posix_spawnp", "os.fork", "os.forkpty", "os.startfile", "pty.fork"},
	callMsg: func(q string) string { return "`" + q + "` replaces, forks or spawns the process" },
}

var ruleSignal = &Rule{
	ID: "SP405", Name: "process-signal", CWE: 284, Category: CatProcess, Severity: policy.SeverityError,
	Summary: "Processes are signalled or the interpreter is exited abruptly",
	Why:     "os.kill, signal handlers and os._exit affect processes beyond the computation, or skip cleanup.",
	Bad:     "os.kill(pid, 9)",
	Good:    "return a result",
	calls: []string{"os.kill", "os.killpg", "os.abort", "os._exit", "signal.signal", "signal.alarm", "signal.setitimer",
		"signal.pthread_kill", "signal.raise_signal", "os.setuid", "os.setgid", "os.seteuid", "os.setsid", "os.nice"},
	callMsg: func(q string) string { return "`" + q + "` signals processes or exits abruptly" },
}

func processFamily() family {
	return family{rules: []*Rule{ruleOSSystem, ruleSubprocess, ruleShellTrue, ruleExecSpawn, ruleSignal}}
}
