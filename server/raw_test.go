package server

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"strconv"
	"strings"
	"testing"
	"time"
)

// rawClient speaks the base protocol by hand, to send what no well-behaved
// jsonrpc2 library would: broken JSON, bad headers, huge bodies. Like a
// real client it reads all the time, so the server never blocks writing.
type rawClient struct {
	t    *testing.T
	conn net.Conn
	msgs chan json.RawMessage
}

func newRawClient(t *testing.T, conn net.Conn) *rawClient {
	c := &rawClient{t: t, conn: conn, msgs: make(chan json.RawMessage, 1024)}
	go func() {
		defer close(c.msgs)
		in := bufio.NewReader(conn)
		for {
			length := -1
			for {
				line, err := in.ReadString('\n')
				if err != nil {
					return
				}
				line = strings.TrimSpace(line)
				if line == "" {
					break
				}
				if v, ok := strings.CutPrefix(line, "Content-Length: "); ok {
					length, _ = strconv.Atoi(v)
				}
			}
			body := make([]byte, length)
			if _, err := io.ReadFull(in, body); err != nil {
				return
			}
			c.msgs <- body
		}
	}()
	return c
}

func newRawPair(t *testing.T, eng Engine) (*Server, *rawClient) {
	t.Helper()
	sc, cc := net.Pipe()
	srv := New(eng, Options{Debounce: -1})
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- srv.Run(ctx, sc) }()
	t.Cleanup(func() {
		cancel()
		cc.Close()
		select {
		case <-done:
		case <-time.After(5 * time.Second):
			t.Error("server did not stop")
		}
	})
	return srv, newRawClient(t, cc)
}

func (c *rawClient) send(body string) {
	c.t.Helper()
	c.sendRaw(fmt.Sprintf("Content-Length: %d\r\n\r\n%s", len(body), body))
}

func (c *rawClient) sendRaw(data string) {
	c.t.Helper()
	c.conn.SetWriteDeadline(time.Now().Add(5 * time.Second))
	if _, err := io.WriteString(c.conn, data); err != nil {
		c.t.Fatalf("write: %v", err)
	}
}

// read returns the next message body.
func (c *rawClient) read() json.RawMessage {
	c.t.Helper()
	select {
	case m, ok := <-c.msgs:
		if !ok {
			c.t.Fatal("connection closed")
		}
		return m
	case <-time.After(10 * time.Second):
		c.t.Fatal("timed out reading")
	}
	return nil
}

// readResponse skips notifications until the response with id (a JSON
// literal such as 3 or "abc") arrives.
func (c *rawClient) readResponse(id string) json.RawMessage {
	c.t.Helper()
	for {
		msg := c.read()
		var probe struct {
			ID     json.RawMessage `json:"id"`
			Method string          `json:"method"`
		}
		json.Unmarshal(msg, &probe)
		if probe.Method == "" && string(probe.ID) == id {
			return msg
		}
	}
}

func (c *rawClient) request(id int, method, params string) json.RawMessage {
	c.t.Helper()
	c.send(fmt.Sprintf(`{"jsonrpc":"2.0","id":%d,"method":%q,"params":%s}`, id, method, params))
	return c.readResponse(strconv.Itoa(id))
}

func TestMalformedInputNeverStopsTheServer(t *testing.T) {
	srv, c := newRawPair(t, &fakeEngine{})
	srv.opts.MaxDocumentBytes = 1 << 20
	c.request(1, "initialize", `{"capabilities":{}}`)
	c.send(`{"jsonrpc":"2.0","method":"initialized","params":{}}`)

	// Broken JSON with a recoverable id: a parse error for that id.
	c.send(`{"jsonrpc":"2.0","id":2,"method":"textDocument/codeLens","params":{`)
	if r := c.readResponse("null"); !strings.Contains(string(r), `"code":-32700`) {
		// the id cannot be recovered from truncated JSON: null id
		t.Errorf("truncated JSON: %s", r)
	}
	c.send(`{"jsonrpc":"2.0","id":3,"method":5}`)
	if r := c.readResponse("3"); !strings.Contains(string(r), `"code":-32700`) {
		t.Errorf("method of the wrong type: %s", r)
	}
	// Garbage header lines and a block with no Content-Length are skipped.
	c.sendRaw("this is not a header\r\n\r\n")
	c.sendRaw("Content-Length: banana\r\n\r\n")
	// An unknown request gets MethodNotFound; an unknown notification is
	// dropped.
	c.send(`{"jsonrpc":"2.0","method":"$/somethingNew","params":{}}`)
	if r := c.request(4, "stelp/unknown", `{}`); !strings.Contains(string(r), `"code":-32601`) {
		t.Errorf("unknown method: %s", r)
	}
	// Wrong parameter types: InvalidParams, not a crash.
	if r := c.request(5, "workspace/executeCommand", `{"command":"stelp.check","arguments":[{"uri":42}]}`); !strings.Contains(string(r), `"code":-32602`) {
		t.Errorf("bad params: %s", r)
	}
	if r := c.request(6, "workspace/executeCommand", `{"command":"stelp.nope","arguments":[{"text":"x"}]}`); !strings.Contains(string(r), `"code":-32602`) {
		t.Errorf("unknown command: %s", r)
	}
	// A didChange for a document that is not open is ignored.
	c.send(`{"jsonrpc":"2.0","method":"textDocument/didChange","params":{"textDocument":{"uri":"file:///nope.py","version":2},"contentChanges":[{"text":"x"}]}}`)
	// An oversized message is skipped without being buffered.
	srv.opts.MaxDocumentBytes = 1 << 20
	big := `{"jsonrpc":"2.0","id":8,"method":"workspace/executeCommand","params":{"command":"stelp.check","arguments":[{"text":"` + strings.Repeat("x", 2<<20) + `"}]}}`
	c.send(big)
	if r := c.readResponse("8"); !strings.Contains(string(r), "over the") {
		t.Errorf("huge text: %s", r)
	}
	// Still alive and well.
	r := c.request(9, "workspace/executeCommand", `{"command":"stelp.check","arguments":[{"text":"x = eval(s)\n"}]}`)
	if !strings.Contains(string(r), `"rule":"SP101"`) {
		t.Fatalf("server not answering after bad input: %s", r)
	}
}

func TestOversizedMessageIsSkipped(t *testing.T) {
	sc, cc := net.Pipe()
	srv := New(&fakeEngine{}, Options{Debounce: -1})
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	done := make(chan error, 1)
	st := newStream(sc, srv.log)
	st.max = 1 << 10
	go func() {
		msg, _, err := st.Read(ctx)
		if err == nil {
			done <- nil
			_ = msg
			return
		}
		done <- err
	}()
	c := newRawClient(t, cc)
	go c.send(`{"jsonrpc":"2.0","id":1,"method":"x","params":"` + strings.Repeat("y", 4<<10) + `"}`)
	if r := c.read(); !strings.Contains(string(r), "exceeds the 1024 byte limit") {
		t.Errorf("oversized: %s", r)
	}
	go c.send(`{"jsonrpc":"2.0","id":2,"method":"x"}`)
	if err := <-done; err != nil {
		t.Fatalf("read after oversized message: %v", err)
	}
}

// TestRandomParamsNeverStopTheServer sends every method the server knows
// with parameters of the wrong shape, then checks it still answers.
func TestRandomParamsNeverStopTheServer(t *testing.T) {
	_, c := newRawPair(t, &fakeEngine{})
	c.request(1, "initialize", `{"capabilities":{}}`)
	c.send(`{"jsonrpc":"2.0","method":"initialized","params":{}}`)
	shapes := []string{`null`, `[]`, `{}`, `5`, `"x"`, `{"textDocument":5}`, `{"textDocument":{"uri":"file:///a.py","version":"x"}}`,
		`{"textDocument":{"uri":"file:///a.py","languageId":"python","version":1,"text":"eval(x)\n"}}`,
		`{"textDocument":{"uri":"file:///a.py","version":2},"contentChanges":[{"range":{"start":{"line":99,"character":99},"end":{"line":0,"character":0}},"text":"é"}]}`,
		`{"textDocument":{"uri":"file:///a.py","version":3},"contentChanges":[{"range":{"start":{"line":-1,"character":0},"end":{"line":0,"character":1}},"text":"x"}]}`,
		`{"textDocument":{"uri":"file:///a.py"},"range":{"start":{"line":0,"character":0},"end":{"line":999,"character":0}},"context":{"only":5}}`,
		`{"command":"stelp.execute","arguments":[null]}`, `{"command":"stelp.execute","arguments":[{"text":5}]}`,
		`{"command":"stelp.fixAll","arguments":[{"uri":"file:///a.py","apply":"yes"}]}`, `{"changes":[{"uri":5}]}`, `{"settings":[1,2]}`,
		`{"id":{"nested":true}}`, `{"token":[]}`}
	var methods []string
	for m := range calls {
		methods = append(methods, m)
	}
	for m := range notifications {
		methods = append(methods, m)
	}
	id := 10
	for _, m := range methods {
		for _, p := range shapes {
			id++
			if _, isCall := calls[m]; isCall {
				r := c.request(id, m, p)
				if !strings.Contains(string(r), `"result"`) && !strings.Contains(string(r), `"error"`) {
					t.Fatalf("%s %s: %s", m, p, r)
				}
			} else {
				c.send(fmt.Sprintf(`{"jsonrpc":"2.0","method":%q,"params":%s}`, m, p))
			}
		}
	}
	r := c.request(id+1, "workspace/executeCommand", `{"command":"stelp.check","arguments":[{"text":"eval(x)\n"}]}`)
	if !strings.Contains(string(r), `"result"`) {
		t.Fatalf("server unwell after odd params: %s", r)
	}
}

// TestClientVanishingMidReply: a reply that cannot be delivered must not
// crash the server (jsonrpc2 would panic on a handler error followed by a
// stream error of another type).
func TestClientVanishingMidReply(t *testing.T) {
	for i := 0; i < 20; i++ {
		sc, cc := net.Pipe()
		srv := New(&fakeEngine{}, Options{Debounce: -1})
		done := make(chan error, 1)
		go func() { done <- srv.Run(context.Background(), sc) }()
		msg := `{"jsonrpc":"2.0","id":1,"method":"stelp/nope","params":{}}`
		fmt.Fprintf(cc, "Content-Length: %d\r\n\r\n%s", len(msg), msg)
		cc.Close() // before reading the MethodNotFound reply
		select {
		case err := <-done:
			if err != ErrExitWithoutShutdown {
				t.Fatalf("Run = %v", err)
			}
		case <-time.After(5 * time.Second):
			t.Fatal("server did not notice the client leaving")
		}
	}
}
