package fix_test

// Stub modules for the behavioural tests of the safe fixes whose modules
// the sandbox does not provide (requests, yaml, subprocess, shlex). Each
// stub simulates the library's benign case faithfully enough to run the
// original and the fixed program, and records the arguments of every call
// so that a test can see what the fix changed (a timeout added, verify
// dropped, safe_load called, an argument list instead of a shell string).
// They are Python for the runtime's compiler (3.4 syntax, no f-strings)
// and reach only this test binary's workers: see stubImport.

// stubRequests is requests against a simulated HTTPS server with a valid
// certificate that answers every request in LATENCY seconds: a timeout
// shorter than that raises Timeout, as requests does; verification of the
// valid certificate passes whatever verify says.
const stubRequests = `
LATENCY = 0.25
CERT_VALID = True
calls = []


class RequestException(Exception):
    pass


class Timeout(RequestException):
    pass


class SSLError(RequestException):
    pass


class Response(object):
    def __init__(self, url, body):
        self.status_code = 200
        self.ok = True
        self.url = url
        self._body = body

    def json(self):
        return self._body

    def raise_for_status(self):
        return None


def request(method, url, **kwargs):
    timeout = kwargs.get('timeout')
    verify = kwargs.get('verify', True)
    calls.append('%s %s timeout=%r verify=%r' % (method, url, timeout, verify))
    if verify and not CERT_VALID:
        raise SSLError('certificate verify failed')
    if timeout is not None:
        read = timeout
        if isinstance(timeout, tuple):
            read = timeout[1]
        if read < LATENCY:
            raise Timeout('Read timed out. (read timeout=%r)' % (read,))
    body = dict()
    body['method'] = method.upper()
    body['url'] = url
    for k in ('params', 'data', 'json'):
        if kwargs.get(k) is not None:
            body[k] = kwargs[k]
    return Response(url, body)


def get(url, params=None, **kwargs):
    return request('get', url, params=params, **kwargs)


def post(url, data=None, json=None, **kwargs):
    return request('post', url, data=data, json=json, **kwargs)


def put(url, data=None, **kwargs):
    return request('put', url, data=data, **kwargs)


def delete(url, **kwargs):
    return request('delete', url, **kwargs)
`

// stubYAML is PyYAML for flat documents: "key: value" mappings and
// "- item" lists of scalars (int, float, bool, null, strings), documents
// separated by "---". A !!python/ tag builds an object with the full and
// unsafe loaders and raises ConstructorError with the safe one, as PyYAML
// does; benign documents load the same with every loader.
const stubYAML = `
calls = []


class YAMLError(Exception):
    pass


class ConstructorError(YAMLError):
    pass


class SafeLoader(object):
    safe = True


class FullLoader(object):
    safe = False


class UnsafeLoader(object):
    safe = False


class Loader(object):
    safe = False


def _scalar(s, safe):
    s = s.strip()
    if s.startswith('!!python/'):
        if safe:
            raise ConstructorError("could not determine a constructor for the tag 'tag:yaml.org,2002:%s'" % s.split()[0][2:])
        return ('python object', s)
    if s in ('', '~', 'null'):
        return None
    if s in ('true', 'True'):
        return True
    if s in ('false', 'False'):
        return False
    try:
        return int(s)
    except ValueError:
        pass
    try:
        return float(s)
    except ValueError:
        pass
    if len(s) >= 2 and s[0] == s[-1] and s[0] in '"\'':
        return s[1:-1]
    return s


def _document(text, safe):
    lines = []
    for line in text.split('\n'):
        if line.strip() and not line.strip().startswith('#'):
            lines.append(line)
    if not lines:
        return None
    if lines[0].startswith('- '):
        items = []
        for line in lines:
            items.append(_scalar(line[2:], safe))
        return items
    d = dict()
    for line in lines:
        k, _, v = line.partition(':')
        d[k.strip()] = _scalar(v, safe)
    return d


def _text(stream):
    if hasattr(stream, 'read'):
        return stream.read()
    return stream


def _documents(stream, safe):
    docs = []
    for part in _text(stream).split('---\n'):
        if part.strip():
            docs.append(_document(part, safe))
    return iter(docs)


def load(stream, Loader):
    calls.append('load Loader=' + Loader.__name__)
    return _document(_text(stream), Loader.safe)


def full_load(stream):
    calls.append('full_load')
    return _document(_text(stream), False)


def unsafe_load(stream):
    calls.append('unsafe_load')
    return _document(_text(stream), False)


def safe_load(stream):
    calls.append('safe_load')
    return _document(_text(stream), True)


def load_all(stream, Loader):
    calls.append('load_all Loader=' + Loader.__name__)
    return _documents(stream, Loader.safe)


def full_load_all(stream):
    calls.append('full_load_all')
    return _documents(stream, False)


def unsafe_load_all(stream):
    calls.append('unsafe_load_all')
    return _documents(stream, False)


def safe_load_all(stream):
    calls.append('safe_load_all')
    return _documents(stream, True)
`

// stubProcess is subprocess that runs nothing: it records the program's
// argument list (ARGV, word, word...) or, for shell=True, the string the
// shell would be given (SHELL, cmd), for the test to split with the real
// /bin/sh. The sandbox refuses the name subprocess outright, so the test
// renames the module in both programs (stubProcessModule).
const stubProcess = `
PIPE = -1
STDOUT = -2
DEVNULL = -3
calls = []


class CalledProcessError(Exception):
    pass


class CompletedProcess(object):
    def __init__(self, args, returncode, stdout=None, stderr=None):
        self.args = args
        self.returncode = returncode
        self.stdout = stdout
        self.stderr = stderr


def _launch(args, shell):
    if shell:
        if not isinstance(args, str):
            raise TypeError('the stub takes a string command with shell=True')
        calls.append(['SHELL', args])
    elif isinstance(args, str):
        calls.append(['ARGV', args])
    else:
        calls.append(['ARGV'] + list(args))


def run(args, shell=False, capture_output=False, check=False, text=False, **kwargs):
    _launch(args, shell)
    out = None
    if capture_output:
        out = b''
        if text:
            out = ''
    return CompletedProcess(args, 0, out, out)


def call(args, shell=False, **kwargs):
    _launch(args, shell)
    return 0


def check_call(args, shell=False, **kwargs):
    _launch(args, shell)
    return 0


def check_output(args, shell=False, text=False, **kwargs):
    _launch(args, shell)
    if text:
        return ''
    return b''
`

// stubShlex is shlex.split in POSIX mode (whitespace splitting, single
// and double quotes, backslash escapes; no comments), checked against
// CPython's by TestStubShlexAgreesWithCPython.
const stubShlex = `
def split(s, comments=False, posix=True):
    if s is None or comments or not posix:
        raise NotImplementedError('the stub splits in POSIX mode without comments only')
    words = []
    word = None
    i = 0
    n = len(s)
    while i < n:
        c = s[i]
        if c in ' \t\r\n':
            if word is not None:
                words.append(word)
                word = None
            i += 1
        elif c == "'":
            j = s.find("'", i + 1)
            if j < 0:
                raise ValueError('No closing quotation')
            word = (word or '') + s[i + 1:j]
            i = j + 1
        elif c == '"':
            i += 1
            buf = ''
            while True:
                if i >= n:
                    raise ValueError('No closing quotation')
                c = s[i]
                if c == '"':
                    i += 1
                    break
                if c == '\\' and i + 1 < n and s[i + 1] in '"\\':
                    buf += s[i + 1]
                    i += 2
                    continue
                buf += c
                i += 1
            word = (word or '') + buf
        elif c == '\\':
            if i + 1 >= n:
                raise ValueError('No escaped character')
            word = (word or '') + s[i + 1]
            i += 2
        else:
            word = (word or '') + c
            i += 1
    if word is not None:
        words.append(word)
    return words
`

// stubProcessModule is the name the subprocess stub is imported under.
const stubProcessModule = "stub_subprocess"

var stubModules = map[string]string{
	"requests":        stubRequests,
	"yaml":            stubYAML,
	"shlex":           stubShlex,
	stubProcessModule: stubProcess,
}
