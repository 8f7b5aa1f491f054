package server

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"runtime/debug"
	"sync"
	"sync/atomic"
	"time"

	"go.lsp.dev/jsonrpc2"
	"go.lsp.dev/protocol"
	"go.uber.org/zap"

	"github.com/stelp-dev/stelp/policy"
)

// Options configure a server. Zero values mean the defaults.
type Options struct {
	// Logger receives the server's own log (never the client's stdout).
	Logger *zap.Logger
	// Debounce is the quiet time after an edit before analysis; negative
	// disables it (benchmarks, tests).
	Debounce time.Duration
	// DocsURL is where docs/rules.md is published; diagnostics link to
	// DocsURL#sp101. The client may override it (initializationOptions).
	DocsURL string
	// ProgressDelay: runs longer than this report $/progress.
	ProgressDelay time.Duration
	// MaxDocumentBytes: larger documents are kept but not analysed.
	MaxDocumentBytes int
	// Version is reported in serverInfo.
	Version string
}

const (
	defaultDocsURL  = "https://github.com/stelp-dev/stelp/blob/main/docs/rules.md"
	defaultDebounce = 150 * time.Millisecond

	codeRequestCancelled jsonrpc2.Code = -32800
)

// ErrExitWithoutShutdown is Run's error when the client sent exit (or went
// away) without shutdown first; LSP asks for exit code 1 then.
var ErrExitWithoutShutdown = errors.New("exit without shutdown")

// Server is one LSP session (one client connection).
type Server struct {
	opts   Options
	engine Engine
	log    *zap.Logger

	ctx     context.Context // cancelled when the session ends
	cancel  context.CancelFunc
	conn    jsonrpc2.Conn
	wg      sync.WaitGroup // document goroutines and running requests
	goMu    sync.Mutex
	closing bool // no new goroutines: Run is waiting for wg

	docsMu sync.Mutex
	docs   map[protocol.DocumentURI]*document

	inflightMu sync.Mutex
	inflight   map[jsonrpc2.ID]context.CancelFunc

	client      clientCaps // written once by initialize, before any other handler
	initialized atomic.Bool
	shutdown    atomic.Bool
	exited      atomic.Bool
	exit        chan struct{} // closed by the exit notification

	config configCache

	optMu     sync.Mutex    // guards what settings change: opts.Debounce, opts.DocsURL, client.traceNotify, below
	tracesOff bool          // the editor asked for no trace display
	limits    policy.Limits // the editor's limit overrides

	progressMu     sync.Mutex
	progressCancel map[string]context.CancelFunc // by JSON token
	seq            atomic.Int64                  // progress tokens
}

// New returns a server over engine.
func New(engine Engine, opts Options) *Server {
	if opts.Logger == nil {
		opts.Logger = zap.NewNop()
	}
	if opts.Debounce == 0 {
		opts.Debounce = defaultDebounce
	}
	if opts.DocsURL == "" {
		opts.DocsURL = defaultDocsURL
	}
	if opts.ProgressDelay == 0 {
		opts.ProgressDelay = 200 * time.Millisecond
	}
	if opts.MaxDocumentBytes == 0 {
		opts.MaxDocumentBytes = 5 << 20
	}
	return &Server{
		opts:     opts,
		engine:   engine,
		log:      opts.Logger,
		docs:     map[protocol.DocumentURI]*document{},
		exit:     make(chan struct{}),
		inflight: map[jsonrpc2.ID]context.CancelFunc{},

		progressCancel: map[string]context.CancelFunc{},
		config:         configCache{entries: map[string]*configEntry{}, published: map[protocol.DocumentURI]bool{}},
	}
}

// Run serves one client over rwc until exit, the client hanging up, or ctx
// ending. It returns nil after a clean shutdown+exit.
func (s *Server) Run(ctx context.Context, rwc io.ReadWriteCloser) error {
	s.ctx, s.cancel = context.WithCancel(ctx)
	defer s.cancel()
	s.conn = jsonrpc2.NewConn(newStream(rwc, s.log))
	s.conn.Go(s.ctx, s.handle)
	select {
	case <-s.conn.Done():
	case <-s.exit:
		// The read loop may sit in a read of stdin that closing cannot
		// interrupt; after exit nothing more is read, so do not wait.
		s.conn.Close()
	case <-ctx.Done():
		s.conn.Close()
	}
	s.cancel()
	s.goMu.Lock()
	s.closing = true
	s.goMu.Unlock()
	s.wg.Wait()
	if s.exited.Load() && s.shutdown.Load() {
		return nil
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	return ErrExitWithoutShutdown
}

// job is the part of a request that may take time; it runs on its own
// goroutine so that the read loop keeps taking edits.
type job func(ctx context.Context) (any, error)

// callHandler parses a request and captures the state it needs (document
// snapshots) in the read loop, in order with edits; the returned job does
// the work concurrently.
type callHandler func(s *Server, ctx context.Context, raw json.RawMessage) (job, error)

type notifyHandler func(s *Server, ctx context.Context, raw json.RawMessage) error

var calls = map[string]callHandler{
	"textDocument/codeAction":  (*Server).codeAction,
	"textDocument/codeLens":    (*Server).codeLens,
	"textDocument/inlayHint":   (*Server).inlayHint,
	"workspace/executeCommand": (*Server).executeCommand,
	"textDocument/hover":       (*Server).hover,
	"codeLens/resolve":         (*Server).echo,
	"inlayHint/resolve":        (*Server).echo,
}

var notifications = map[string]notifyHandler{
	"textDocument/didOpen":             (*Server).didOpen,
	"textDocument/didChange":           (*Server).didChange,
	"textDocument/didClose":            (*Server).didClose,
	"textDocument/didSave":             (*Server).didSave,
	"workspace/didChangeWatchedFiles":  (*Server).didChangeWatchedFiles,
	"workspace/didChangeConfiguration": (*Server).didChangeConfiguration,
	"window/workDoneProgress/cancel":   (*Server).cancelProgress,
}

// handle is the jsonrpc2 handler. It runs on the connection's read loop:
// notifications are applied here, in order; requests are prepared here and
// answered from their own goroutine.
//
// It never returns an error: jsonrpc2 v0.10.0 keeps a handler's error with
// atomic.Value.Store, and a later error of another type (the stream
// closing) then panics its connection goroutine, taking the process down.
// A failed reply (the client went away) is only logged.
func (s *Server) handle(ctx context.Context, rawReply jsonrpc2.Replier, req jsonrpc2.Request) error {
	method := req.Method()
	reply := func(ctx context.Context, result any, err error) error {
		if rerr := rawReply(ctx, result, err); rerr != nil {
			s.log.Info("reply not delivered", zap.String("method", method), zap.Error(rerr))
		}
		return nil
	}
	call, isCall := req.(*jsonrpc2.Call)
	raw := req.Params()

	switch method {
	case "initialize":
		res, err := s.initialize(raw)
		return reply(ctx, res, err)
	case "initialized":
		s.goroutine(func() { s.registerWatchers(s.ctx) })
		return nil
	case "shutdown":
		s.shutdown.Store(true)
		return reply(ctx, nil, nil)
	case "exit":
		if !s.exited.Swap(true) {
			close(s.exit)
		}
		return nil
	case "$/cancelRequest":
		s.cancelRequest(raw)
		return nil
	}

	if !s.initialized.Load() {
		if isCall {
			return reply(ctx, nil, jsonrpc2.NewError(jsonrpc2.ServerNotInitialized, "stelp: initialize first"))
		}
		return nil
	}
	if s.shutdown.Load() && isCall {
		return reply(ctx, nil, jsonrpc2.NewError(jsonrpc2.InvalidRequest, "stelp: server is shutting down"))
	}

	if !isCall {
		h := notifications[method]
		if h == nil {
			return nil // unknown or ignored notification: LSP says drop it
		}
		if err := s.safely(method, func() error { return h(s, ctx, raw) }); err != nil {
			s.log.Warn("notification failed", zap.String("method", method), zap.Error(err))
		}
		return nil
	}

	h := calls[method]
	if h == nil {
		return reply(ctx, nil, jsonrpc2.NewError(jsonrpc2.MethodNotFound, fmt.Sprintf("stelp: method %q is not supported", method)))
	}
	var work job
	if err := s.safely(method, func() (err error) { work, err = h(s, ctx, raw); return err }); err != nil {
		return reply(ctx, nil, toRPCError(err))
	}
	id := call.ID()
	jctx, cancel := context.WithCancel(s.ctx)
	s.inflightMu.Lock()
	s.inflight[id] = cancel
	s.inflightMu.Unlock()
	begun := time.Now()
	started := s.goroutine(func() {
		defer func() {
			s.log.Debug("request", zap.String("method", method), zap.Stringer("id", idString(id)), zap.Duration("took", time.Since(begun)))
		}()
		var res any
		err := s.safely(method, func() (err error) { res, err = work(jctx); return err })
		s.inflightMu.Lock()
		delete(s.inflight, id)
		s.inflightMu.Unlock()
		cancelled := jctx.Err() != nil
		cancel()
		if cancelled && s.ctx.Err() == nil {
			res, err = nil, jsonrpc2.NewError(codeRequestCancelled, "stelp: request cancelled")
		}
		if err != nil {
			res, err = nil, toRPCError(err)
		}
		reply(s.ctx, res, err)
	})
	if !started {
		cancel()
		s.inflightMu.Lock()
		delete(s.inflight, id)
		s.inflightMu.Unlock()
	}
	return nil
}

// goroutine runs f on a goroutine that Run waits for, unless the session
// is ending (then it reports false and does not run f).
func (s *Server) goroutine(f func()) bool {
	s.goMu.Lock()
	defer s.goMu.Unlock()
	if s.closing {
		return false
	}
	s.wg.Add(1)
	go func() {
		defer s.wg.Done()
		f()
	}()
	return true
}

// safely runs f, turning a panic into an error (with the stack in the log)
// so that one bad request cannot take the session down.
func (s *Server) safely(method string, f func() error) (err error) {
	defer func() {
		if r := recover(); r != nil {
			s.log.Error("handler panicked", zap.String("method", method), zap.Any("panic", r), zap.ByteString("stack", debug.Stack()))
			err = jsonrpc2.NewError(jsonrpc2.InternalError, fmt.Sprintf("stelp: internal error in %s: %v", method, r))
		}
	}()
	return f()
}

func toRPCError(err error) error {
	var rpc *jsonrpc2.Error
	if errors.As(err, &rpc) {
		return rpc
	}
	var bad *paramsError
	if errors.As(err, &bad) {
		return jsonrpc2.NewError(jsonrpc2.InvalidParams, err.Error())
	}
	return jsonrpc2.NewError(jsonrpc2.InternalError, err.Error())
}

// paramsError marks a request the client got wrong.
type paramsError struct{ msg string }

func (e *paramsError) Error() string { return e.msg }

func badParams(format string, args ...any) error {
	return &paramsError{fmt.Sprintf(format, args...)}
}

// cancelRequest handles $/cancelRequest itself: jsonrpc2 v0.10.0 decodes a
// numeric id in the params as float64, which never equals its ID type.
func (s *Server) cancelRequest(raw json.RawMessage) {
	var p struct {
		ID json.RawMessage `json:"id"`
	}
	if json.Unmarshal(raw, &p) != nil || len(p.ID) == 0 {
		return
	}
	var id jsonrpc2.ID
	var num float64
	var name string
	switch {
	case json.Unmarshal(p.ID, &num) == nil && num == float64(int32(num)):
		id = jsonrpc2.NewNumberID(int32(num))
	case json.Unmarshal(p.ID, &name) == nil:
		id = jsonrpc2.NewStringID(name)
	default:
		return
	}
	s.inflightMu.Lock()
	cancel := s.inflight[id]
	s.inflightMu.Unlock()
	if cancel != nil {
		cancel()
	}
}

// echo answers resolve requests: everything is resolved up front.
func (s *Server) echo(ctx context.Context, raw json.RawMessage) (job, error) {
	return func(context.Context) (any, error) { return raw, nil }, nil
}

func (s *Server) notify(ctx context.Context, method string, params any) error {
	if s.conn == nil {
		return nil
	}
	return s.conn.Notify(ctx, method, params)
}

// callClient sends a request to the client. It must not run on the read
// loop, which is the only reader of the response.
func (s *Server) callClient(ctx context.Context, method string, params, result any) error {
	_, err := s.conn.Call(ctx, method, params, result)
	return err
}

// idString formats a request id for the log.
type idString jsonrpc2.ID

func (id idString) String() string { return fmt.Sprintf("%v", jsonrpc2.ID(id)) }
