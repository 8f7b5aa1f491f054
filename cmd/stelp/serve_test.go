package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// lspPeer frames JSON-RPC messages by hand over a reader/writer pair.
type lspPeer struct {
	t  *testing.T
	w  io.Writer
	in *bufio.Reader
}

func (p *lspPeer) send(msg string) {
	p.t.Helper()
	if _, err := fmt.Fprintf(p.w, "Content-Length: %d\r\n\r\n%s", len(msg), msg); err != nil {
		p.t.Fatalf("write: %v", err)
	}
}

// response reads messages until the response to id.
func (p *lspPeer) response(id int) map[string]any {
	p.t.Helper()
	for {
		n := 0
		for {
			line, err := p.in.ReadString('\n')
			if err != nil {
				p.t.Fatalf("read: %v", err)
			}
			line = strings.TrimSpace(line)
			if line == "" {
				break
			}
			if v, ok := strings.CutPrefix(line, "Content-Length: "); ok {
				n, _ = strconv.Atoi(v)
			}
		}
		body := make([]byte, n)
		if _, err := io.ReadFull(p.in, body); err != nil {
			p.t.Fatalf("read body: %v", err)
		}
		var m map[string]any
		if err := json.Unmarshal(body, &m); err != nil {
			p.t.Fatalf("bad JSON from server: %s", body)
		}
		if _, isReq := m["method"]; !isReq && m["id"] == float64(id) {
			return m
		}
	}
}

// session drives a short copilot-style session and returns the execute
// result.
func (p *lspPeer) session() map[string]any {
	p.t.Helper()
	p.send(`{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{}}}`)
	if r := p.response(1); r["result"] == nil {
		p.t.Fatalf("initialize: %v", r)
	}
	p.send(`{"jsonrpc":"2.0","method":"initialized","params":{}}`)
	p.send(`{"jsonrpc":"2.0","id":2,"method":"workspace/executeCommand","params":{"command":"stelp.execute","arguments":[{"text":"x = 6 * 7\nprint(x)\n"}]}}`)
	res, _ := p.response(2)["result"].(map[string]any)
	p.send(`{"jsonrpc":"2.0","id":3,"method":"shutdown"}`)
	p.response(3)
	p.send(`{"jsonrpc":"2.0","method":"exit"}`)
	return res
}

func TestServeStdio(t *testing.T) {
	inR, inW := io.Pipe()
	outR, outW := io.Pipe()
	var stderr strings.Builder
	code := make(chan int, 1)
	go func() {
		// --stdio as many clients pass it: accepted, stdio is the default.
		code <- run(context.Background(), []string{"serve", "--stdio", "--workers", "1"}, inR, outW, &syncWriter{w: &stderr})
		outW.Close()
	}()
	res := (&lspPeer{t: t, w: inW, in: bufio.NewReader(outR)}).session()
	if res["status"] != "ok" || res["stdout"] != "42\n" || res["feedback"] == nil {
		t.Errorf("execute: %v", res)
	}
	select {
	case c := <-code:
		if c != 0 {
			t.Errorf("exit code %d after shutdown+exit; stderr:\n%s", c, stderr.String())
		}
	case <-time.After(10 * time.Second):
		t.Fatal("serve did not exit")
	}
}

func TestServeListen(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	errs := &syncWriter{w: &strings.Builder{}}
	code := make(chan int, 1)
	go func() {
		code <- run(ctx, []string{"serve", "--workers", "1", "--listen", "127.0.0.1:0"}, strings.NewReader(""), io.Discard, errs)
	}()
	addrRE := regexp.MustCompile(`listening on (\S+)`)
	var addr string
	for deadline := time.Now().Add(10 * time.Second); addr == "" && time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
		if m := addrRE.FindStringSubmatch(errs.String()); m != nil {
			addr = m[1]
		}
	}
	if addr == "" {
		t.Fatalf("no listening address in stderr: %s", errs.String())
	}
	// Two sessions, one after the other, on the same server.
	for i := 0; i < 2; i++ {
		conn, err := net.Dial("tcp", addr)
		if err != nil {
			t.Fatal(err)
		}
		res := (&lspPeer{t: t, w: conn, in: bufio.NewReader(conn)}).session()
		conn.Close()
		if res["status"] != "ok" {
			t.Errorf("session %d: %v", i, res)
		}
	}
	cancel()
	select {
	case c := <-code:
		if c != 0 {
			t.Errorf("exit code %d", c)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("serve --listen did not stop")
	}
}

func TestServeFlags(t *testing.T) {
	for _, args := range [][]string{{"serve", "extra"}, {"serve", "--workers", "0"}, {"serve", "--nope"}} {
		var out, errs strings.Builder
		if c := run(context.Background(), args, strings.NewReader(""), &out, &errs); c != exitUsage {
			t.Errorf("%v: exit %d, want %d", args, c, exitUsage)
		}
	}
}

type syncWriter struct {
	mu sync.Mutex
	w  *strings.Builder
}

func (s *syncWriter) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.w.Write(p)
}

func (s *syncWriter) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.w.String()
}
