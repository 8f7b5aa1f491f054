package analysis

import (
	"strings"

	"github.com/stelp-dev/stelp/policy"
)

// SP5xx: file-system access.

var fileOpenCalls = []string{"builtins.open", "codecs.open", "os.open", "os.fdopen", "fileinput.input",
	"fileinput.FileInput", "tarfile.open", "zipfile.ZipFile", "gzip.open", "bz2.open", "lzma.open",
	"pathlib.Path().open", "pathlib.Path().read_text", "pathlib.Path().read_bytes", "pathlib.Path().write_text",
	"pathlib.Path().write_bytes", "pathlib.PurePath().open", "os.path.getsize", "linecache.getline", "linecache.getlines",
	"io.FileIO", "os.read", "os.write", "os.sendfile"}

var ruleOpen = &Rule{
	ID: "SP501", Name: "file-open", CWE: 552, Category: CatFileSystem, Severity: policy.SeverityError,
	Summary: "A file is opened",
	Why: "Generated code that opens files can read secrets (/etc/passwd, keys) or overwrite data. " +
		"Pass data in as arguments; when files are really needed, enable the virtual file system in the policy " +
		"(then only absolute or climbing paths are reported, by SP502).",
	Bad:   "open('/etc/passwd').read()",
	Good:  "def count(lines: list[str]) -> int: ...",
	calls: fileOpenCalls,
	callCheck: func(p *pass, call int32, q string) (string, bool) {
		if p.pol.Files {
			return "", false // the policy gives programs a virtual file system
		}
		return "`" + shortName(q) + "` opens a file", true
	},
}

// sensitivePrefixes are absolute locations generated code never needs.
var sensitivePrefixes = []string{"/etc", "/proc", "/sys", "/dev", "/root", "/home", "/var", "/usr", "/bin",
	"/boot", "/tmp", "/opt", "/srv", "/mnt", "/private", "~", "c:\\", "C:\\", "\\\\"}

var rulePathTraversal = &Rule{
	ID: "SP502", Name: "path-traversal", CWE: 22, Category: CatFileSystem, Severity: policy.SeverityError,
	Summary: "A file path is absolute, climbs with `..`, or comes from the caller",
	Why: "Paths such as /etc/shadow, ~/.ssh/id_rsa or ../../secrets leave the working directory; a path taken " +
		"from input or a parameter lets the caller choose any file.",
	Bad:  "open('../../etc/passwd')\nopen(user_path)",
	Good: "open(os.path.join(BASE, safe_name))  # after validating safe_name",
	calls: append(append([]string{}, fileOpenCalls...), "os.remove", "os.unlink", "shutil.rmtree", "os.listdir",
		"os.scandir", "os.walk", "pathlib.Path", "shutil.copy", "shutil.copyfile", "shutil.move", "os.rename", "os.chmod"),
	callCheck: func(p *pass, call int32, q string) (string, bool) {
		a := p.arg(call, 0, "file")
		if a < 0 {
			a = p.arg(call, 0, "path")
		}
		if a < 0 {
			return "", false
		}
		v := p.res.eval(a)
		if s, ok := v.str(); ok {
			if strings.Contains(s, "..") {
				return "path `" + trimTo(s, 40) + "` climbs out of the working directory with `..`", true
			}
			for _, pre := range sensitivePrefixes {
				if strings.HasPrefix(s, pre) {
					return "absolute path `" + trimTo(s, 40) + "` is outside the program's data", true
				}
			}
			return "", false
		}
		if v.taint != 0 {
			src := v.taint - 1
			if p.nodes[src].kind == "call" {
				return "the path comes from user input", true
			}
		}
		return "", false
	},
}

var ruleDelete = &Rule{
	ID: "SP503", Name: "file-deletion", CWE: 73, Category: CatFileSystem, Severity: policy.SeverityError,
	Summary: "Files or directories are deleted",
	Why:     "Deleting files is irreversible and never part of computing an answer.",
	Bad:     "shutil.rmtree(path)",
	Good:    "leave files alone",
	calls: []string{"os.remove", "os.unlink", "os.rmdir", "os.removedirs", "shutil.rmtree", "pathlib.Path().unlink",
		"pathlib.Path().rmdir", "os.truncate", "os.ftruncate"},
	callMsg: func(q string) string { return "`" + shortName(q) + "` deletes files" },
}

var ruleFileModify = &Rule{
	ID: "SP504", Name: "file-system-change", CWE: 732, Category: CatFileSystem, Severity: policy.SeverityError, Bandit: "B103",
	Summary: "Files are moved, copied, linked, or their permissions changed",
	Why:     "Renaming, copying, linking or chmod-ing files changes the machine outside the program.",
	Bad:     "os.chmod('run.sh', 0o777)",
	Good:    "return the data instead",
	calls: []string{"os.rename", "os.renames", "os.replace", "os.chmod", "os.lchmod", "os.chown", "os.lchown", "os.link",
		"os.symlink", "os.mkdir", "os.makedirs", "os.mknod", "os.mkfifo", "os.utime", "os.chdir", "os.chroot",
		"shutil.copy", "shutil.copy2", "shutil.copyfile", "shutil.copytree", "shutil.move", "shutil.chown",
		"shutil.copymode", "shutil.copystat", "pathlib.Path().mkdir", "pathlib.Path().rename", "pathlib.Path().replace",
		"pathlib.Path().chmod", "pathlib.Path().touch", "pathlib.Path().symlink_to", "os.umask"},
	callMsg: func(q string) string { return "`" + shortName(q) + "` changes the file system" },
}

var ruleListDir = &Rule{
	ID: "SP505", Name: "file-system-listing", CWE: 548, Category: CatFileSystem, Severity: policy.SeverityError,
	Summary: "Directories are listed or files probed",
	Why:     "Listing directories and probing paths discovers what is on the machine: reconnaissance, not computation.",
	Bad:     "for name in os.listdir('/home'): ...",
	Good:    "work on the data passed in",
	calls: []string{"os.listdir", "os.scandir", "os.walk", "os.fwalk", "glob.glob", "glob.iglob", "os.stat", "os.lstat",
		"os.access", "os.path.exists", "os.path.isfile", "os.path.isdir", "os.path.islink", "os.getcwd",
		"pathlib.Path().iterdir", "pathlib.Path().glob", "pathlib.Path().rglob", "pathlib.Path().exists",
		"pathlib.Path.cwd", "pathlib.Path.home", "os.path.expanduser"},
	callMsg: func(q string) string { return "`" + shortName(q) + "` inspects the file system" },
}

var ruleTempFile = &Rule{
	ID: "SP506", Name: "insecure-temp-file", CWE: 377, Category: CatFileSystem, Severity: policy.SeverityWarning, Bandit: "B306",
	Summary: "A temporary file name is created insecurely",
	Why:     "tempfile.mktemp returns a name another process can claim before it is opened (a race).",
	Bad:     "name = tempfile.mktemp()",
	Good:    "with tempfile.NamedTemporaryFile() as f: ...",
	calls:   []string{"tempfile.mktemp", "os.tempnam", "os.tmpnam"},
}

func fileFamily() family {
	return family{rules: []*Rule{ruleOpen, rulePathTraversal, ruleDelete, ruleFileModify, ruleListDir, ruleTempFile}}
}
